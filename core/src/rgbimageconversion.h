#pragma once

#include <snaption/rgbimage.h>

#include <opencv2/core.hpp>

namespace snaption {

// Copies between the public RgbImage and OpenCV matrices (CV_8UC3, RGB order).
RgbImage fromRgbMat(const cv::Mat &rgb);
// A view, not a copy: valid while the image lives and is not resized.
cv::Mat asRgbMat(const RgbImage &image);

} // namespace snaption
