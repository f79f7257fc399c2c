#include <snaption/weightprecision.h>

namespace snaption {

const char *precisionName(WeightPrecision precision)
{
    return precision == WeightPrecision::Int8 ? "int8" : "fp32";
}

std::optional<WeightPrecision> precisionFromName(const std::string &name)
{
    if (name == "fp32" || name == "float32") return WeightPrecision::Float32;
    if (name == "int8") return WeightPrecision::Int8;
    return std::nullopt;
}

} // namespace snaption
