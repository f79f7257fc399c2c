#pragma once

#include <snaption/rgbimage.h>

#include <cstdint>
#include <string>
#include <vector>

namespace snaption {

// Reads images with OpenCV: every format OpenCV decodes, EXIF orientation applied, grey, alpha
// (composited over white) and 16-bit images converted to 8-bit RGB. Images whose header declares
// more pixels than the budget are refused before any pixel is decoded.
class ImageLoader {
public:
    static constexpr std::int64_t kDefaultMaxPixels = 100'000'000;
    static constexpr std::int64_t kMaxFileBytes = std::int64_t(1) << 31;

    explicit ImageLoader(std::int64_t maxPixels = kDefaultMaxPixels);

    std::int64_t maxPixels() const { return m_maxPixels; }

    // Throw Error(Io) when the file cannot be read, Error(BadImage) when it is not a usable image.
    RgbImage load(const std::string &path) const;
    RgbImage decode(const std::vector<std::uint8_t> &bytes, const std::string &nameForErrors = "image") const;

    // File name extensions OpenCV can read here, lower case without dot (for file dialogs).
    static std::vector<std::string> supportedExtensions();

private:
    std::int64_t m_maxPixels;
};

} // namespace snaption
