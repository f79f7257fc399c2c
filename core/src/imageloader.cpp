#include <snaption/imageloader.h>

#include <snaption/error.h>

#include "imageheaderprobe.h"
#include "rgbimageconversion.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace snaption {
namespace {

// OpenCV applies its own pixel limit (read from this variable once, at the first decode) to every
// format after reading the header. Our probe covers the common formats exactly; this is the
// backstop for the rare ones (JPEG 2000, OpenEXR, Radiance HDR, ...).
void installOpenCvPixelLimit()
{
    static const bool installed = [] {
        if (!std::getenv("OPENCV_IO_MAX_IMAGE_PIXELS"))
            setenv("OPENCV_IO_MAX_IMAGE_PIXELS", std::to_string(ImageLoader::kDefaultMaxPixels).c_str(), 0);
        return true;
    }();
    (void)installed;
}

std::string formatPixels(std::int64_t pixels)
{
    return std::to_string(pixels / 1'000'000) + "." + std::to_string((pixels / 100'000) % 10) + " MP";
}

// Formats that may carry an alpha channel are decoded unchanged so transparency can be composited
// over white; everything else is decoded as colour, which applies the EXIF orientation.
bool mayHaveAlpha(const std::string &format)
{
    return format == "png" || format == "webp" || format == "tiff" || format == "bmp" || format == "gif";
}

cv::Mat toEightBitRgb(const cv::Mat &decoded)
{
    cv::Mat eightBit;
    switch (decoded.depth()) {
    case CV_8U: eightBit = decoded; break;
    case CV_16U: decoded.convertTo(eightBit, CV_8U, 1.0 / 257.0); break;
    case CV_32F:
    case CV_64F: decoded.convertTo(eightBit, CV_8U, 255.0); break; // saturates outside [0, 1]
    default: decoded.convertTo(eightBit, CV_8U); break;
    }
    cv::Mat rgb;
    switch (eightBit.channels()) {
    case 1: cv::cvtColor(eightBit, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(eightBit, rgb, cv::COLOR_BGR2RGB); break;
    case 4: {
        // Composite over white: a transparent logo must not turn into a black square.
        cv::Mat bgra;
        eightBit.convertTo(bgra, CV_32F, 1.0 / 255.0);
        std::vector<cv::Mat> planes;
        cv::split(bgra, planes);
        cv::Mat inverseAlpha = 1.0 - planes[3];
        for (int c = 0; c < 3; ++c) planes[c] = planes[c].mul(planes[3]) + inverseAlpha;
        cv::Mat bgr;
        cv::merge(std::vector<cv::Mat>{planes[0], planes[1], planes[2]}, bgr);
        bgr.convertTo(bgr, CV_8U, 255.0);
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        break;
    }
    default:
        throw Error(ErrorKind::BadImage, "unsupported number of colour channels: " + std::to_string(eightBit.channels()));
    }
    return rgb;
}

// libjpeg decodes a truncated file without complaint (the missing part turns grey), so a JPEG must
// end with its end-of-image marker; cameras sometimes append padding after it, hence the window.
bool jpegHasEndMarker(const std::vector<std::uint8_t> &bytes)
{
    const std::size_t window = std::min<std::size_t>(bytes.size(), 64 * 1024);
    for (std::size_t i = bytes.size() - window; i + 1 < bytes.size(); ++i) {
        if (bytes[i] == 0xFF && bytes[i + 1] == 0xD9) return true;
    }
    return false;
}

} // namespace

ImageLoader::ImageLoader(std::int64_t maxPixels) : m_maxPixels(maxPixels)
{
    if (maxPixels <= 0) throw Error(ErrorKind::InvalidArgument, "the pixel budget must be positive");
    installOpenCvPixelLimit();
}

RgbImage ImageLoader::load(const std::string &path) const
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw Error(ErrorKind::Io, path + ": cannot open (" + std::strerror(errno) + ")");
    const std::streamoff size = in.tellg();
    if (size < 0) throw Error(ErrorKind::Io, path + ": cannot read");
    if (size == 0) throw Error(ErrorKind::BadImage, path + ": the file is empty");
    if (size > kMaxFileBytes) throw Error(ErrorKind::BadImage, path + ": the file is too large to be an image");
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char *>(bytes.data()), size))
        throw Error(ErrorKind::Io, path + ": read error");
    return decode(bytes, path);
}

RgbImage ImageLoader::decode(const std::vector<std::uint8_t> &bytes, const std::string &name) const
{
    if (bytes.empty()) throw Error(ErrorKind::BadImage, name + ": the file is empty");
    const auto dimensions = ImageHeaderProbe::probe(bytes.data(), bytes.size());
    if (dimensions) {
        if (dimensions->width <= 0 || dimensions->height <= 0)
            throw Error(ErrorKind::BadImage, name + ": the " + dimensions->format + " header declares an empty image");
        const std::int64_t pixels = dimensions->width * dimensions->height;
        if (pixels > m_maxPixels)
            throw Error(ErrorKind::BadImage,
                        name + ": the image is " + std::to_string(dimensions->width) + " x " + std::to_string(dimensions->height) + " (" +
                            formatPixels(pixels) + "), more than the limit of " + formatPixels(m_maxPixels));
    }
    if (dimensions && dimensions->format == "jpeg" && !jpegHasEndMarker(bytes))
        throw Error(ErrorKind::BadImage, name + ": the JPEG data ends early (truncated file?)");
    const int flags = dimensions && mayHaveAlpha(dimensions->format) ? cv::IMREAD_UNCHANGED : (cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH);
    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<std::uint8_t *>(bytes.data()));
        decoded = cv::imdecode(buffer, flags);
    } catch (const cv::Exception &e) {
        throw Error(ErrorKind::BadImage, name + ": cannot decode the image (" + e.msg + ")");
    }
    if (decoded.empty()) {
        const std::string what = dimensions ? "the " + dimensions->format + " data is corrupt or truncated" : "not an image format that can be read";
        throw Error(ErrorKind::BadImage, name + ": " + what);
    }
    if (std::int64_t(decoded.cols) * decoded.rows > m_maxPixels)
        throw Error(ErrorKind::BadImage, name + ": the image is larger than the limit of " + formatPixels(m_maxPixels));
    return fromRgbMat(toEightBitRgb(decoded));
}

std::vector<std::string> ImageLoader::supportedExtensions()
{
    static const std::vector<std::string> extensions = [] {
        std::vector<std::string> list{"bmp", "dib", "jpg", "jpeg", "jpe", "png", "pbm", "pgm", "ppm", "pnm", "pxm", "pfm",
                                      "sr", "ras", "tif", "tiff", "hdr", "pic"};
        // Optional codecs: cv::haveImageReader(name) opens the file to sniff it (and logs a warning
        // when there is none), so instead round-trip a tiny image in memory.
        for (const char *optional : {"webp", "jp2", "exr"}) {
            try {
                const bool floating = std::string(optional) == "exr";
                const cv::Mat probe(64, 64, floating ? CV_32FC3 : CV_8UC3, cv::Scalar::all(floating ? 0.5 : 128));
                std::vector<uchar> bytes;
                if (cv::imencode(std::string(".") + optional, probe, bytes) && !cv::imdecode(bytes, cv::IMREAD_UNCHANGED).empty())
                    list.emplace_back(optional);
            } catch (const cv::Exception &) {
            }
        }
        return list;
    }();
    return extensions;
}

} // namespace snaption
