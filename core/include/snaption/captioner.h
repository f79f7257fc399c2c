#pragma once

#include <snaption/captionresult.h>
#include <snaption/decodingoptions.h>
#include <snaption/modelinfo.h>
#include <snaption/rgbimage.h>
#include <snaption/weightprecision.h>

#include <memory>
#include <string>
#include <vector>

namespace snaption {

// Loads a model file once and captions images with it. Each caption carries its words, their
// probabilities and the cross-attention map of every word. Not thread-safe: use one Captioner per
// thread (the GUI keeps one on its inference thread).
class Captioner {
public:
    // Throws Error(Io) or Error(BadModel).
    explicit Captioner(const std::string &modelPath, WeightPrecision precision = WeightPrecision::Float32);
    ~Captioner();
    Captioner(Captioner &&) noexcept;
    Captioner &operator=(Captioner &&) noexcept;

    const ModelInfo &info() const;
    WeightPrecision precision() const;

    CaptionResult caption(const RgbImage &image, const DecodingOptions &options = {}) const;
    // Encodes the images together (faster per image) and decodes them as one batch.
    std::vector<CaptionResult> captionBatch(const std::vector<RgbImage> &images,
                                            const DecodingOptions &options = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace snaption
