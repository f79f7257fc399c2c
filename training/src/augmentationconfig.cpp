#include <snaption/training/augmentationconfig.h>

#include <snaption/error.h>

#include "jsonfield.h"
#include "jsontemplate.h"

#include <nlohmann/json.hpp>

namespace snaption::training {
namespace {

template <typename T>
void read(const nlohmann::json &object, const char *key, T &target)
{
    readJsonField(object, key, target, "augmentation");
}

void checkProbability(const char *name, double p)
{
    if (!(p >= 0 && p <= 1)) throw Error(ErrorKind::InvalidArgument, std::string("augmentation: ") + name + " probability must be 0 to 1");
}

void checkRange(const char *name, double low, double high, double minimum, double maximum)
{
    if (!(low <= high && low >= minimum && high <= maximum))
        throw Error(ErrorKind::InvalidArgument, std::string("augmentation: ") + name + " must be an ordered range within " +
                                                    std::to_string(minimum) + " to " + std::to_string(maximum));
}

} // namespace

AugmentationConfig AugmentationConfig::none()
{
    AugmentationConfig c;
    c.horizontalFlip.enabled = c.randomResizedCrop.enabled = c.shiftScaleRotate.enabled = false;
    c.colorJitter.enabled = c.brightnessContrast.enabled = c.gaussianBlur.enabled = false;
    return c;
}

AugmentationConfig AugmentationConfig::photometric()
{
    AugmentationConfig c;
    c.horizontalFlip.enabled = c.randomResizedCrop.enabled = c.shiftScaleRotate.enabled = false;
    return c;
}

void AugmentationConfig::validate() const
{
    checkProbability("horizontal flip", horizontalFlip.probability);
    checkProbability("random resized crop", randomResizedCrop.probability);
    checkProbability("shift-scale-rotate", shiftScaleRotate.probability);
    checkProbability("colour jitter", colorJitter.probability);
    checkProbability("brightness/contrast", brightnessContrast.probability);
    checkProbability("Gaussian blur", gaussianBlur.probability);
    checkRange("crop scale", randomResizedCrop.minScale, randomResizedCrop.maxScale, 0.05, 1.0);
    checkRange("crop ratio", randomResizedCrop.minRatio, randomResizedCrop.maxRatio, 0.2, 5.0);
    checkRange("shift", 0, shiftScaleRotate.shiftLimit, 0, 0.5);
    checkRange("scale", 0, shiftScaleRotate.scaleLimit, 0, 0.9);
    checkRange("rotation", 0, shiftScaleRotate.rotateLimit, 0, 180);
    checkRange("brightness jitter", 0, colorJitter.brightness, 0, 1);
    checkRange("contrast jitter", 0, colorJitter.contrast, 0, 1);
    checkRange("saturation jitter", 0, colorJitter.saturation, 0, 1);
    checkRange("hue jitter", 0, colorJitter.hue, 0, 0.5);
    checkRange("brightness limit", 0, brightnessContrast.brightnessLimit, 0, 1);
    checkRange("contrast limit", 0, brightnessContrast.contrastLimit, 0, 1);
    checkRange("blur kernel", gaussianBlur.minKernel, gaussianBlur.maxKernel, 1, 31);
    if (gaussianBlur.minKernel % 2 == 0 || gaussianBlur.maxKernel % 2 == 0)
        throw Error(ErrorKind::InvalidArgument, "augmentation: blur kernel sizes must be odd");
}

std::string AugmentationConfig::toJson() const
{
    nlohmann::json json = {
        {"horizontal_flip", {{"enabled", horizontalFlip.enabled}, {"probability", horizontalFlip.probability}}},
        {"random_resized_crop",
         {{"enabled", randomResizedCrop.enabled}, {"probability", randomResizedCrop.probability},
          {"scale", {randomResizedCrop.minScale, randomResizedCrop.maxScale}}, {"ratio", {randomResizedCrop.minRatio, randomResizedCrop.maxRatio}}}},
        {"shift_scale_rotate",
         {{"enabled", shiftScaleRotate.enabled}, {"probability", shiftScaleRotate.probability}, {"shift_limit", shiftScaleRotate.shiftLimit},
          {"scale_limit", shiftScaleRotate.scaleLimit}, {"rotate_limit", shiftScaleRotate.rotateLimit}}},
        {"color_jitter",
         {{"enabled", colorJitter.enabled}, {"probability", colorJitter.probability}, {"brightness", colorJitter.brightness},
          {"contrast", colorJitter.contrast}, {"saturation", colorJitter.saturation}, {"hue", colorJitter.hue}}},
        {"brightness_contrast",
         {{"enabled", brightnessContrast.enabled}, {"probability", brightnessContrast.probability},
          {"brightness_limit", brightnessContrast.brightnessLimit}, {"contrast_limit", brightnessContrast.contrastLimit}}},
        {"gaussian_blur",
         {{"enabled", gaussianBlur.enabled}, {"probability", gaussianBlur.probability}, {"kernel", {gaussianBlur.minKernel, gaussianBlur.maxKernel}}}},
    };
    return json.dump(2);
}

AugmentationConfig AugmentationConfig::fromJson(const std::string &text)
{
    const nlohmann::json json = parseJsonObject(text, "augmentation", ErrorKind::InvalidArgument);
    static const nlohmann::json keys = nlohmann::json::parse(AugmentationConfig().toJson());
    checkAgainstTemplate(json, keys, "augmentation", ErrorKind::InvalidArgument);
    AugmentationConfig c;
    const auto section = [&](const char *key) -> const nlohmann::json & {
        static const nlohmann::json empty = nlohmann::json::object();
        const auto it = json.find(key);
        return it != json.end() && it->is_object() ? *it : empty;
    };
    const auto pair = [](const nlohmann::json &object, const char *key, auto &low, auto &high) {
        const auto it = object.find(key);
        if (it == object.end()) return;
        if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number())
            throw Error(ErrorKind::InvalidArgument, std::string("augmentation: \"") + key + "\" must be [low, high]");
        low = (*it)[0].get<std::decay_t<decltype(low)>>();
        high = (*it)[1].get<std::decay_t<decltype(high)>>();
    };
    const auto &flip = section("horizontal_flip");
    read(flip, "enabled", c.horizontalFlip.enabled);
    read(flip, "probability", c.horizontalFlip.probability);
    const auto &crop = section("random_resized_crop");
    read(crop, "enabled", c.randomResizedCrop.enabled);
    read(crop, "probability", c.randomResizedCrop.probability);
    pair(crop, "scale", c.randomResizedCrop.minScale, c.randomResizedCrop.maxScale);
    pair(crop, "ratio", c.randomResizedCrop.minRatio, c.randomResizedCrop.maxRatio);
    const auto &ssr = section("shift_scale_rotate");
    read(ssr, "enabled", c.shiftScaleRotate.enabled);
    read(ssr, "probability", c.shiftScaleRotate.probability);
    read(ssr, "shift_limit", c.shiftScaleRotate.shiftLimit);
    read(ssr, "scale_limit", c.shiftScaleRotate.scaleLimit);
    read(ssr, "rotate_limit", c.shiftScaleRotate.rotateLimit);
    const auto &jitter = section("color_jitter");
    read(jitter, "enabled", c.colorJitter.enabled);
    read(jitter, "probability", c.colorJitter.probability);
    read(jitter, "brightness", c.colorJitter.brightness);
    read(jitter, "contrast", c.colorJitter.contrast);
    read(jitter, "saturation", c.colorJitter.saturation);
    read(jitter, "hue", c.colorJitter.hue);
    const auto &bc = section("brightness_contrast");
    read(bc, "enabled", c.brightnessContrast.enabled);
    read(bc, "probability", c.brightnessContrast.probability);
    read(bc, "brightness_limit", c.brightnessContrast.brightnessLimit);
    read(bc, "contrast_limit", c.brightnessContrast.contrastLimit);
    const auto &blur = section("gaussian_blur");
    read(blur, "enabled", c.gaussianBlur.enabled);
    read(blur, "probability", c.gaussianBlur.probability);
    pair(blur, "kernel", c.gaussianBlur.minKernel, c.gaussianBlur.maxKernel);
    c.validate();
    return c;
}

} // namespace snaption::training
