#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace snaption::test {

// What InferenceLinear's SIMD kernels must compute for one output of one input row, written out
// plainly: the products summed in input order, each with one fused multiply-add (one rounding),
// then plus the bias; for int8 weights, the sum times the row's scale plus the bias in one more.
template <typename Weight>
float sequentialDot(const Weight *weights, const float *x, std::int64_t in)
{
    float sum = 0;
    for (std::int64_t i = 0; i < in; ++i) sum = std::fma(float(weights[i]), x[i], sum);
    return sum;
}

inline float sequentialOutput(const float *weights, const float *x, std::int64_t in, float bias)
{
    return sequentialDot(weights, x, in) + bias;
}

inline float sequentialOutput(const std::int8_t *values, float scale, const float *x, std::int64_t in, float bias)
{
    return std::fma(sequentialDot(values, x, in), scale, bias);
}

// A float's bits, to compare results exactly (QCOMPARE of floats allows a relative error).
inline std::uint32_t bitsOf(float value)
{
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

} // namespace snaption::test
