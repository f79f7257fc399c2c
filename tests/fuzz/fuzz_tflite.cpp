// libFuzzer target: the TFLite reader, and dequantising every tensor it accepts.
#include "tflitemodel.h"

#include <snaption/error.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const snaption::TfliteModel model = snaption::TfliteModel::parse(std::vector<std::uint8_t>(data, data + size), "fuzz");
        for (std::size_t i = 0; i < model.tensors().size(); ++i) {
            try {
                model.values(std::int32_t(i));
            } catch (const snaption::Error &) {
            }
        }
    } catch (const snaption::Error &) {
    }
    return 0;
}
