#include "bfloat16autocast.h"

#include <ATen/autocast_mode.h>

namespace snaption::training {

Bfloat16Autocast::Bfloat16Autocast(bool enabled) : m_enabled(enabled)
{
    if (!m_enabled) return;
    m_wasEnabled = at::autocast::is_cpu_enabled();
    m_previousType = at::autocast::get_autocast_cpu_dtype();
    at::autocast::set_cpu_enabled(true);
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    at::autocast::increment_nesting();
}

Bfloat16Autocast::~Bfloat16Autocast()
{
    if (!m_enabled) return;
    // The cache holds bfloat16 copies of the weights; they change with every optimizer step.
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    at::autocast::set_cpu_enabled(m_wasEnabled);
    at::autocast::set_autocast_cpu_dtype(m_previousType);
}

bool Bfloat16Autocast::cpuHasNativeBfloat16()
{
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16") || __builtin_cpu_supports("amx-bf16");
#else
    return false;
#endif
}

} // namespace snaption::training
