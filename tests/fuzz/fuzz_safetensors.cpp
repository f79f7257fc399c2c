// libFuzzer target: the safetensors reader, and reading every tensor it accepts.
#include <snaption/error.h>
#include <snaption/safetensorsfile.h>

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const snaption::SafetensorsFile file = snaption::SafetensorsFile::parse(std::vector<std::uint8_t>(data, data + size), "fuzz");
        volatile std::uint8_t sink = 0;
        for (const auto &entry : file.entries()) {
            const std::uint8_t *bytes = file.data(entry);
            for (std::uint64_t i = 0; i < entry.end - entry.begin; ++i) sink = sink ^ bytes[i];
        }
    } catch (const snaption::Error &) {
    }
    return 0;
}
