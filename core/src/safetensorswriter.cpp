#include <snaption/safetensorswriter.h>

#include <snaption/error.h>

#include "atomicfile.h"

#include <nlohmann/json.hpp>

#include <cstring>

namespace snaption {

void SafetensorsWriter::setMetadata(const std::string &key, const std::string &value)
{
    m_metadata[key] = value;
}

void SafetensorsWriter::addTensor(const std::string &name, TensorDType dtype, const std::vector<std::int64_t> &shape,
                                  const void *data, std::size_t byteCount)
{
    if (name.empty() || name == "__metadata__") throw Error(ErrorKind::InvalidArgument, "invalid tensor name \"" + name + "\"");
    std::size_t elements = 1;
    for (const auto d : shape) {
        if (d < 0) throw Error(ErrorKind::InvalidArgument, "tensor \"" + name + "\" has a negative dimension");
        elements *= std::size_t(d);
    }
    if (elements * dtypeSize(dtype) != byteCount)
        throw Error(ErrorKind::InvalidArgument, "tensor \"" + name + "\": byte count does not match shape and dtype");
    Tensor tensor{dtype, shape, std::vector<std::uint8_t>(byteCount)};
    if (byteCount) std::memcpy(tensor.bytes.data(), data, byteCount);
    m_tensors[name] = std::move(tensor);
}

std::vector<std::uint8_t> SafetensorsWriter::serialize() const
{
    nlohmann::json header = nlohmann::json::object();
    if (!m_metadata.empty()) header["__metadata__"] = m_metadata;
    std::uint64_t offset = 0;
    for (const auto &[name, tensor] : m_tensors) {
        header[name] = {{"dtype", dtypeName(tensor.dtype)}, {"shape", tensor.shape}, {"data_offsets", {offset, offset + tensor.bytes.size()}}};
        offset += tensor.bytes.size();
    }
    std::string text = header.dump();
    // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
    text.append((8 - text.size() % 8) % 8, ' ');

    std::vector<std::uint8_t> bytes;
    bytes.reserve(8 + text.size() + offset);
    std::uint64_t length = text.size();
    for (int i = 0; i < 8; ++i) bytes.push_back(std::uint8_t(length >> (8 * i)));
    bytes.insert(bytes.end(), text.begin(), text.end());
    for (const auto &entry : m_tensors) bytes.insert(bytes.end(), entry.second.bytes.begin(), entry.second.bytes.end());
    return bytes;
}

void SafetensorsWriter::write(const std::string &path) const
{
    writeFileAtomically(path, serialize());
}

} // namespace snaption
