#pragma once

#include <snaption/weightprecision.h>

#include "decodercache.h"
#include "inferencelinear.h"

#include <torch/types.h>

#include <utility>
#include <vector>

namespace snaption {

class CaptionModelImpl;

// One incremental decoding step of a CaptionModel computed on raw buffers: the same arithmetic
// as CaptionModelImpl::decodeStep's LibTorch path (tests hold them to 1e-4), without the ~400
// small tensor operations per token whose dispatch overhead would otherwise dominate decoding.
// Built from the model's weights; stale (isCurrent() false) once any of them changes.
class DecoderStepEngine {
public:
    DecoderStepEngine(CaptionModelImpl &model, WeightPrecision precision);

    bool isCurrent() const;
    // tokens [R] at position cache.length -> logits [R, V]; crossAttention receives [R, L, H, M].
    torch::Tensor step(const torch::Tensor &tokens, DecoderCache &cache, torch::Tensor *crossAttention) const;
    // memory [images, M, d] -> each layer's cross-attention keys and values, [images, H, M, Dh]
    // each, as MultiheadAttention::projectKeysValues computes them: all images' rows in one pass
    // over the weights, on every core, each row's result independent of the others.
    std::vector<std::pair<torch::Tensor, torch::Tensor>> memoryKeysValues(const torch::Tensor &memory) const;
    // The encoder's cells [images, cells, channels] -> the decoder's memory before its position
    // embeddings [images, cells, d], as the model's memory projection computes it, row by row.
    torch::Tensor projectMemory(const torch::Tensor &cells) const;

private:
    struct Norm {
        torch::Tensor weight, bias;
        double eps = 1e-5;
    };
    struct Layer {
        Norm norm1, norm2, norm3;
        InferenceLinear selfProjection; // queries, keys, values
        InferenceLinear selfOutput;
        InferenceLinear crossQuery;
        InferenceLinear crossKeysValues;
        InferenceLinear crossOutput;
        InferenceLinear feedForward1;
        InferenceLinear feedForward2;
    };

    std::int64_t weightsVersion() const;
    static void layerNorm(const Norm &norm, const float *x, std::int64_t rows, std::int64_t dim, float *out);

    std::vector<torch::Tensor> m_sources; // the weights this engine was built from
    std::int64_t m_sourcesVersion = 0;
    std::vector<Layer> m_layers;
    Norm m_finalNorm; // weight undefined: no final norm
    InferenceLinear m_vocabProjection;
    InferenceLinear m_memoryProjection; // float32 in every precision: int8 rounds only the decoder
    torch::Tensor m_wordEmbeddings, m_positionEmbeddings;
    std::int64_t m_dim, m_heads, m_headDim, m_contextLength;
    bool m_gelu;
    float m_scale;
};

} // namespace snaption
