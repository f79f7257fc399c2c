#include <snaption/captioner.h>

#include <snaption/error.h>
#include <snaption/preprocessing.h>

#include "beamsearch.h"
#include "captionassembler.h"
#include "greedysearch.h"
#include "imagebatch.h"
#include "modelstorage.h"

#include <chrono>

namespace snaption {
namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

struct Captioner::Impl {
    ModelInfo info;
    CaptionModel model{nullptr};
    WeightPrecision precision = WeightPrecision::Float32;
};

Captioner::Captioner(const std::string &modelPath, WeightPrecision precision) : m_impl(std::make_unique<Impl>())
{
    ModelStorage::Loaded loaded = ModelStorage::load(modelPath);
    m_impl->info = std::move(loaded.info);
    m_impl->model = loaded.model;
    m_impl->precision = precision;
    m_impl->model->prepareForInference(precision);
}

Captioner::~Captioner() = default;
Captioner::Captioner(Captioner &&) noexcept = default;
Captioner &Captioner::operator=(Captioner &&) noexcept = default;

const ModelInfo &Captioner::info() const
{
    return m_impl->info;
}

WeightPrecision Captioner::precision() const
{
    return m_impl->precision;
}

CaptionResult Captioner::caption(const RgbImage &image, const DecodingOptions &options) const
{
    return captionBatch({image}, options).front();
}

std::vector<CaptionResult> Captioner::captionBatch(const std::vector<RgbImage> &images, const DecodingOptions &options) const
{
    options.validate();
    if (images.empty()) return {};
    c10::InferenceMode inferenceMode;
    const EncoderConfig &encoder = m_impl->info.config.encoder;

    auto start = std::chrono::steady_clock::now();
    const torch::Tensor pixels = ImageBatch::preprocess(images, encoder.inputSize, encoder.normalization);
    const double preprocessMs = millisecondsSince(start);

    start = std::chrono::steady_clock::now();
    const torch::Tensor memory = m_impl->model->encodeImages(pixels);
    const double encoderMs = millisecondsSince(start);

    start = std::chrono::steady_clock::now();
    std::vector<DecodedSequence> sequences = options.strategy == DecodingOptions::Strategy::Beam
                                                 ? BeamSearch(*m_impl->model, options).run(memory)
                                                 : GreedySearch(*m_impl->model, options).run(memory);
    const double decoderMs = millisecondsSince(start);

    std::vector<CaptionResult> results;
    const double count = double(images.size());
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        CaptionResult result =
            CaptionAssembler::assemble(*m_impl->model, m_impl->info.vocabulary, sequences[i],
                                      options.gradCamMaps ? pixels.narrow(0, std::int64_t(i), 1) : torch::Tensor());
        result.timings.preprocessMs = preprocessMs / count;
        result.timings.encoderMs = encoderMs / count;
        result.timings.decoderMs = decoderMs / count;
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace snaption
