#pragma once

#include <snaption/rgbimage.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace snaption {

// Reads the first frame of a GIF (static or animated) with giflib, as OpenCV 4.6 has no GIF
// reader: the frame drawn on its logical screen, transparent and uncovered pixels white (as
// other formats' transparency is composited over white). Later frames are never decoded, so an
// animation costs one frame. Throws Error(BadImage) for corrupt data or a screen of more than
// maxPixels; never reads outside the given bytes.
class GifReader {
public:
    static RgbImage readFirstFrame(const std::uint8_t *data, std::size_t size, std::int64_t maxPixels, const std::string &name);
};

} // namespace snaption
