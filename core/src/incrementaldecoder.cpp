#include "incrementaldecoder.h"

namespace snaption {

IncrementalDecoder::IncrementalDecoder(CaptionModelImpl &model, const torch::Tensor &memory, bool useCache)
    : m_model(model), m_memory(memory), m_useCache(useCache)
{
    if (m_useCache) m_cache = m_model.startDecoding(memory);
}

torch::Tensor IncrementalDecoder::step(const torch::Tensor &tokens, torch::Tensor *crossAttention)
{
    if (m_useCache) return m_model.decodeStep(tokens, m_cache, crossAttention);

    m_history = m_history.defined() ? torch::cat({m_history, tokens.unsqueeze(1)}, 1) : tokens.unsqueeze(1);
    torch::Tensor attention;
    const torch::Tensor logits = m_model.decode(m_history, m_memory, crossAttention ? &attention : nullptr);
    if (crossAttention) *crossAttention = attention.select(1, attention.size(1) - 1);
    return logits.select(1, logits.size(1) - 1);
}

void IncrementalDecoder::selectRows(const torch::Tensor &rows)
{
    m_memory = m_memory.index_select(0, rows);
    if (m_useCache) m_cache.selectRows(rows);
    if (m_history.defined()) m_history = m_history.index_select(0, rows);
}

} // namespace snaption
