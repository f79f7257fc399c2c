#pragma once

#include <cstdint>
#include <vector>

namespace snaption {

// An 8-bit RGB image, rows top to bottom, 3 bytes per pixel, no padding. The plain type that
// crosses from core to widgets (which wrap it in a QImage without copying).
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    RgbImage() = default;
    RgbImage(int w, int h) : width(w), height(h), pixels(std::size_t(w) * std::size_t(h) * 3u, 0) {}
    bool isNull() const { return width <= 0 || height <= 0; }
    std::uint8_t *row(int y) { return pixels.data() + std::size_t(y) * std::size_t(width) * 3u; }
    const std::uint8_t *row(int y) const { return pixels.data() + std::size_t(y) * std::size_t(width) * 3u; }
};

} // namespace snaption
