#pragma once

#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include <torch/types.h>

#include <map>
#include <string>

namespace snaption {

using TensorMap = std::map<std::string, torch::Tensor>;

// Conversions between stored tensors (safetensors) and LibTorch tensors.
class TensorConversion {
public:
    static torch::Dtype toTorch(TensorDType dtype);
    static TensorDType fromTorch(torch::Dtype dtype);
    // One entry as a tensor of the stored dtype: a view of the file's bytes where they are aligned
    // for it (the tensor keeps them alive), a copy otherwise.
    static torch::Tensor read(const SafetensorsFile &file, const SafetensorsFile::Entry &entry);
    static TensorMap readAll(const SafetensorsFile &file);
    // Floating tensors are stored as `floatStorage` (F32 or F16); integer tensors as they are.
    static void add(SafetensorsWriter &writer, const std::string &name, const torch::Tensor &tensor,
                    TensorDType floatStorage = TensorDType::F32);
};

} // namespace snaption
