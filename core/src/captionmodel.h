#pragma once

#include <snaption/modelconfig.h>

#include "decodercache.h"
#include "decoderlayer.h"
#include "decoderstepengine.h"
#include "imageencoder.h"

#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace snaption {

// The captioning network of docs/ARCHITECTURE.md, section 3, with the parameter names of the original Python
// Snaption model (cnn_encoder, project, word_embeddings, pos_embeddings, decoder.layers.N,
// vocab_projection) plus memory_row/col_embeddings and decoder.norm for the grid architecture.
//
// Shapes: B images, R decoding rows (images x beams), T tokens, M memory tokens, L layers, H heads.
class CaptionModelImpl : public torch::nn::Module {
public:
    CaptionModelImpl(const ModelConfig &config, std::int64_t vocabularySize);

    const ModelConfig &config() const { return m_config; }
    std::int64_t vocabularySize() const { return m_vocabularySize; }
    ImageEncoderImpl &encoder() { return *m_encoder; }

    // Normalised images [B, 3, S, S] -> encoder output: the feature map [B, C, h, w] (grid
    // architecture) or the classifier logits [B, classes] (seed architecture).
    torch::Tensor encoderOutput(const torch::Tensor &images);
    // Encoder output -> memory tokens [B, M, d].
    torch::Tensor memoryFromEncoderOutput(const torch::Tensor &encoderOutput);
    torch::Tensor encodeImages(const torch::Tensor &images) { return memoryFromEncoderOutput(encoderOutput(images)); }

    // Teacher-forced decoding of whole sequences: tokens [R, T], memory [R, M, d] -> logits [R, T, V].
    // crossAttention (optional) receives [R, T, L, H, M]. memoryRows [R], when given, names each
    // row's image in a memory of [I, M, d] (several rows of one image: its keys and values once).
    torch::Tensor decode(const torch::Tensor &tokens, const torch::Tensor &memory, torch::Tensor *crossAttention = nullptr,
                         const torch::Tensor &memoryRows = {});

    // Incremental decoding: a cache holding the memory keys/values, then one token per step:
    // tokens [R] -> logits [R, V]; crossAttention receives [R, L, H, M].
    DecoderCache startDecoding(const torch::Tensor &memory);
    torch::Tensor decodeStep(const torch::Tensor &tokens, DecoderCache &cache, torch::Tensor *crossAttention = nullptr);

    // For inference: eval mode, batch norms folded, and decodeStep on a DecoderStepEngine. Int8
    // precision first rounds the decoder's weights to their int8 values, so every path (steps,
    // whole sequences) computes with the same weights. Call after loading weights.
    void prepareForInference(WeightPrecision precision = WeightPrecision::Float32);
    // Eval mode and a step engine for the decoder's current weights, the encoder left as it is:
    // for decoding during training (self-critical steps), where the weights change every step.
    void prepareDecoderForInference();

    const torch::nn::Linear &memoryProjection() const { return m_project; }
    const std::vector<DecoderLayer> &layers() const { return m_layers; }
    const torch::nn::LayerNorm &finalNorm() const { return m_finalNorm; }
    const torch::nn::Linear &vocabProjection() const { return m_vocabProjection; }
    const torch::nn::Embedding &wordEmbeddings() const { return m_wordEmbeddings; }
    const torch::nn::Embedding &positionEmbeddings() const { return m_positionEmbeddings; }

private:
    torch::Tensor embed(const torch::Tensor &tokens, std::int64_t firstPosition);
    torch::Tensor finish(const torch::Tensor &hidden);
    bool stepEngineApplies() const; // prepared for inference, in eval mode, weights unchanged since

    ModelConfig m_config;
    std::int64_t m_vocabularySize;
    std::shared_ptr<ImageEncoderImpl> m_encoder;
    torch::nn::Linear m_project{nullptr};
    torch::nn::Embedding m_memoryRows{nullptr};
    torch::nn::Embedding m_memoryColumns{nullptr};
    torch::nn::Embedding m_wordEmbeddings{nullptr};
    torch::nn::Embedding m_positionEmbeddings{nullptr};
    std::vector<DecoderLayer> m_layers;
    torch::nn::LayerNorm m_finalNorm{nullptr};
    torch::nn::Linear m_vocabProjection{nullptr};
    std::unique_ptr<DecoderStepEngine> m_stepEngine;
};
TORCH_MODULE(CaptionModel);

} // namespace snaption
