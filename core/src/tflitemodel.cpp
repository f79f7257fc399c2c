#include "tflitemodel.h"

#include <snaption/error.h>

#include "flatbufferview.h"
#include "inputfile.h"

#include <cstring>
#include <fstream>

namespace snaption {
namespace {

constexpr std::size_t kMaxFileBytes = std::size_t(2) << 30;

std::vector<std::int64_t> intVector(const std::optional<FlatBufferView::Vector> &v, int bytes)
{
    std::vector<std::int64_t> out;
    if (!v) return out;
    v->data(bytes); // all elements inside the buffer, before room is made for them
    out.reserve(v->size());
    for (std::uint32_t i = 0; i < v->size(); ++i) out.push_back(v->integer(i, bytes, true));
    return out;
}

} // namespace

bool TfliteModel::looksLikeTflite(const std::string &path)
{
    const std::vector<std::uint8_t> head = InputFile::head(path, 8);
    return head.size() == 8 && std::memcmp(head.data() + 4, "TFL3", 4) == 0;
}

TfliteModel TfliteModel::read(const std::string &path)
{
    return parse(InputFile::read(path, kMaxFileBytes, ErrorKind::BadModel, "a TFLite model"), path);
}

TfliteModel TfliteModel::parse(std::vector<std::uint8_t> bytes, const std::string &source)
{
    TfliteModel model;
    model.m_source = source;
    model.m_bytes = std::move(bytes);
    if (model.m_bytes.size() < 8 || std::memcmp(model.m_bytes.data() + 4, "TFL3", 4) != 0)
        throw Error(ErrorKind::BadModel, source + ": not a TensorFlow Lite model (no TFL3 identifier)");
    const FlatBufferView view(model.m_bytes.data(), model.m_bytes.size(), source);
    const FlatBufferView::Table root = view.root();
    if (root.integer(0, 4, false, 0) != 3) view.fail("unsupported TFLite schema version");

    if (const auto buffers = root.vector(4)) {
        for (std::uint32_t i = 0; i < buffers->size(); ++i) {
            const auto data = buffers->table(i).vector(0);
            if (!data) {
                model.m_buffers.emplace_back(0, 0);
                continue;
            }
            const std::uint8_t *start = data->data(1);
            model.m_buffers.emplace_back(std::size_t(start - model.m_bytes.data()), data->size());
        }
    }
    std::vector<int> opcodes;
    if (const auto codes = root.vector(1)) {
        for (std::uint32_t i = 0; i < codes->size(); ++i) {
            const FlatBufferView::Table code = codes->table(i);
            const std::int64_t deprecated = code.integer(0, 1, true, 0);
            const std::int64_t builtin = code.integer(3, 4, true, 0);
            opcodes.push_back(int(std::max(deprecated, builtin))); // newer files fill one or the other
        }
    }
    const auto subgraphs = root.vector(2);
    if (!subgraphs || subgraphs->size() < 1) view.fail("the model has no subgraph");
    const FlatBufferView::Table graph = subgraphs->table(0);
    if (const auto tensors = graph.vector(0)) {
        for (std::uint32_t i = 0; i < tensors->size(); ++i) {
            const FlatBufferView::Table t = tensors->table(i);
            Tensor tensor;
            tensor.shape = intVector(t.vector(0), 4);
            tensor.type = int(t.integer(1, 1, true, 0));
            tensor.buffer = std::uint32_t(t.integer(2, 4, false, 0));
            tensor.name = t.string(3);
            if (tensor.buffer >= model.m_buffers.size() && !model.m_buffers.empty()) view.fail("tensor " + tensor.name + " names a missing buffer");
            for (const std::int64_t d : tensor.shape) {
                if (d < 0 || d > (1 << 24)) view.fail("tensor " + tensor.name + " has an invalid shape");
            }
            if (const auto quantization = t.table(4)) {
                if (const auto scales = quantization->vector(2)) {
                    for (std::uint32_t s = 0; s < scales->size(); ++s) tensor.scales.push_back(scales->real(s));
                }
                tensor.zeroPoints = intVector(quantization->vector(3), 8);
                tensor.quantizedDimension = int(quantization->integer(6, 4, true, 0));
            }
            model.m_tensors.push_back(std::move(tensor));
        }
    }
    if (const auto operators = graph.vector(3)) {
        for (std::uint32_t i = 0; i < operators->size(); ++i) {
            const FlatBufferView::Table o = operators->table(i);
            Op op;
            const std::int64_t opcodeIndex = o.integer(0, 4, false, 0);
            if (opcodeIndex < 0 || std::size_t(opcodeIndex) >= opcodes.size()) view.fail("an operator names a missing opcode");
            op.code = opcodes[std::size_t(opcodeIndex)];
            for (const std::int64_t v : intVector(o.vector(1), 4)) op.inputs.push_back(std::int32_t(v));
            for (const std::int64_t v : intVector(o.vector(2), 4)) op.outputs.push_back(std::int32_t(v));
            for (const std::int32_t index : op.inputs) {
                if (index >= std::int32_t(model.m_tensors.size())) view.fail("an operator names a missing tensor");
            }
            if (const auto options = o.table(4); options && (op.code == kConv2d || op.code == kDepthwiseConv2d)) {
                op.padding = int(options->integer(0, 1, true, kSame));
                op.strideW = int(options->integer(1, 4, true, 1));
                op.strideH = int(options->integer(2, 4, true, 1));
                if (op.code == kConv2d) {
                    op.activation = int(options->integer(3, 1, true, kNone));
                } else {
                    op.depthMultiplier = int(options->integer(3, 4, true, 1));
                    op.activation = int(options->integer(4, 1, true, kNone));
                }
            }
            model.m_operators.push_back(std::move(op));
        }
    }
    return model;
}

const TfliteModel::Tensor &TfliteModel::tensor(std::int32_t index) const
{
    if (index < 0 || std::size_t(index) >= m_tensors.size()) throw Error(ErrorKind::BadModel, m_source + ": no tensor " + std::to_string(index));
    return m_tensors[std::size_t(index)];
}

std::vector<float> TfliteModel::values(std::int32_t index) const
{
    const Tensor &t = tensor(index);
    std::size_t count = 1;
    for (const std::int64_t d : t.shape) count *= std::size_t(d);
    const std::size_t elementBytes = t.type == kFloat32 || t.type == kInt32 ? 4 : (t.type == kUint8 || t.type == kInt8 ? 1 : 0);
    if (elementBytes == 0) throw Error(ErrorKind::BadModel, m_source + ": tensor " + t.name + " has an unsupported type");
    if (t.buffer >= m_buffers.size() || m_buffers[t.buffer].second != count * elementBytes)
        throw Error(ErrorKind::BadModel, m_source + ": tensor " + t.name + " has no data or the wrong amount of it");
    const std::uint8_t *data = m_bytes.data() + m_buffers[t.buffer].first;
    std::vector<float> out(count);
    if (t.type == kFloat32) {
        std::memcpy(out.data(), data, count * 4);
        return out;
    }
    // Per-channel quantisation: the channel of element i along quantizedDimension.
    std::size_t inner = 1;
    const int dimension = t.quantizedDimension;
    if (dimension < 0 || std::size_t(dimension) >= std::max<std::size_t>(t.shape.size(), 1))
        throw Error(ErrorKind::BadModel, m_source + ": tensor " + t.name + " has an invalid quantised dimension");
    for (std::size_t d = std::size_t(dimension) + 1; d < t.shape.size(); ++d) inner *= std::size_t(t.shape[d]);
    const std::size_t channels = t.shape.empty() ? 1 : std::size_t(t.shape[std::size_t(dimension)]);
    const bool perChannel = t.scales.size() > 1;
    if (t.scales.empty() || (perChannel && t.scales.size() != channels) || (!t.zeroPoints.empty() && t.zeroPoints.size() != t.scales.size()))
        throw Error(ErrorKind::BadModel, m_source + ": tensor " + t.name + " lacks quantisation parameters");
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t channel = perChannel ? (i / inner) % channels : 0;
        const float scale = t.scales[channel];
        const std::int64_t zero = t.zeroPoints.empty() ? 0 : t.zeroPoints[channel];
        std::int64_t q = 0;
        if (t.type == kUint8) q = data[i];
        else if (t.type == kInt8) q = std::int8_t(data[i]);
        else {
            std::int32_t v;
            std::memcpy(&v, data + 4 * i, 4);
            q = v;
        }
        out[i] = scale * float(q - zero);
    }
    return out;
}

} // namespace snaption
