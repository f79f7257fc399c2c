// libFuzzer target: images through the loader (GIF first frames with giflib, and every other
// format the header probe and OpenCV read), whole and shrunk to fit.
#include <snaption/error.h>
#include <snaption/imageloader.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        // A small pixel limit keeps each input cheap; what matters is that nothing is read or
        // written outside the buffers.
        const snaption::ImageLoader loader(4'000'000);
        const std::vector<std::uint8_t> bytes(data, data + size);
        loader.decode(bytes, "fuzz", size % 3 == 0 ? 64 : 0);
    } catch (const snaption::Error &) {
    }
    return 0;
}
