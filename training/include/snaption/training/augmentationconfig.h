#pragma once

#include <string>

namespace snaption::training {

// The training augmentation pipeline of docs/ARCHITECTURE.md, section 5 (the original project's), every
// transform with its own probability and parameters. One JSON-serialisable object shared by the
// trainer and the Augment tab's preview.
struct AugmentationConfig {
    struct HorizontalFlip {
        bool enabled = true;
        double probability = 0.5;
    } horizontalFlip;
    struct RandomResizedCrop {
        bool enabled = true;
        double probability = 0.5;
        double minScale = 0.85, maxScale = 1.0; // share of the image area kept
        double minRatio = 0.9, maxRatio = 1.1;  // aspect ratio of the crop
    } randomResizedCrop;
    struct ShiftScaleRotate {
        bool enabled = true;
        double probability = 0.5;
        double shiftLimit = 0.05;   // fraction of width/height
        double scaleLimit = 0.10;   // +- relative scale
        double rotateLimit = 15.0;  // +- degrees; uncovered corners are black
    } shiftScaleRotate;
    struct ColorJitter {
        bool enabled = true;
        double probability = 0.5;
        double brightness = 0.2, contrast = 0.2, saturation = 0.2, hue = 0.1;
    } colorJitter;
    struct BrightnessContrast {
        bool enabled = true;
        double probability = 0.3;
        double brightnessLimit = 0.2, contrastLimit = 0.2;
    } brightnessContrast;
    struct GaussianBlur {
        bool enabled = true;
        double probability = 0.2;
        int minKernel = 3, maxKernel = 5; // odd sizes
    } gaussianBlur;

    // Off everywhere (e.g. for synthetic scenes, where a flip would swap "left" and "right").
    static AugmentationConfig none();
    // Photometric only: no flips or geometric changes that captions could contradict.
    static AugmentationConfig photometric();

    std::string toJson() const;
    // Missing keys keep their defaults. Throws Error(InvalidArgument) on bad values.
    static AugmentationConfig fromJson(const std::string &json);
    void validate() const;
};

} // namespace snaption::training
