#pragma once

#include <snaption/rgbimage.h>

#include <array>
#include <vector>

namespace snaption {

// The per-channel normalisation an encoder expects: (pixel / 255 - mean) / std.
struct Normalization {
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};

    static Normalization imageNet() { return {}; }
    // TensorFlow-trained weights expect inputs in [-1, 1].
    static Normalization minusOneToOne() { return {{0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, 0.5f}}; }
    bool operator==(const Normalization &o) const { return mean == o.mean && std == o.std; }
};

// Resizes an image to size x size (area averaging when shrinking, bilinear when enlarging) and
// returns normalised planar float data, channel-major (C x H x W, RGB order).
std::vector<float> preprocessImage(const RgbImage &image, int size, const Normalization &normalization);
// The resize step alone.
RgbImage resizeImage(const RgbImage &image, int width, int height);

} // namespace snaption
