#pragma once

#include <snaption/tensordtype.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace snaption {

// Writes a .safetensors file that Python's safetensors reads. The file is written to a temporary
// name beside the target and renamed into place, so a crash or full disk never leaves a half
// written file under the final name.
class SafetensorsWriter {
public:
    void setMetadata(const std::string &key, const std::string &value);
    // Copies the bytes; their count must match the dtype and shape.
    void addTensor(const std::string &name, TensorDType dtype, const std::vector<std::int64_t> &shape,
                   const void *data, std::size_t byteCount);
    std::vector<std::uint8_t> serialize() const;
    // Throws Error(Io) with the system's reason when the file cannot be written.
    void write(const std::string &path) const;

private:
    struct Tensor {
        TensorDType dtype;
        std::vector<std::int64_t> shape;
        std::vector<std::uint8_t> bytes;
    };
    std::map<std::string, std::string> m_metadata;
    std::map<std::string, Tensor> m_tensors;
};

} // namespace snaption
