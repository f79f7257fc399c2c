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
    // The longer side images are read at to be shown (the GUI's display size) or augmented for
    // training: a 12-megapixel photo then costs 6 MB instead of 36.
    static constexpr int kCaptioningSize = 1600;

    explicit ImageLoader(std::int64_t maxPixels = kDefaultMaxPixels);

    std::int64_t maxPixels() const { return m_maxPixels; }

    // Throw Error(Io) when the file cannot be read, Error(BadImage) when it is not a usable image.
    // fitWithin > 0 shrinks the image (area averaging) so its longer side is at most that many
    // pixels; a JPEG at least twice as large is decoded at 1/2, 1/4 or 1/8 size by libjpeg's DCT
    // scaling first, which is several times faster.
    RgbImage load(const std::string &path, int fitWithin = 0) const;
    // The image as an encoder of input size x size gets it (what shrinkForEncoder makes of it),
    // read the fast way: a JPEG is decoded at the largest DCT reduction that leaves each side at
    // least `size` pixels (a 12-megapixel photo at 1/8: about a third of the time it takes at the
    // display size), anything else whole and area-averaged straight to the encoder's size.
    // snaption-cli and the desktop app both caption these pixels.
    RgbImage loadForEncoder(const std::string &path, int size) const;
    // Both at once, for an image that is captioned and shown: what loadForEncoder(path,
    // encoderSize) gives, and the image fitted within `fitWithin` pixels: area-averaged from the
    // encoder's decode where that is large enough (a thumbnail), else as load(path, fitWithin)
    // gives it (a display image of a camera photo: a decode of its own).
    struct EncoderAndFitted {
        RgbImage encoderInput;
        RgbImage fitted;
    };
    EncoderAndFitted loadForEncoderAndFit(const std::string &path, int encoderSize, int fitWithin) const;
    RgbImage decode(const std::vector<std::uint8_t> &bytes, const std::string &nameForErrors = "image", int fitWithin = 0) const;

    // File name extensions OpenCV can read here, lower case without dot (for file dialogs).
    static std::vector<std::string> supportedExtensions();

private:
    std::int64_t m_maxPixels;
};

} // namespace snaption
