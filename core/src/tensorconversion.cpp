#include "tensorconversion.h"

#include <snaption/error.h>

namespace snaption {

torch::Dtype TensorConversion::toTorch(TensorDType dtype)
{
    switch (dtype) {
    case TensorDType::F64: return torch::kFloat64;
    case TensorDType::F32: return torch::kFloat32;
    case TensorDType::F16: return torch::kFloat16;
    case TensorDType::BF16: return torch::kBFloat16;
    case TensorDType::I64: return torch::kInt64;
    case TensorDType::I32: return torch::kInt32;
    case TensorDType::I16: return torch::kInt16;
    case TensorDType::I8: return torch::kInt8;
    case TensorDType::U8: return torch::kUInt8;
    case TensorDType::Bool: return torch::kBool;
    }
    return torch::kFloat32;
}

TensorDType TensorConversion::fromTorch(torch::Dtype dtype)
{
    switch (dtype) {
    case torch::kFloat64: return TensorDType::F64;
    case torch::kFloat32: return TensorDType::F32;
    case torch::kFloat16: return TensorDType::F16;
    case torch::kBFloat16: return TensorDType::BF16;
    case torch::kInt64: return TensorDType::I64;
    case torch::kInt32: return TensorDType::I32;
    case torch::kInt16: return TensorDType::I16;
    case torch::kInt8: return TensorDType::I8;
    case torch::kUInt8: return TensorDType::U8;
    case torch::kBool: return TensorDType::Bool;
    default: break;
    }
    throw Error(ErrorKind::InvalidArgument, std::string("cannot store tensors of type ") + c10::toString(dtype));
}

torch::Tensor TensorConversion::read(const SafetensorsFile &file, const SafetensorsFile::Entry &entry)
{
    const std::uint8_t *bytes = file.data(entry);
    if (entry.end > entry.begin && reinterpret_cast<std::uintptr_t>(bytes) % dtypeSize(entry.dtype) == 0) {
        // A view of the file's bytes: no copy, and no fresh pages to allocate. It holds the bytes;
        // writing to it changes this process's copy-on-write pages, never the file.
        std::shared_ptr<const void> owner = file.bytesOwner();
        return torch::from_blob(const_cast<std::uint8_t *>(bytes), entry.shape, [owner](void *) mutable { owner.reset(); },
                                torch::TensorOptions().dtype(toTorch(entry.dtype)));
    }
    torch::Tensor tensor = torch::empty(entry.shape, torch::TensorOptions().dtype(toTorch(entry.dtype)));
    if (entry.end > entry.begin) std::memcpy(tensor.data_ptr(), bytes, entry.end - entry.begin); // safetensors is little-endian, as is x86/ARM
    return tensor;
}

TensorMap TensorConversion::readAll(const SafetensorsFile &file)
{
    TensorMap tensors;
    for (const auto &entry : file.entries()) tensors.emplace(entry.name, read(file, entry));
    return tensors;
}

void TensorConversion::add(SafetensorsWriter &writer, const std::string &name, const torch::Tensor &tensor,
                           TensorDType floatStorage)
{
    torch::Tensor stored = tensor.detach().cpu();
    if (stored.is_floating_point()) stored = stored.to(toTorch(floatStorage));
    stored = stored.contiguous();
    writer.addTensor(name, fromTorch(stored.scalar_type()), stored.sizes().vec(), stored.data_ptr(), stored.nbytes());
}

} // namespace snaption
