#include <snaption/imagewriter.h>

#include <snaption/error.h>

#include "rgbimageconversion.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace snaption {

void writeImage(const RgbImage &image, const std::string &path)
{
    cv::Mat bgr;
    cv::cvtColor(asRgbMat(image), bgr, cv::COLOR_RGB2BGR);
    bool written = false;
    try {
        written = cv::imwrite(path, bgr);
    } catch (const cv::Exception &e) {
        throw Error(ErrorKind::Io, path + ": cannot write image (" + e.msg + ")");
    }
    if (!written) throw Error(ErrorKind::Io, path + ": cannot write image (unknown extension, missing folder or disk full)");
}

} // namespace snaption
