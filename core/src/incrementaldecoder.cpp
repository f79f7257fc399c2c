#include "incrementaldecoder.h"

#include <snaption/vocabulary.h>

#include <limits>

namespace snaption {

IncrementalDecoder::IncrementalDecoder(CaptionModelImpl &model, const torch::Tensor &memory, bool useCache)
    : m_model(model), m_memory(memory), m_useCache(useCache)
{
    if (m_useCache) m_cache = m_model.startDecoding(memory);
}

torch::Tensor IncrementalDecoder::step(const torch::Tensor &tokens, torch::Tensor *crossAttention)
{
    torch::Tensor logits;
    if (m_useCache) {
        logits = m_model.decodeStep(tokens, m_cache, crossAttention);
    } else {
        m_history = m_history.defined() ? torch::cat({m_history, tokens.unsqueeze(1)}, 1) : tokens.unsqueeze(1);
        torch::Tensor attention;
        logits = m_model.decode(m_history, m_memory, crossAttention ? &attention : nullptr).select(1, m_history.size(1) - 1);
        if (crossAttention) *crossAttention = attention.select(1, attention.size(1) - 1);
    }
    // A caption never contains <UNKNOWN>, <PAD> or <START>: an unknown word would vanish from the
    // text and leave "eats a" behind, so the search picks the best real word instead.
    logits.narrow(1, 0, Vocabulary::kEnd).fill_(-std::numeric_limits<float>::infinity());
    return logits;
}

void IncrementalDecoder::selectRows(const std::vector<std::int64_t> &rows)
{
    if (m_useCache) {
        m_cache.selectRows(rows);
        return;
    }
    const torch::Tensor index = torch::tensor(rows, torch::kLong);
    m_memory = m_memory.index_select(0, index);
    if (m_history.defined()) m_history = m_history.index_select(0, index);
}

std::int64_t IncrementalDecoder::rows() const
{
    return m_useCache ? std::int64_t(m_cache.memoryRows.size()) : m_memory.size(0);
}

} // namespace snaption
