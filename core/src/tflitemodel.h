#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace snaption {

// The parts of a TensorFlow Lite model (schema v3) needed to take its weights: tensors with their
// quantisation, the operators with their convolution options, and the buffers. Read with
// FlatBufferView: nothing in the file is trusted.
class TfliteModel {
public:
    enum Operator { kAdd = 0, kAveragePool2d = 1, kConv2d = 3, kDepthwiseConv2d = 4, kReshape = 22, kSoftmax = 25 };
    enum Type { kFloat32 = 0, kInt32 = 2, kUint8 = 3, kInt8 = 9 };
    enum Padding { kSame = 0, kValid = 1 };
    enum Activation { kNone = 0, kRelu = 1, kRelu6 = 3 };

    struct Tensor {
        std::string name;
        std::vector<std::int64_t> shape;
        int type = 0;
        std::uint32_t buffer = 0;
        std::vector<float> scales;
        std::vector<std::int64_t> zeroPoints;
        int quantizedDimension = 0;
    };
    struct Op {
        int code = -1;
        std::vector<std::int32_t> inputs, outputs;
        int padding = kSame;
        int strideW = 1, strideH = 1;
        int activation = kNone;
        int depthMultiplier = 1;
    };

    // Throws Error(Io) or Error(BadModel).
    static TfliteModel read(const std::string &path);
    static TfliteModel parse(std::vector<std::uint8_t> bytes, const std::string &source);
    static bool looksLikeTflite(const std::string &path);

    const std::vector<Tensor> &tensors() const { return m_tensors; }
    const std::vector<Op> &operators() const { return m_operators; }
    const Tensor &tensor(std::int32_t index) const;
    // Real values of a constant tensor: float32 as stored; uint8/int8/int32 dequantised as
    // scale * (q - zero_point), per tensor or per channel along its quantised dimension.
    std::vector<float> values(std::int32_t index) const;
    const std::string &source() const { return m_source; }

private:
    std::string m_source;
    std::vector<std::uint8_t> m_bytes;
    std::vector<std::pair<std::size_t, std::size_t>> m_buffers; // offset, size in m_bytes
    std::vector<Tensor> m_tensors;
    std::vector<Op> m_operators;
};

} // namespace snaption
