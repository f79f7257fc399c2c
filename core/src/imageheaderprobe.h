#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace snaption {

// Reads the pixel dimensions an image file declares in its header, without decoding it, so that
// absurd sizes can be refused before OpenCV allocates memory for them. Knows PNG, JPEG, GIF, BMP,
// WebP, TIFF and PNM; never reads outside the given bytes.
class ImageHeaderProbe {
public:
    struct Dimensions {
        std::int64_t width = 0;
        std::int64_t height = 0;
        std::string format;
        // Bytes per pixel of the decoded image (channels x bytes per sample), as far as the
        // header tells; 4 where it does not.
        int bytesPerPixel = 4;
    };

    static std::optional<Dimensions> probe(const std::uint8_t *data, std::size_t size);
    // The format a file's signature names, among those Snaption reads (ImageLoader's extensions),
    // or nothing. Only these reach OpenCV: it links readers (DICOM through GDCM, for one) that
    // abort the process on a malformed file.
    static std::optional<std::string> knownFormat(const std::uint8_t *data, std::size_t size);
};

} // namespace snaption
