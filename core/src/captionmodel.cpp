#include "captionmodel.h"

#include <snaption/error.h>

#include "moduletree.h"

#include <torch/nn/init.h>

#include <limits>

namespace snaption {

CaptionModelImpl::CaptionModelImpl(const ModelConfig &config, std::int64_t vocabularySize)
    : m_config(config), m_vocabularySize(vocabularySize)
{
    config.validate();
    if (vocabularySize < 5) throw Error(ErrorKind::BadModel, "the vocabulary has no words");
    const DecoderConfig &d = config.decoder;
    m_encoder = register_module("cnn_encoder", makeImageEncoder(config.encoder));
    const bool seed = config.architecture == ModelConfig::kArchitectureSeed;
    m_project = register_module("project", torch::nn::Linear(seed ? config.encoder.classifierClasses : config.encoder.featureChannels(), d.dim));
    if (!seed) {
        const int grid = config.encoder.gridSize();
        m_memoryRows = register_module("memory_row_embeddings", torch::nn::Embedding(grid, d.dim));
        m_memoryColumns = register_module("memory_col_embeddings", torch::nn::Embedding(grid, d.dim));
        // Small, so the image content dominates the memory at the start of training.
        torch::nn::init::normal_(m_memoryRows->weight, 0.0, 0.02);
        torch::nn::init::normal_(m_memoryColumns->weight, 0.0, 0.02);
    }
    m_wordEmbeddings = register_module("word_embeddings", torch::nn::Embedding(vocabularySize, d.dim));
    m_positionEmbeddings = register_module("pos_embeddings", torch::nn::Embedding(d.contextLength, d.dim));
    for (int i = 0; i < d.layers; ++i)
        m_layers.push_back(ModuleTree::attach(*this, "decoder.layers." + std::to_string(i), DecoderLayer(d)));
    if (d.finalNorm)
        m_finalNorm = ModuleTree::attach(*this, "decoder.norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d.dim}).eps(d.layerNormEps)));
    m_vocabProjection = register_module("vocab_projection", torch::nn::Linear(d.dim, vocabularySize));
}

torch::Tensor CaptionModelImpl::encoderOutput(const torch::Tensor &images)
{
    const torch::Tensor features = m_encoder->features(images);
    return m_config.architecture == ModelConfig::kArchitectureSeed ? m_encoder->classify(features) : features;
}

torch::Tensor CaptionModelImpl::memoryFromEncoderOutput(const torch::Tensor &output)
{
    if (m_config.architecture == ModelConfig::kArchitectureSeed) return m_project->forward(output).unsqueeze(1);
    const std::int64_t batch = output.size(0), h = output.size(2), w = output.size(3);
    if (h > m_memoryRows->options.num_embeddings() || w > m_memoryColumns->options.num_embeddings())
        throw Error(ErrorKind::BadImage, "the feature map is larger than the model's position grid");
    const torch::Tensor cells = output.flatten(2).transpose(1, 2); // [B, h*w, channels]
    torch::Tensor memory = stepEngineApplies() ? m_stepEngine->projectMemory(cells) : m_project->forward(cells); // [B, h*w, d]
    const torch::Tensor rows = m_memoryRows->weight.narrow(0, 0, h).unsqueeze(1);    // [h, 1, d]
    const torch::Tensor cols = m_memoryColumns->weight.narrow(0, 0, w).unsqueeze(0); // [1, w, d]
    return memory + (rows + cols).reshape({1, h * w, -1}).expand({batch, h * w, -1});
}

torch::Tensor CaptionModelImpl::embed(const torch::Tensor &tokens, std::int64_t firstPosition)
{
    const std::int64_t length = tokens.size(1);
    if (firstPosition + length > m_config.decoder.contextLength)
        throw Error(ErrorKind::InvalidArgument, "caption longer than the model's context length");
    const torch::Tensor positions = torch::arange(firstPosition, firstPosition + length, torch::kLong);
    return m_wordEmbeddings->forward(tokens) + m_positionEmbeddings->forward(positions).unsqueeze(0);
}

torch::Tensor CaptionModelImpl::finish(const torch::Tensor &hidden)
{
    return m_vocabProjection->forward(m_finalNorm.is_empty() ? hidden : m_finalNorm->forward(hidden));
}

torch::Tensor CaptionModelImpl::decode(const torch::Tensor &tokens, const torch::Tensor &memory, torch::Tensor *crossAttention,
                                       const torch::Tensor &memoryRows)
{
    const std::int64_t length = tokens.size(1);
    const torch::Tensor causalMask =
        torch::full({length, length}, -std::numeric_limits<float>::infinity()).triu(1);
    torch::Tensor x = embed(tokens, 0);
    std::vector<torch::Tensor> weights;
    for (auto &layer : m_layers) {
        torch::Tensor layerWeights;
        x = layer->forward(x, memory, causalMask, crossAttention ? &layerWeights : nullptr, memoryRows);
        if (crossAttention) weights.push_back(layerWeights.transpose(1, 2)); // [R, T, H, M]
    }
    if (crossAttention) *crossAttention = torch::stack(weights, 2); // [R, T, L, H, M]
    return finish(x);
}

DecoderCache CaptionModelImpl::startDecoding(const torch::Tensor &memory)
{
    const DecoderConfig &d = m_config.decoder;
    const std::int64_t rows = memory.size(0), headDim = d.dim / d.heads;
    // Each image's rows must be projected as they would be alone: an image's caption must not
    // depend on its batch. The step engine's products compute each row on its own; a BLAS
    // product's rounding may depend on how many rows it is given (OpenBLAS's Haswell kernels,
    // which machines with OPENBLAS_CORETYPE=Haswell use, do), so that path goes image by image.
    const bool engine = stepEngineApplies();
    const std::vector<std::pair<torch::Tensor, torch::Tensor>> engineKeysValues =
        engine ? m_stepEngine->memoryKeysValues(memory) : std::vector<std::pair<torch::Tensor, torch::Tensor>>();
    DecoderCache cache;
    for (std::size_t layerIndex = 0; layerIndex < m_layers.size(); ++layerIndex) {
        DecoderCache::Layer entry;
        entry.selfKeys = torch::empty({rows, d.heads, d.contextLength, headDim}, memory.options());
        entry.selfValues = torch::empty({rows, d.heads, d.contextLength, headDim}, memory.options());
        if (engine) {
            entry.memoryKeys = engineKeysValues[layerIndex].first.contiguous();
            entry.memoryValues = engineKeysValues[layerIndex].second.contiguous();
        } else {
            std::vector<torch::Tensor> keys, values;
            for (std::int64_t image = 0; image < rows; ++image) {
                auto [imageKeys, imageValues] = m_layers[layerIndex]->memoryKeysValues(memory.narrow(0, image, 1));
                keys.push_back(std::move(imageKeys));
                values.push_back(std::move(imageValues));
            }
            entry.memoryKeys = torch::cat(keys).contiguous();
            entry.memoryValues = torch::cat(values).contiguous();
        }
        cache.layers.push_back(std::move(entry));
    }
    for (std::int64_t r = 0; r < rows; ++r) cache.memoryRows.push_back(r);
    return cache;
}

torch::Tensor CaptionModelImpl::decodeStep(const torch::Tensor &tokens, DecoderCache &cache, torch::Tensor *crossAttention)
{
    if (stepEngineApplies()) return m_stepEngine->step(tokens, cache, crossAttention);
    torch::Tensor x = embed(tokens.unsqueeze(1), cache.length); // [R, 1, d]
    const torch::Tensor memoryRows = cache.memoryIsPerRow() ? torch::Tensor() : cache.memoryRowIndex();
    std::vector<torch::Tensor> weights;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        torch::Tensor layerWeights;
        x = m_layers[i]->step(x, cache.layers[i], cache.length, memoryRows, crossAttention ? &layerWeights : nullptr);
        if (crossAttention) weights.push_back(layerWeights.squeeze(2)); // [R, H, M]
    }
    ++cache.length;
    if (crossAttention) *crossAttention = torch::stack(weights, 1); // [R, L, H, M]
    return finish(x.squeeze(1));
}

bool CaptionModelImpl::stepEngineApplies() const
{
    return m_stepEngine && !is_training() && m_stepEngine->isCurrent();
}

void CaptionModelImpl::prepareForInference(WeightPrecision precision)
{
    eval();
    m_encoder->fuseForInference();
    if (precision == WeightPrecision::Int8) {
        torch::NoGradGuard noGrad;
        const auto round = [](const torch::Tensor &weight) { weight.copy_(InferenceLinear::roundToInt8(weight)); };
        for (auto &layer : m_layers) {
            round(layer->self_attn->in_proj_weight);
            round(layer->self_attn->out_proj->weight);
            round(layer->multihead_attn->in_proj_weight);
            round(layer->multihead_attn->out_proj->weight);
            round(layer->linear1->weight);
            round(layer->linear2->weight);
        }
        round(m_vocabProjection->weight);
    }
    m_stepEngine = std::make_unique<DecoderStepEngine>(*this, precision);
}

void CaptionModelImpl::prepareDecoderForInference()
{
    eval();
    m_stepEngine = std::make_unique<DecoderStepEngine>(*this, WeightPrecision::Float32);
}

} // namespace snaption
