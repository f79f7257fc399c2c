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

std::vector<float> preprocessImage(const RgbImage &image, int size, const Normalization &normalization)
{
    if (size <= 0) throw Error(ErrorKind::InvalidArgument, "the encoder input size must be positive");
    // Resize in float, so the result does not depend on 8-bit rounding inside OpenCV.
    cv::Mat source;
    asRgbMat(image).convertTo(source, CV_32FC3);
    cv::Mat resized = source;
    if (image.width != size || image.height != size) {
        cv::resize(source, resized, cv::Size(size, size), 0, 0, interpolationFor(image, size, size));
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
