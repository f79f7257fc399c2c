#include "rgbimageconversion.h"

#include <snaption/error.h>

#include <cstring>

namespace snaption {

RgbImage fromRgbMat(const cv::Mat &rgb)
{
    CV_Assert(rgb.type() == CV_8UC3);
    RgbImage image(rgb.cols, rgb.rows);
    for (int y = 0; y < rgb.rows; ++y) std::memcpy(image.row(y), rgb.ptr(y), std::size_t(rgb.cols) * 3u);
    return image;
}

cv::Mat asRgbMat(const RgbImage &image)
{
    if (image.isNull() || image.pixels.size() != std::size_t(image.width) * std::size_t(image.height) * 3u)
        throw Error(ErrorKind::BadImage, "the image is empty or its pixel buffer has the wrong size");
    return cv::Mat(image.height, image.width, CV_8UC3, const_cast<std::uint8_t *>(image.pixels.data()));
}

} // namespace snaption
