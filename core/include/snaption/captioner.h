#pragma once

#include <snaption/captionresult.h>
#include <snaption/decodingoptions.h>
#include <snaption/modelinfo.h>
#include <snaption/rgbimage.h>
#include <snaption/weightprecision.h>

#include <memory>
#include <optional>
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

    // One image's caption, or why it failed.
    struct Attempt {
        std::optional<CaptionResult> result;
        std::string error;
    };
    // Like captionBatch, but a failing image costs only its own caption: when the batch fails,
    // each image is captioned alone. Invalid options still throw Error(InvalidArgument).
    std::vector<Attempt> captionEach(const std::vector<RgbImage> &images, const DecodingOptions &options = {}) const;

private:
    std::vector<CaptionResult> captionValidBatch(const std::vector<RgbImage> &images, const DecodingOptions &options) const;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace snaption
