#include <snaption/training/augmenter.h>

#include <snaption/error.h>

#include "splitmix.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>
#include <sstream>

namespace snaption::training {
namespace {

cv::Mat toFloatMat(const RgbImage &image)
{
    if (image.isNull() || image.pixels.size() != std::size_t(image.width) * std::size_t(image.height) * 3)
        throw Error(ErrorKind::BadImage, "cannot augment an empty image");
    const cv::Mat view(image.height, image.width, CV_8UC3, const_cast<std::uint8_t *>(image.pixels.data()));
    cv::Mat result;
    view.convertTo(result, CV_32FC3);
    return result;
}

RgbImage toImage(const cv::Mat &floats)
{
    cv::Mat bytes;
    floats.convertTo(bytes, CV_8UC3); // saturates
    RgbImage image(bytes.cols, bytes.rows);
    for (int y = 0; y < bytes.rows; ++y) std::memcpy(image.row(y), bytes.ptr(y), std::size_t(bytes.cols) * 3);
    return image;
}

cv::Mat greyOf(const cv::Mat &rgb)
{
    cv::Mat grey;
    cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
    cv::Mat three;
    cv::cvtColor(grey, three, cv::COLOR_GRAY2RGB);
    return three;
}

} // namespace

Augmenter::Augmenter(AugmentationConfig config) : m_config(std::move(config))
{
    m_config.validate();
}

RgbImage Augmenter::apply(const RgbImage &image, std::uint64_t seed, std::vector<Applied> *applied) const
{
    SplitMix random(seed, 0xA06);
    cv::Mat img = toFloatMat(image);
    const int width = img.cols, height = img.rows;
    const auto record = [&](const char *name, std::map<std::string, double> parameters) {
        if (applied) applied->push_back({name, std::move(parameters)});
    };
    const AugmentationConfig &c = m_config;

    // Every transform draws its random numbers whether or not it is enabled, so switching one
    // transform off in the preview does not change what the others do.
    {
        const bool hit = random.chance(c.horizontalFlip.probability);
        if (c.horizontalFlip.enabled && hit) {
            cv::flip(img, img, 1);
            record("horizontal flip", {});
        }
    }
    {
        const bool hit = random.chance(c.randomResizedCrop.probability);
        const double scale = random.uniform(c.randomResizedCrop.minScale, c.randomResizedCrop.maxScale);
        const double ratio = std::exp(random.uniform(std::log(c.randomResizedCrop.minRatio), std::log(c.randomResizedCrop.maxRatio)));
        const double fx = random.uniform(), fy = random.uniform();
        if (c.randomResizedCrop.enabled && hit) {
            const double area = scale * width * height;
            const int cropWidth = std::clamp(int(std::lround(std::sqrt(area * ratio))), 1, width);
            const int cropHeight = std::clamp(int(std::lround(std::sqrt(area / ratio))), 1, height);
            const int x = int(fx * (width - cropWidth)), y = int(fy * (height - cropHeight));
            cv::resize(img(cv::Rect(x, y, cropWidth, cropHeight)).clone(), img, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
            record("random resized crop", {{"scale", scale}, {"ratio", ratio}, {"x", x}, {"y", y}});
        }
    }
    {
        const bool hit = random.chance(c.shiftScaleRotate.probability);
        const double shiftX = random.uniform(-c.shiftScaleRotate.shiftLimit, c.shiftScaleRotate.shiftLimit);
        const double shiftY = random.uniform(-c.shiftScaleRotate.shiftLimit, c.shiftScaleRotate.shiftLimit);
        const double scale = 1.0 + random.uniform(-c.shiftScaleRotate.scaleLimit, c.shiftScaleRotate.scaleLimit);
        const double angle = random.uniform(-c.shiftScaleRotate.rotateLimit, c.shiftScaleRotate.rotateLimit);
        if (c.shiftScaleRotate.enabled && hit) {
            cv::Mat matrix = cv::getRotationMatrix2D(cv::Point2f(width / 2.0f, height / 2.0f), angle, scale);
            matrix.at<double>(0, 2) += shiftX * width;
            matrix.at<double>(1, 2) += shiftY * height;
            cv::warpAffine(img, img, matrix, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
            record("shift scale rotate", {{"shift_x", shiftX}, {"shift_y", shiftY}, {"scale", scale}, {"angle", angle}});
        }
    }
    {
        const bool hit = random.chance(c.colorJitter.probability);
        const double brightness = random.uniform(1 - c.colorJitter.brightness, 1 + c.colorJitter.brightness);
        const double contrast = random.uniform(1 - c.colorJitter.contrast, 1 + c.colorJitter.contrast);
        const double saturation = random.uniform(1 - c.colorJitter.saturation, 1 + c.colorJitter.saturation);
        const double hue = random.uniform(-c.colorJitter.hue, c.colorJitter.hue);
        if (c.colorJitter.enabled && hit) {
            // torchvision's ColorJitter: scale, blend with the mean grey, blend with grey, rotate hue.
            img *= brightness;
            cv::min(cv::max(img, 0.0), 255.0, img);
            const double mean = cv::mean(greyOf(img))[0];
            img = img * contrast + cv::Scalar::all(mean * (1 - contrast)); // Scalar::all: a bare double would shift only the first channel
            cv::min(cv::max(img, 0.0), 255.0, img);
            img = img * saturation + greyOf(img) * (1 - saturation);
            cv::min(cv::max(img, 0.0), 255.0, img);
            cv::Mat hsv;
            cv::cvtColor(img / 255.0, hsv, cv::COLOR_RGB2HSV_FULL); // float: hue in degrees 0..360
            std::vector<cv::Mat> channels;
            cv::split(hsv, channels);
            channels[0] += hue * 360.0;
            for (int y = 0; y < channels[0].rows; ++y) {
                float *row = channels[0].ptr<float>(y);
                for (int x = 0; x < channels[0].cols; ++x) row[x] = std::fmod(row[x] + 360.0f, 360.0f);
            }
            cv::merge(channels, hsv);
            cv::cvtColor(hsv, img, cv::COLOR_HSV2RGB_FULL);
            img *= 255.0;
            record("colour jitter", {{"brightness", brightness}, {"contrast", contrast}, {"saturation", saturation}, {"hue", hue}});
        }
    }
    {
        const bool hit = random.chance(c.brightnessContrast.probability);
        const double brightness = random.uniform(-c.brightnessContrast.brightnessLimit, c.brightnessContrast.brightnessLimit);
        const double contrast = random.uniform(-c.brightnessContrast.contrastLimit, c.brightnessContrast.contrastLimit);
        if (c.brightnessContrast.enabled && hit) {
            // albumentations' RandomBrightnessContrast: x * (1 + contrast) + brightness * 255.
            img = img * (1.0 + contrast) + cv::Scalar::all(brightness * 255.0);
            record("brightness contrast", {{"brightness", brightness}, {"contrast", contrast}});
        }
    }
    {
        const bool hit = random.chance(c.gaussianBlur.probability);
        const int kernel = 2 * random.between((c.gaussianBlur.minKernel - 1) / 2, (c.gaussianBlur.maxKernel - 1) / 2) + 1;
        if (c.gaussianBlur.enabled && hit) {
            cv::GaussianBlur(img, img, cv::Size(kernel, kernel), 0);
            record("gaussian blur", {{"kernel", kernel}});
        }
    }
    return toImage(img);
}

std::string Augmenter::describeParameters(const Applied &applied)
{
    std::ostringstream out;
    bool first = true;
    for (const auto &[name, value] : applied.parameters) {
        out << (first ? "" : ", ") << name << ' ' << std::fixed;
        out.precision(name == "kernel" || name == "x" || name == "y" ? 0 : 2);
        out << value;
        first = false;
    }
    return out.str();
}

std::string Augmenter::describe(const Applied &applied)
{
    const std::string parameters = describeParameters(applied);
    return parameters.empty() ? applied.transform : applied.transform + ": " + parameters;
}

} // namespace snaption::training
