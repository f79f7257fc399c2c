#include <snaption/preprocessing.h>

#include <snaption/error.h>

#include "rgbimageconversion.h"

#include <opencv2/imgproc.hpp>

namespace snaption {
namespace {

// Area averaging is the alias-free way down; bilinear (half-pixel centres) is smooth going up.
int interpolationFor(const RgbImage &image, int width, int height)
{
    return width <= image.width && height <= image.height ? cv::INTER_AREA : cv::INTER_LINEAR;
}

} // namespace

RgbImage resizeImage(const RgbImage &image, int width, int height)
{
    if (width <= 0 || height <= 0) throw Error(ErrorKind::InvalidArgument, "resize target must be positive");
    const cv::Mat source = asRgbMat(image);
    if (image.width == width && image.height == height) return image;
    cv::Mat resized;
    cv::resize(source, resized, cv::Size(width, height), 0, 0, interpolationFor(image, width, height));
    return fromRgbMat(resized);
}

RgbImage shrinkToFit(RgbImage image, int longerSide)
{
    const int longer = std::max(image.width, image.height);
    if (longerSide <= 0 || longer <= longerSide) return image;
    const double scale = double(longerSide) / longer;
    return resizeImage(image, std::max(1, int(image.width * scale + 0.5)), std::max(1, int(image.height * scale + 0.5)));
}

// Whole blocks: the float area average over them then covers exactly the pixels a direct one
// would, so only the intermediate's rounding (under half a level, averaged over the block) differs.
std::pair<int, int> encoderShrinkSize(int width, int height, int size)
{
    constexpr int kPreShrink = 4;
    if (size <= 0) throw Error(ErrorKind::InvalidArgument, "the encoder input size must be positive");
    const int blocksX = std::min(kPreShrink, width / size), blocksY = std::min(kPreShrink, height / size);
    if (blocksX < 2 || blocksY < 2) return {width, height};
    return {blocksX * size, blocksY * size};
}

RgbImage shrinkForEncoder(RgbImage image, int size)
{
    const auto [width, height] = encoderShrinkSize(image.width, image.height, size);
    if (width == image.width && height == image.height) return image;
    return resizeImage(image, width, height);
}

std::vector<float> preprocessImage(const RgbImage &image, int size, const Normalization &normalization)
{
    if (size <= 0) throw Error(ErrorKind::InvalidArgument, "the encoder input size must be positive");
    // Resize in float, so the result does not depend on 8-bit rounding inside OpenCV; a large
    // image is first shrunk in 8 bits (see shrinkForEncoder), so no float copy of the full-size
    // picture is made (144 MB for 12 MP).
    const RgbImage shrunk = shrinkForEncoder(image, size);
    cv::Mat floating;
    const cv::Mat source = asRgbMat(shrunk);
    source.convertTo(floating, CV_32FC3);
    cv::Mat resized = floating;
    if (floating.cols != size || floating.rows != size) {
        const int interpolation = size <= floating.cols && size <= floating.rows ? cv::INTER_AREA : cv::INTER_LINEAR;
        cv::resize(floating, resized, cv::Size(size, size), 0, 0, interpolation);
    }
    const std::size_t plane = std::size_t(size) * std::size_t(size);
    std::vector<float> chw(plane * 3u);
    std::vector<cv::Mat> planes;
    for (int c = 0; c < 3; ++c) planes.emplace_back(size, size, CV_32F, chw.data() + std::size_t(c) * plane);
    cv::split(resized, planes); // writes into chw
    for (int c = 0; c < 3; ++c) {
        const double scale = 1.0 / (255.0 * normalization.std[std::size_t(c)]);
        const double offset = -normalization.mean[std::size_t(c)] / normalization.std[std::size_t(c)];
        planes[std::size_t(c)].convertTo(planes[std::size_t(c)], CV_32F, scale, offset);
    }
    return chw;
}

} // namespace snaption
