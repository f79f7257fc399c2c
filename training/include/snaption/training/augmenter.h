#pragma once

#include <snaption/rgbimage.h>
#include <snaption/training/augmentationconfig.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace snaption::training {

// Applies an AugmentationConfig to images with OpenCV. Seeded: the same seed, config and image
// give the same result. Every transform reports the parameters it drew, for the preview panel.
class Augmenter {
public:
    struct Applied {
        std::string transform;                      // "horizontal flip", ...
        std::map<std::string, double> parameters;   // e.g. {"angle": -7.3}
    };

    explicit Augmenter(AugmentationConfig config);
    const AugmentationConfig &config() const { return m_config; }

    // The image after the pipeline; `applied` (optional) lists what was done, in order.
    RgbImage apply(const RgbImage &image, std::uint64_t seed, std::vector<Applied> *applied = nullptr) const;
    static std::string describe(const Applied &applied);           // "shift scale rotate: angle 3.20, scale 1.02, ..."
    static std::string describeParameters(const Applied &applied); // "angle 3.20, scale 1.02, ..."

private:
    AugmentationConfig m_config;
};

} // namespace snaption::training
