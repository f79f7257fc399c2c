#pragma once

#include <snaption/training/validationreport.h>

#include <array>
#include <string>
#include <vector>

namespace snaption::training {

// An object drawn into a synthetic scene: what it is and where (pixel box, x1/y1 exclusive).
struct SceneObject {
    std::string shape;
    std::string colour;
    std::string size; // "small" or "large"
    std::array<int, 4> box{0, 0, 0, 0}; // x0, y0, x1, y1
};

// One image and its reference captions.
struct CaptionedImage {
    std::string id;                    // file name or scene number
    std::string imagePath;             // empty for in-memory synthetic scenes
    std::vector<std::string> captions;
    std::vector<SceneObject> objects;  // synthetic scenes only
};

// A captioning dataset split into train / validation (dev) / test.
struct Dataset {
    std::string name;
    std::string format; // flickr8k, coco, karpathy, folder, synthetic
    std::string source; // what was loaded: an absolute path, or "synthetic:SEED"
    std::vector<CaptionedImage> train;
    std::vector<CaptionedImage> validation;
    std::vector<CaptionedImage> test;
    ValidationReport report;
    // Synthetic datasets are rendered, not read: their generator settings.
    std::uint64_t syntheticSeed = 0;
    int syntheticImageSize = 0;

    const std::vector<CaptionedImage> &split(const std::string &name) const; // "train", "dev"/"validation", "test"
    bool isSynthetic() const { return format == "synthetic"; }
};

} // namespace snaption::training
