// libFuzzer target: the restricted unpickler must reject or accept any input without crashing,
// leaking or running out of bounds (built with AddressSanitizer and UBSan by scripts/fuzz.sh).
#include "unpickler.h"

#include <snaption/error.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    snaption::Unpickler::Limits limits;
    limits.maxValues = 100'000; // keep each run small; the real limit is tested separately
    try {
        snaption::Unpickler::load(data, size, "fuzz", limits);
    } catch (const snaption::Error &) {
    }
    return 0;
}
