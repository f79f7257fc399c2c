#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace snaption {

// A value produced by the restricted unpickler. Nothing in it is executable: calls to whitelisted
// globals are recorded as data (a dict, a tensor reference, an object with its state).
struct PickleValue {
    enum class Kind {
        None, Bool, Int, Float, String, Bytes, Tuple, List, Set, Dict,
        Global,  // a whitelisted module.name, not yet applied
        Object,  // an instance of a whitelisted class: name, args, state
        Storage, // a tensor storage in the archive (persistent id)
        Tensor,  // a view of a storage: offset, sizes, strides
    };
    using Ptr = std::shared_ptr<PickleValue>;

    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0; // Int; Storage: element count; Tensor: storage offset
    double real = 0;
    std::string text;         // String, Bytes, Global/Object name, Storage: record key
    std::string dtype;        // Storage, Tensor: "F32", "I64", ...
    std::vector<Ptr> items;   // Tuple/List/Set elements, Object: args; Tensor: [storage]
    std::vector<std::pair<Ptr, Ptr>> entries; // Dict; Object: state as a dict when it is one
    Ptr state;                // Object/Dict: the BUILD state
    std::vector<std::int64_t> sizes, strides; // Tensor
    int depth = 0; // nesting below this value, as far as it was built (bounded by the unpickler)

    PickleValue() = default;
    explicit PickleValue(Kind k) : kind(k) {}
    PickleValue(const PickleValue &) = delete;
    PickleValue &operator=(const PickleValue &) = delete;
    // Releases nested values without recursion: a hostile pickle may nest 100,000 deep.
    ~PickleValue();

    bool isString() const { return kind == Kind::String; }
    // Dict lookup by string key; nullptr if absent or not a dict.
    Ptr get(const std::string &key) const;
    static const char *kindName(Kind kind);
};

} // namespace snaption
