#pragma once

#include "picklevalue.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snaption {

// A restricted pickle reader (protocols 2-5) for torch.save archives and the original project's
// vocabulary pickles. It never executes anything: GLOBAL and STACK_GLOBAL accept only the names
// below, and "calling" them (REDUCE, NEWOBJ) builds plain data. Every length and index is checked
// against the input, and the number of values, the stack and the memo are bounded.
//
// Accepted globals: collections.OrderedDict, torch._utils._rebuild_tensor(_v2),
// torch._utils._rebuild_parameter(_with_state), the torch.*Storage types, torch.Size,
// _codecs.encode (protocol-2 bytes), re._compile (recorded, not compiled), and
// snaption.utils.VocabMapper / snaption.utils.WordTokenizer (recorded with their state).
class Unpickler {
public:
    struct Limits {
        std::size_t maxValues = 5'000'000; // every opcode makes at most one value
        std::size_t maxStack = 1'000'000;
        std::size_t maxMemo = 5'000'000;
        std::size_t maxMarks = 10'000;
    };

    // Throws Error(BadModel) naming the source, the byte offset and the problem.
    static PickleValue::Ptr load(const std::uint8_t *data, std::size_t size, const std::string &source, const Limits &limits);
    static PickleValue::Ptr load(const std::vector<std::uint8_t> &bytes, const std::string &source)
    {
        return load(bytes.data(), bytes.size(), source, Limits{});
    }

    static bool isAllowedGlobal(const std::string &module, const std::string &name);
};

} // namespace snaption
