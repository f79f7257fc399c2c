#pragma once

#include "captionmodel.h"
#include "decodercache.h"

namespace snaption {

// Feeds tokens to the decoder one step at a time for a set of rows (images x hypotheses), with
// the key/value cache, or, for comparison, by recomputing every position each step as the
// original Python project did.
class IncrementalDecoder {
public:
    IncrementalDecoder(CaptionModelImpl &model, const torch::Tensor &memory, bool useCache);

    // tokens [R]: the newest token of each row. Returns logits [R, V] for the token after it;
    // crossAttention receives [R, L, H, M].
    torch::Tensor step(const torch::Tensor &tokens, torch::Tensor *crossAttention);
    // Continue only the given rows, in this order (repeats allowed).
    void selectRows(const std::vector<std::int64_t> &rows);
    std::int64_t rows() const;

private:
    CaptionModelImpl &m_model;
    torch::Tensor m_memory;
    bool m_useCache;
    DecoderCache m_cache;
    torch::Tensor m_history; // [R, t] tokens so far (no-cache mode)
};

} // namespace snaption
