#pragma once

#include <ATen/core/ScalarType.h>

namespace snaption::training {

// While alive (and enabled), LibTorch's CPU autocast runs matrix products and convolutions in
// bfloat16 with fp32 accumulation; everything else keeps its dtype and the weights stay fp32.
// On CPUs with native bfloat16 dot products (AVX512-BF16, AMX) oneDNN does them at about twice
// the fp32 rate; elsewhere it emulates them, slower than fp32, so callers ask first.
class Bfloat16Autocast {
public:
    explicit Bfloat16Autocast(bool enabled);
    ~Bfloat16Autocast();
    Bfloat16Autocast(const Bfloat16Autocast &) = delete;
    Bfloat16Autocast &operator=(const Bfloat16Autocast &) = delete;

    static bool cpuHasNativeBfloat16();

private:
    bool m_enabled;
    bool m_wasEnabled = false;
    at::ScalarType m_previousType = at::kBFloat16;
};

} // namespace snaption::training
