#pragma once

#include <optional>
#include <string>

namespace snaption {

// Precision of the decoder's weights during inference. Float32 reproduces PyTorch exactly; Int8
// stores each weight row as int8 with its own scale, about 3x faster decoding on CPUs for a
// little accuracy (see docs/BENCHMARKS.md).
enum class WeightPrecision { Float32, Int8 };

const char *precisionName(WeightPrecision precision);
std::optional<WeightPrecision> precisionFromName(const std::string &name); // "fp32" or "int8"

} // namespace snaption
