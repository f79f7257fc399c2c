#pragma once

#include <snaption/rgbimage.h>

#include <array>
#include <utility>
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
// The 8-bit step preprocessImage takes first for a large image: area averaging to at most four
// times `size` per axis, a whole multiple of it. Applying it early gives bit for bit the same
// preprocessing and holds a fraction of the pixels (2.4 MB instead of 5.8 MB for a photo read at
// 1600 px, 36 MB at 12 MP); images too small for it are returned as they are.
RgbImage shrinkForEncoder(RgbImage image, int size);
// The width and height shrinkForEncoder gives an image of width x height (its own when it is
// left as it is).
std::pair<int, int> encoderShrinkSize(int width, int height, int size);
// The resize step alone.
RgbImage resizeImage(const RgbImage &image, int width, int height);
// The image shrunk (area averaging, aspect kept) so its longer side is at most `longerSide`
// pixels; unchanged when it fits already or longerSide <= 0.
RgbImage shrinkToFit(RgbImage image, int longerSide);

} // namespace snaption
