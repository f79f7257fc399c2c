#include "decoderstepengine.h"

#include <snaption/error.h>

#include "captionmodel.h"
#include "tensorversion.h"

#include <ATen/Parallel.h>

#include <cmath>

namespace snaption {
namespace {

void softmaxInPlace(float *values, std::int64_t count)
{
    float maximum = values[0];
    for (std::int64_t i = 1; i < count; ++i) maximum = std::max(maximum, values[i]);
    float sum = 0;
    for (std::int64_t i = 0; i < count; ++i) sum += (values[i] = std::exp(values[i] - maximum));
    const float inverse = 1.0f / sum;
    for (std::int64_t i = 0; i < count; ++i) values[i] *= inverse;
}

float dot(const float *a, const float *b, std::int64_t n)
{
    float sum = 0;
#pragma omp simd reduction(+ : sum)
    for (std::int64_t i = 0; i < n; ++i) sum += a[i] * b[i];
    return sum;
}

// weights[count] over rows of `values` ([count, n], row stride n) -> out[n].
void weightedSum(const float *weights, const float *values, std::int64_t count, std::int64_t n, float *out)
{
    std::fill(out, out + n, 0.0f);
    for (std::int64_t j = 0; j < count; ++j) {
        const float w = weights[j];
        const float *row = values + j * n;
        for (std::int64_t i = 0; i < n; ++i) out[i] += w * row[i];
    }
}

void addInPlace(float *target, const float *values, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i) target[i] += values[i];
}

} // namespace

DecoderStepEngine::DecoderStepEngine(CaptionModelImpl &model, WeightPrecision precision)
{
    const DecoderConfig &config = model.config().decoder;
    m_dim = config.dim;
    m_heads = config.heads;
    m_headDim = config.dim / config.heads;
    m_contextLength = config.contextLength;
    m_gelu = config.activation == "gelu";
    m_scale = float(1.0 / std::sqrt(double(m_headDim)));

    const auto norm = [&](const torch::nn::LayerNorm &layerNorm) {
        m_sources.push_back(layerNorm->weight);
        m_sources.push_back(layerNorm->bias);
        return Norm{layerNorm->weight.detach().contiguous(), layerNorm->bias.detach().contiguous(), layerNorm->options.eps()};
    };
    const auto linear = [&](const torch::Tensor &weight, const torch::Tensor &bias) {
        m_sources.push_back(weight);
        m_sources.push_back(bias);
        return InferenceLinear(weight, bias, precision);
    };
    for (const DecoderLayer &module : model.layers()) {
        Layer layer;
        layer.norm1 = norm(module->norm1);
        layer.norm2 = norm(module->norm2);
        layer.norm3 = norm(module->norm3);
        const auto &self = module->self_attn, &cross = module->multihead_attn;
        layer.selfProjection = linear(self->in_proj_weight, self->in_proj_bias);
        layer.selfOutput = linear(self->out_proj->weight, self->out_proj->bias);
        layer.crossQuery = linear(cross->in_proj_weight.narrow(0, 0, m_dim), cross->in_proj_bias.narrow(0, 0, m_dim));
        layer.crossKeysValues = linear(cross->in_proj_weight.narrow(0, m_dim, 2 * m_dim), cross->in_proj_bias.narrow(0, m_dim, 2 * m_dim));
        layer.crossOutput = linear(cross->out_proj->weight, cross->out_proj->bias);
        layer.feedForward1 = linear(module->linear1->weight, module->linear1->bias);
        layer.feedForward2 = linear(module->linear2->weight, module->linear2->bias);
        m_layers.push_back(std::move(layer));
    }
    if (!model.finalNorm().is_empty()) m_finalNorm = norm(model.finalNorm());
    m_vocabProjection = linear(model.vocabProjection()->weight, model.vocabProjection()->bias);
    m_sources.push_back(model.memoryProjection()->weight);
    m_sources.push_back(model.memoryProjection()->bias);
    m_memoryProjection = InferenceLinear(model.memoryProjection()->weight, model.memoryProjection()->bias, WeightPrecision::Float32);
    m_wordEmbeddings = model.wordEmbeddings()->weight.detach().contiguous();
    m_positionEmbeddings = model.positionEmbeddings()->weight.detach().contiguous();
    m_sources.push_back(model.wordEmbeddings()->weight);
    m_sources.push_back(model.positionEmbeddings()->weight);
    m_sourcesVersion = weightsVersion();
}

std::int64_t DecoderStepEngine::weightsVersion() const
{
    std::int64_t version = 0;
    for (const torch::Tensor &t : m_sources) version += tensorVersion(t);
    return version;
}

bool DecoderStepEngine::isCurrent() const
{
    return weightsVersion() == m_sourcesVersion;
}

void DecoderStepEngine::layerNorm(const Norm &norm, const float *x, std::int64_t rows, std::int64_t dim, float *out)
{
    const float *weight = norm.weight.data_ptr<float>(), *bias = norm.bias.data_ptr<float>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const float *in = x + r * dim;
        double mean = 0, variance = 0;
        for (std::int64_t i = 0; i < dim; ++i) mean += in[i];
        mean /= double(dim);
        for (std::int64_t i = 0; i < dim; ++i) variance += (in[i] - mean) * (in[i] - mean);
        const float inverse = float(1.0 / std::sqrt(variance / double(dim) + norm.eps));
        for (std::int64_t i = 0; i < dim; ++i) out[r * dim + i] = (in[i] - float(mean)) * inverse * weight[i] + bias[i];
    }
}

std::vector<std::pair<torch::Tensor, torch::Tensor>> DecoderStepEngine::memoryKeysValues(const torch::Tensor &memory) const
{
    const torch::Tensor input = memory.to(torch::kFloat).contiguous();
    const std::int64_t images = input.size(0), tokens = input.size(1);
    const auto splitHeads = [&](const torch::Tensor &x) { return x.view({images, tokens, m_heads, m_headDim}).transpose(1, 2); };
    std::vector<std::pair<torch::Tensor, torch::Tensor>> projected;
    for (const Layer &layer : m_layers) {
        torch::Tensor keysValues = torch::empty({images, tokens, 2 * m_dim});
        layer.crossKeysValues.forward(input.data_ptr<float>(), images * tokens, keysValues.data_ptr<float>());
        const auto parts = keysValues.chunk(2, -1);
        projected.emplace_back(splitHeads(parts[0]), splitHeads(parts[1]));
    }
    return projected;
}

torch::Tensor DecoderStepEngine::projectMemory(const torch::Tensor &cells) const
{
    const torch::Tensor input = cells.to(torch::kFloat).contiguous();
    torch::Tensor memory = torch::empty({input.size(0), input.size(1), m_memoryProjection.outFeatures()});
    m_memoryProjection.forward(input.data_ptr<float>(), input.size(0) * input.size(1), memory.data_ptr<float>());
    return memory;
}

torch::Tensor DecoderStepEngine::step(const torch::Tensor &tokens, DecoderCache &cache, torch::Tensor *crossAttention) const
{
    const std::int64_t rows = tokens.size(0), position = cache.length, d = m_dim, layers = std::int64_t(m_layers.size());
    if (position >= m_contextLength) throw Error(ErrorKind::InvalidArgument, "caption longer than the model's context length");
    if (std::int64_t(cache.memoryRows.size()) != rows) throw Error(ErrorKind::InvalidArgument, "decoder rows and cache rows differ");
    const std::int64_t feedForward = m_layers.front().feedForward1.outFeatures();
    const std::int64_t memoryTokens = cache.layers.front().memoryKeys.size(2);
    std::vector<float> x(std::size_t(rows * d)), normed(x.size()), projected(std::size_t(rows * 3 * d)), context(x.size()),
        output(x.size()), hidden(std::size_t(rows * feedForward));
    torch::Tensor attention = torch::empty({rows, layers, m_heads, memoryTokens});
    float *attentionData = attention.data_ptr<float>();

    const auto tokenIds = tokens.contiguous();
    const std::int64_t *ids = tokenIds.data_ptr<std::int64_t>();
    const float *words = m_wordEmbeddings.data_ptr<float>(), *positions = m_positionEmbeddings.data_ptr<float>() + position * d;
    const std::int64_t vocabulary = m_wordEmbeddings.size(0);
    for (std::int64_t r = 0; r < rows; ++r) {
        if (ids[r] < 0 || ids[r] >= vocabulary) throw Error(ErrorKind::InvalidArgument, "token id outside the vocabulary");
        for (std::int64_t i = 0; i < d; ++i) x[std::size_t(r * d + i)] = words[ids[r] * d + i] + positions[i];
    }

    for (std::int64_t l = 0; l < layers; ++l) {
        const Layer &layer = m_layers[std::size_t(l)];
        DecoderCache::Layer &layerCache = cache.layers[std::size_t(l)];
        float *keys = layerCache.selfKeys.data_ptr<float>(), *values = layerCache.selfValues.data_ptr<float>();
        const float *memoryKeys = layerCache.memoryKeys.data_ptr<float>(), *memoryValues = layerCache.memoryValues.data_ptr<float>();

        // Masked self-attention over the cached positions and this one.
        layerNorm(layer.norm1, x.data(), rows, d, normed.data());
        layer.selfProjection.forward(normed.data(), rows, projected.data());
        // Rows in parallel (each row's arithmetic is the same whichever thread does it).
        at::parallel_for(0, rows, 1, [&](std::int64_t firstRow, std::int64_t endRow) {
            std::vector<float> scores(static_cast<std::size_t>(m_contextLength));
            for (std::int64_t r = firstRow; r < endRow; ++r) {
                for (std::int64_t h = 0; h < m_heads; ++h) {
                    const float *qkv = projected.data() + r * 3 * d + h * m_headDim;
                    const std::int64_t headOffset = (r * m_heads + h) * m_contextLength * m_headDim;
                    float *headKeys = keys + headOffset, *headValues = values + headOffset;
                    std::copy(qkv + d, qkv + d + m_headDim, headKeys + position * m_headDim);
                    std::copy(qkv + 2 * d, qkv + 2 * d + m_headDim, headValues + position * m_headDim);
                    for (std::int64_t j = 0; j <= position; ++j) scores[std::size_t(j)] = dot(qkv, headKeys + j * m_headDim, m_headDim) * m_scale;
                    softmaxInPlace(scores.data(), position + 1);
                    weightedSum(scores.data(), headValues, position + 1, m_headDim, context.data() + r * d + h * m_headDim);
                }
            }
        });
        layer.selfOutput.forward(context.data(), rows, output.data());
        addInPlace(x.data(), output.data(), rows * d);

        // Cross-attention over the image memory.
        layerNorm(layer.norm2, x.data(), rows, d, normed.data());
        layer.crossQuery.forward(normed.data(), rows, projected.data());
        at::parallel_for(0, rows, 1, [&](std::int64_t firstRow, std::int64_t endRow) {
            for (std::int64_t r = firstRow; r < endRow; ++r) {
                for (std::int64_t h = 0; h < m_heads; ++h) {
                    const float *query = projected.data() + r * d + h * m_headDim;
                    const std::int64_t headOffset = (cache.memoryRows[std::size_t(r)] * m_heads + h) * memoryTokens * m_headDim;
                    float *weights = attentionData + ((r * layers + l) * m_heads + h) * memoryTokens;
                    for (std::int64_t m = 0; m < memoryTokens; ++m)
                        weights[m] = dot(query, memoryKeys + headOffset + m * m_headDim, m_headDim) * m_scale;
                    softmaxInPlace(weights, memoryTokens);
                    weightedSum(weights, memoryValues + headOffset, memoryTokens, m_headDim, context.data() + r * d + h * m_headDim);
                }
            }
        });
        layer.crossOutput.forward(context.data(), rows, output.data());
        addInPlace(x.data(), output.data(), rows * d);

        // Feed-forward.
        layerNorm(layer.norm3, x.data(), rows, d, normed.data());
        layer.feedForward1.forward(normed.data(), rows, hidden.data());
        for (float &v : hidden) v = m_gelu ? 0.5f * v * (1.0f + std::erf(v * float(M_SQRT1_2))) : std::max(v, 0.0f);
        layer.feedForward2.forward(hidden.data(), rows, output.data());
        addInPlace(x.data(), output.data(), rows * d);
    }

    const float *final = x.data();
    if (m_finalNorm.weight.defined()) {
        layerNorm(m_finalNorm, x.data(), rows, d, normed.data());
        final = normed.data();
    }
    torch::Tensor logits = torch::empty({rows, m_vocabProjection.outFeatures()});
    m_vocabProjection.forward(final, rows, logits.data_ptr<float>());
    ++cache.length;
    if (crossAttention) *crossAttention = attention;
    return logits;
}

} // namespace snaption
