#include <snaption/imageloader.h>

#include <snaption/error.h>
#include <snaption/preprocessing.h>

#include "gifreader.h"
#include "imageheaderprobe.h"
#include "inputfile.h"
#include "rgbimageconversion.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <limits>

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

std::string formatBytes(std::int64_t bytes)
{
    return std::to_string((bytes + 999'999) / 1'000'000) + " MB";
}

// Formats that may carry an alpha channel are decoded unchanged so transparency can be composited
// over white; everything else is decoded as colour, which applies the EXIF orientation.
bool mayHaveAlpha(const std::string &format)
{
    return format == "png" || format == "webp" || format == "tiff" || format == "bmp";
}

// libjpeg decodes a truncated file without complaint (the missing part turns grey), so a JPEG must
// end with its end-of-image marker; cameras sometimes append padding after it, hence the window.
bool jpegHasEndMarker(const std::uint8_t *data, std::size_t size)
{
    const std::size_t window = std::min<std::size_t>(size, 64 * 1024);
    for (std::size_t i = size - window; i + 1 < size; ++i) {
        if (data[i] == 0xFF && data[i + 1] == 0xD9) return true;
    }
    return false;
}

// The size that fits within `fitWithin` on the longer side (unchanged when it fits, or 0), as
// shrinkToFit computes it.
cv::Size fittedSize(int width, int height, int fitWithin)
{
    const int longer = std::max(width, height);
    if (fitWithin <= 0 || longer <= fitWithin) return {width, height};
    const double scale = double(fitWithin) / longer;
    return {std::max(1, int(width * scale + 0.5)), std::max(1, int(height * scale + 0.5))};
}

// How small an image is read: the largest JPEG DCT reduction (1/2, 1/4 or 1/8 of the size, for a
// fraction of the time and memory) that still leaves what is needed, and the size the decoded
// pixels are then shrunk to (area averaging).
struct ReadSize {
    // At most `pixels` on the longer side; 0: as large as it is.
    static ReadSize fitWithin(int pixels) { return {false, pixels}; }
    // As an encoder of input size `pixels` shrinks it (shrinkForEncoder), from a decode that keeps
    // at least `pixels` on each side.
    static ReadSize forEncoder(int pixels) { return {true, pixels}; }

    int jpegFlags(const ImageHeaderProbe::Dimensions &dimensions) const
    {
        if (pixels <= 0) return cv::IMREAD_COLOR;
        const std::int64_t side = encoder ? std::min(dimensions.width, dimensions.height) : std::max(dimensions.width, dimensions.height);
        if (side >= 8 * std::int64_t(pixels)) return cv::IMREAD_REDUCED_COLOR_8;
        if (side >= 4 * std::int64_t(pixels)) return cv::IMREAD_REDUCED_COLOR_4;
        if (side >= 2 * std::int64_t(pixels)) return cv::IMREAD_REDUCED_COLOR_2;
        return cv::IMREAD_COLOR;
    }
    cv::Size target(int width, int height) const
    {
        if (!encoder) return fittedSize(width, height, pixels);
        const auto [shrunkWidth, shrunkHeight] = encoderShrinkSize(width, height, pixels);
        return {shrunkWidth, shrunkHeight};
    }
    RgbImage shrink(RgbImage image) const { return encoder ? shrinkForEncoder(std::move(image), pixels) : shrinkToFit(std::move(image), pixels); }
    // Whether pixels decoded for another size, `width` x `height`, are enough to shrink from: an
    // image to fit is made from any decode at least its size (a thumbnail from the encoder's
    // pixels); the encoder's pixels only ever from their own decode, so both programs get them.
    bool canShrinkFrom(int width, int height) const { return !encoder && pixels > 0 && std::max(width, height) >= pixels; }

    bool encoder = false;
    int pixels = 0;
};

// 16-bit and floating-point images as 8 bits per channel (the source is released on the way).
cv::Mat toEightBit(cv::Mat decoded)
{
    if (decoded.depth() == CV_8U) return decoded;
    cv::Mat eightBit;
    switch (decoded.depth()) {
    case CV_16U: decoded.convertTo(eightBit, CV_8U, 1.0 / 257.0); break;
    case CV_32F:
    case CV_64F: decoded.convertTo(eightBit, CV_8U, 255.0); break; // saturates outside [0, 1]
    default: decoded.convertTo(eightBit, CV_8U); break;
    }
    return eightBit;
}

// BGRA over white, in integers: round(c * a / 255 + 255 - a), which is what the float formula
// gave, without the four float copies of the picture it needed. In place: the RGB result fills
// the first three quarters of the buffer (each pixel is read whole before its bytes are written,
// and writes never overtake reads), so a large picture is never held twice.
cv::Mat compositeOverWhiteInPlace(cv::Mat &bgra)
{
    if (!bgra.isContinuous()) bgra = bgra.clone();
    std::uint8_t *bytes = bgra.ptr<std::uint8_t>();
    const std::size_t pixels = bgra.total();
    for (std::size_t i = 0; i < pixels; ++i) {
        const unsigned b = bytes[4 * i], g = bytes[4 * i + 1], r = bytes[4 * i + 2], alpha = bytes[4 * i + 3];
        const unsigned background = 255u * (255u - alpha);
        bytes[3 * i] = std::uint8_t((r * alpha + background + 127u) / 255u);
        bytes[3 * i + 1] = std::uint8_t((g * alpha + background + 127u) / 255u);
        bytes[3 * i + 2] = std::uint8_t((b * alpha + background + 127u) / 255u);
    }
    return cv::Mat(bgra.rows, bgra.cols, CV_8UC3, bytes); // a view of bgra's memory
}

// An RGB view as an RgbImage of the size `size` asks for: shrunk straight into the result, so a
// large picture is copied only at its small size.
RgbImage fromRgbView(const cv::Mat &rgb, const ReadSize &size)
{
    const cv::Size fitted = size.target(rgb.cols, rgb.rows);
    RgbImage image(fitted.width, fitted.height);
    cv::Mat target = asRgbMat(image);
    if (fitted.width == rgb.cols && fitted.height == rgb.rows) rgb.copyTo(target);
    else cv::resize(rgb, target, fitted, 0, 0, cv::INTER_AREA);
    return image;
}

// Decoded pixels in 8 bits, ready to be shrunk to any number of sizes: RGB already where an alpha
// channel was composited over white, else BGR or grey as OpenCV decoded them.
struct EightBitPixels {
    cv::Mat buffer; // owns the memory `pixels` views
    cv::Mat pixels;
    bool rgb = false;
};

EightBitPixels eightBitPixels(cv::Mat decoded)
{
    EightBitPixels result;
    result.buffer = toEightBit(std::move(decoded));
    if (result.buffer.channels() == 4) {
        result.pixels = compositeOverWhiteInPlace(result.buffer);
        result.rgb = true;
        return result;
    }
    if (result.buffer.channels() != 1 && result.buffer.channels() != 3)
        throw Error(ErrorKind::BadImage, "unsupported number of colour channels: " + std::to_string(result.buffer.channels()));
    result.pixels = result.buffer;
    return result;
}

// The pixels as RGB of the size `size` asks for, shrunk (area averaging) before they are converted.
RgbImage shrunkRgb(const EightBitPixels &decoded, const ReadSize &size)
{
    if (decoded.rgb) return fromRgbView(decoded.pixels, size);
    cv::Mat pixels = decoded.pixels;
    const cv::Size fitted = size.target(pixels.cols, pixels.rows);
    if (fitted.width != pixels.cols || fitted.height != pixels.rows) {
        cv::Mat shrunk;
        cv::resize(pixels, shrunk, fitted, 0, 0, cv::INTER_AREA);
        pixels = shrunk;
    }
    RgbImage rgb(pixels.cols, pixels.rows);
    cv::Mat target = asRgbMat(rgb);
    cv::cvtColor(pixels, target, pixels.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
    return rgb;
}

// What the header declares, checked against the limits before any pixel is decoded: the pixel
// count, and the memory decoding would need (16-bit or many-channel images count more). A file
// of no format Snaption reads is refused here, before OpenCV sees it. Nothing when the probe does
// not read the format's size (OpenCV's own pixel limit is the backstop then).
std::optional<ImageHeaderProbe::Dimensions> checkedHeader(const std::vector<std::uint8_t> &head, const std::string &name, std::int64_t maxPixels)
{
    if (!ImageHeaderProbe::knownFormat(head.data(), head.size()))
        throw Error(ErrorKind::BadImage, name + ": not an image format that can be read");
    const auto dimensions = ImageHeaderProbe::probe(head.data(), head.size());
    if (!dimensions) return dimensions;
    if (dimensions->width <= 0 || dimensions->height <= 0)
        throw Error(ErrorKind::BadImage, name + ": the " + dimensions->format + " header declares an empty image");
    // Headers may declare up to 2^32 (TIFF) or 10^12 (PNM) per side: compared by division, as
    // their product does not fit 64 bits.
    if (dimensions->width > maxPixels / dimensions->height) {
        const double pixels = double(dimensions->width) * double(dimensions->height);
        throw Error(ErrorKind::BadImage, name + ": the image is " + std::to_string(dimensions->width) + " x " + std::to_string(dimensions->height) +
                                             " (" + formatPixels(pixels > 9e18 ? std::numeric_limits<std::int64_t>::max() : std::int64_t(pixels)) +
                                             "), more than the limit of " + formatPixels(maxPixels));
    }
    const std::int64_t pixels = dimensions->width * dimensions->height;
    const std::int64_t decodeBytes = pixels * dimensions->bytesPerPixel, budget = maxPixels * ImageLoader::kBytesPerPixelBudget;
    if (decodeBytes > budget)
        throw Error(ErrorKind::BadImage, name + ": decoding this " + std::to_string(dimensions->bytesPerPixel) + "-byte-per-pixel image would need " +
                                             formatBytes(decodeBytes) + ", more than the " + formatBytes(budget) + " the pixel limit allows");
    return dimensions;
}

int decodeFlags(const std::optional<ImageHeaderProbe::Dimensions> &dimensions, const ReadSize &size)
{
    if (dimensions && dimensions->format == "jpeg") return size.jpegFlags(*dimensions);
    if (dimensions && mayHaveAlpha(dimensions->format)) return cv::IMREAD_UNCHANGED;
    return cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH;
}

// The decoded image, or the reason it cannot be had. `decode` runs OpenCV's reader.
template <typename Decode>
cv::Mat decodeChecked(Decode &&decode, const std::optional<ImageHeaderProbe::Dimensions> &dimensions, const std::string &name,
                      std::int64_t maxPixels)
{
    cv::Mat decoded;
    try {
        decoded = decode();
    } catch (const cv::Exception &e) {
        throw Error(ErrorKind::BadImage, name + ": cannot decode the image (" + e.msg + ")");
    }
    if (decoded.empty()) {
        const std::string what = dimensions ? "the " + dimensions->format + " data is corrupt or truncated" : "not an image format that can be read";
        throw Error(ErrorKind::BadImage, name + ": " + what);
    }
    if (std::int64_t(decoded.cols) * decoded.rows > maxPixels)
        throw Error(ErrorKind::BadImage, name + ": the image is larger than the limit of " + formatPixels(maxPixels));
    return decoded;
}

// Enough of a file's start for any header the probe reads (JPEG metadata segments come before
// the frame header, and may take a few hundred kilobytes).
constexpr std::size_t kHeaderBytes = 1 << 20;
constexpr std::size_t kJpegTailBytes = 64 * 1024;

// Each size asked for, from as few decodes as possible: one per distinct decoder setting (a JPEG
// may need two DCT reductions) unless an earlier decode is large enough to shrink from, the
// decoded pixels released before the next decode.
// `decode(flags)` runs OpenCV's reader.
template <typename Decode>
std::vector<RgbImage> decodeToSizes(Decode &&decode, const std::optional<ImageHeaderProbe::Dimensions> &dimensions, const std::string &name,
                                    std::int64_t maxPixels, const std::vector<ReadSize> &sizes)
{
    std::vector<RgbImage> images(sizes.size());
    std::vector<bool> made(sizes.size(), false);
    for (std::size_t first = 0; first < sizes.size(); ++first) {
        if (made[first]) continue;
        const int flags = decodeFlags(dimensions, sizes[first]);
        const EightBitPixels pixels = eightBitPixels(decodeChecked([&] { return decode(flags); }, dimensions, name, maxPixels));
        for (std::size_t k = first; k < sizes.size(); ++k) {
            if (made[k] || (decodeFlags(dimensions, sizes[k]) != flags && !sizes[k].canShrinkFrom(pixels.pixels.cols, pixels.pixels.rows))) continue;
            images[k] = shrunkRgb(pixels, sizes[k]);
            made[k] = true;
        }
    }
    return images;
}

// A GIF's first frame at each size asked for.
std::vector<RgbImage> gifToSizes(const std::vector<std::uint8_t> &bytes, const std::string &name, std::int64_t maxPixels,
                                 const std::vector<ReadSize> &sizes)
{
    const RgbImage frame = GifReader::readFirstFrame(bytes.data(), bytes.size(), maxPixels, name);
    std::vector<RgbImage> images;
    for (const ReadSize &size : sizes) images.push_back(size.shrink(frame));
    return images;
}

// OpenCV reads the file itself (libpng and libjpeg stream it), so the file's bytes are never held
// beside its pixels: only the header, and a JPEG's last bytes, are read here first.
std::vector<RgbImage> readFile(const std::string &path, std::int64_t maxPixels, const std::vector<ReadSize> &sizes)
{
    const std::uint64_t size = InputFile::size(path);
    if (size == 0) throw Error(ErrorKind::BadImage, path + ": the file is empty");
    if (size > std::uint64_t(ImageLoader::kMaxFileBytes)) throw Error(ErrorKind::BadImage, path + ": the file is too large to be an image");
    const auto dimensions = checkedHeader(InputFile::head(path, kHeaderBytes), path, maxPixels);
    if (dimensions && dimensions->format == "gif")
        return gifToSizes(InputFile::read(path, ImageLoader::kMaxFileBytes, ErrorKind::BadImage, "the file is"), path, maxPixels, sizes);
    if (dimensions && dimensions->format == "jpeg") {
        const std::vector<std::uint8_t> tail = InputFile::tail(path, kJpegTailBytes);
        if (!jpegHasEndMarker(tail.data(), tail.size())) throw Error(ErrorKind::BadImage, path + ": the JPEG data ends early (truncated file?)");
    }
    return decodeToSizes([&](int flags) { return cv::imread(path, flags); }, dimensions, path, maxPixels, sizes);
}

RgbImage decodeBytes(const std::vector<std::uint8_t> &bytes, const std::string &name, std::int64_t maxPixels, const ReadSize &readSize)
{
    if (bytes.empty()) throw Error(ErrorKind::BadImage, name + ": the file is empty");
    const auto dimensions = checkedHeader(bytes, name, maxPixels);
    if (dimensions && dimensions->format == "gif") return std::move(gifToSizes(bytes, name, maxPixels, {readSize}).front());
    if (dimensions && dimensions->format == "jpeg" && !jpegHasEndMarker(bytes.data(), bytes.size()))
        throw Error(ErrorKind::BadImage, name + ": the JPEG data ends early (truncated file?)");
    const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<std::uint8_t *>(bytes.data()));
    return std::move(decodeToSizes([&](int flags) { return cv::imdecode(buffer, flags); }, dimensions, name, maxPixels, {readSize}).front());
}

} // namespace

ImageLoader::ImageLoader(std::int64_t maxPixels) : m_maxPixels(maxPixels)
{
    if (maxPixels <= 0) throw Error(ErrorKind::InvalidArgument, "the pixel budget must be positive");
    installOpenCvPixelLimit();
}

RgbImage ImageLoader::load(const std::string &path, int fitWithin) const
{
    return std::move(readFile(path, m_maxPixels, {ReadSize::fitWithin(fitWithin)}).front());
}

RgbImage ImageLoader::loadForEncoder(const std::string &path, int size) const
{
    if (size <= 0) throw Error(ErrorKind::InvalidArgument, "the encoder input size must be positive");
    return std::move(readFile(path, m_maxPixels, {ReadSize::forEncoder(size)}).front());
}

ImageLoader::EncoderAndFitted ImageLoader::loadForEncoderAndFit(const std::string &path, int encoderSize, int fitWithin) const
{
    if (encoderSize <= 0) throw Error(ErrorKind::InvalidArgument, "the encoder input size must be positive");
    std::vector<RgbImage> images = readFile(path, m_maxPixels, {ReadSize::forEncoder(encoderSize), ReadSize::fitWithin(fitWithin)});
    return {std::move(images[0]), std::move(images[1])};
}

RgbImage ImageLoader::decode(const std::vector<std::uint8_t> &bytes, const std::string &name, int fitWithin) const
{
    return decodeBytes(bytes, name, m_maxPixels, ReadSize::fitWithin(fitWithin));
}

std::vector<std::string> ImageLoader::supportedExtensions()
{
    static const std::vector<std::string> extensions = [] {
        std::vector<std::string> list{"bmp", "dib", "jpg", "jpeg", "jpe", "png", "gif", "pbm", "pgm", "ppm", "pnm", "pxm", "pfm",
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
