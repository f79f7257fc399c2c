#include "imagebatch.h"

#include <snaption/error.h>

#include <cstring>

namespace snaption {

torch::Tensor ImageBatch::preprocess(const std::vector<RgbImage> &images, int size, const Normalization &normalization)
{
    torch::Tensor batch = torch::empty({std::int64_t(images.size()), 3, size, size});
    const std::size_t imageFloats = 3u * std::size_t(size) * std::size_t(size);
    for (std::size_t i = 0; i < images.size(); ++i) {
        const std::vector<float> planar = preprocessImage(images[i], size, normalization);
        std::memcpy(batch.data_ptr<float>() + i * imageFloats, planar.data(), imageFloats * sizeof(float));
    }
    return batch;
}

torch::Tensor ImageBatch::fromPlanar(const std::vector<float> &values, int count, int size)
{
    if (count <= 0 || values.size() != std::size_t(count) * 3u * std::size_t(size) * std::size_t(size))
        throw Error(ErrorKind::InvalidArgument, "input must hold count x 3 x " + std::to_string(size) + " x " +
                                                    std::to_string(size) + " values");
    return torch::from_blob(const_cast<float *>(values.data()), {count, 3, size, size}).clone();
}

} // namespace snaption
