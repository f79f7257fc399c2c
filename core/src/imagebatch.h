#pragma once

#include <snaption/preprocessing.h>
#include <snaption/rgbimage.h>

#include <torch/types.h>

#include <vector>

namespace snaption {

// Turns images into the encoder's input tensor [B, 3, size, size].
class ImageBatch {
public:
    static torch::Tensor preprocess(const std::vector<RgbImage> &images, int size, const Normalization &normalization);
    // Already preprocessed planar floats (count x 3 x size x size) -> tensor, validating the size.
    static torch::Tensor fromPlanar(const std::vector<float> &values, int count, int size);
};

} // namespace snaption
