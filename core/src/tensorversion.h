#pragma once

#include <torch/types.h>

namespace snaption {

// The in-place modification counter of a tensor, used to notice that weights prepared for
// inference (folded, quantised) have gone stale. Inference tensors (made under
// c10::InferenceMode) cannot change and track no version.
inline std::int64_t tensorVersion(const torch::Tensor &t)
{
    return !t.defined() || t.is_inference() ? 0 : std::int64_t(t._version());
}

} // namespace snaption
