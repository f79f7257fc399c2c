#pragma once

#include <snaption/rgbimage.h>

#include <cstdint>
#include <string>
#include <vector>

namespace snaption {

// Reads images with OpenCV (GIF with giflib: the first frame): every format OpenCV decodes, EXIF
// orientation applied, grey, alpha (composited over white) and 16-bit images converted to 8-bit
// RGB. Images whose header declares more pixels than the budget, or whose decoding would need more
// memory than that many RGBA pixels (kBytesPerPixelBudget each), are refused before any pixel is
// decoded; the file's bytes are released before the pixels are converted, so loading a photo of
// P pixels peaks at about 7 P bytes (RGBA) or 6 P (RGB).
class ImageLoader {
public:
    static constexpr std::int64_t kDefaultMaxPixels = 100'000'000;
    static constexpr std::int64_t kMaxFileBytes = std::int64_t(1) << 31;
    static constexpr std::int64_t kBytesPerPixelBudget = 4;
    // The longer side images are read at for captioning (the GUI's display size): enough for the
    // view and the encoder's input, and a 12-megapixel photo then costs 6 MB instead of 36.
    static constexpr int kCaptioningSize = 1600;

    explicit ImageLoader(std::int64_t maxPixels = kDefaultMaxPixels);

    std::int64_t maxPixels() const { return m_maxPixels; }

    // Throw Error(Io) when the file cannot be read, Error(BadImage) when it is not a usable image.
    // fitWithin > 0 shrinks the image (area averaging) so its longer side is at most that many
    // pixels; a JPEG at least twice as large is decoded at 1/2, 1/4 or 1/8 size by libjpeg's DCT
    // scaling first, which is several times faster.
    RgbImage load(const std::string &path, int fitWithin = 0) const;
    RgbImage decode(const std::vector<std::uint8_t> &bytes, const std::string &nameForErrors = "image", int fitWithin = 0) const;

    // File name extensions OpenCV can read here, lower case without dot (for file dialogs).
    static std::vector<std::string> supportedExtensions();

private:
    std::int64_t m_maxPixels;
};

} // namespace snaption
