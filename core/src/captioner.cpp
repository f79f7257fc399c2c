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
    try {
        ModelStorage::Loaded loaded = ModelStorage::load(modelPath);
        m_impl->info = std::move(loaded.info);
        m_impl->model = loaded.model;
        m_impl->precision = precision;
        m_impl->model->prepareForInference(precision);
    } catch (const Error &) {
        throw;
    } catch (const std::exception &error) {
        throw Error(ErrorKind::Internal, modelPath + ": cannot load the model (" + Error::describe(error) + ")");
    }
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
    try {
        return captionValidBatch(images, options);
    } catch (const Error &) {
        throw;
    } catch (const std::exception &error) {
        throw Error(ErrorKind::Internal, "captioning failed: " + Error::describe(error));
    }
}

std::vector<Captioner::Attempt> Captioner::captionEach(const std::vector<RgbImage> &images, const DecodingOptions &options) const
{
    options.validate();
    std::vector<Attempt> attempts(images.size());
    try {
        std::vector<CaptionResult> results = captionBatch(images, options);
        for (std::size_t i = 0; i < results.size(); ++i) attempts[i].result = std::move(results[i]);
        return attempts;
    } catch (const Error &error) {
        if (images.size() == 1) {
            attempts[0].error = error.what();
            return attempts;
        }
    }
    for (std::size_t i = 0; i < images.size(); ++i) {
        try {
            attempts[i].result = captionBatch({images[i]}, options).front();
        } catch (const Error &error) {
            attempts[i].error = error.what();
        }
    }
    return attempts;
}

std::vector<CaptionResult> Captioner::captionValidBatch(const std::vector<RgbImage> &images, const DecodingOptions &options) const
{
    c10::InferenceMode inferenceMode;
    const EncoderConfig &encoder = m_impl->info.config.encoder;

    auto start = std::chrono::steady_clock::now();
    const torch::Tensor pixels = ImageBatch::preprocess(images, encoder.inputSize, encoder.normalization);
    const double preprocessMs = millisecondsSince(start);

    // The encoder's activations grow with the batch (MobileNetV2: about 15 MB per image at 224
    // px) while its speed per image stops gaining beyond a few: a large batch is encoded in
    // chunks, and only the small memory tokens are kept for the decoder.
    constexpr std::int64_t kEncoderChunk = 8;
    start = std::chrono::steady_clock::now();
    std::vector<torch::Tensor> chunks;
    for (std::int64_t first = 0; first < pixels.size(0); first += kEncoderChunk)
        chunks.push_back(m_impl->model->encodeImages(pixels.narrow(0, first, std::min(kEncoderChunk, pixels.size(0) - first))));
    const torch::Tensor memory = chunks.size() == 1 ? chunks.front() : torch::cat(chunks);
    chunks.clear();
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
            CaptionAssembler::assemble(*m_impl->model, m_impl->info.vocabulary, m_impl->info.style, m_impl->info.subwords, sequences[i],
                                      options.gradCamMaps ? pixels.narrow(0, std::int64_t(i), 1) : torch::Tensor());
        if (m_impl->info.calibration) result.confidence = m_impl->info.calibration->levelOf(result.scoreMeasures());
        result.timings.preprocessMs = preprocessMs / count;
        result.timings.encoderMs = encoderMs / count;
        result.timings.decoderMs = decoderMs / count;
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace snaption
