#pragma once

#include <string>

namespace snaption {

// The vector instructions the decoder's matrix products run on: "avx512", "avx2" or "scalar" —
// the best the CPU has, or the environment's SNAPTION_SIMD where the CPU has that.
std::string activeSimdKernel();

} // namespace snaption
