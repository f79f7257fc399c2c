#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace snaption {

// Element types of stored tensors, named as safetensors names them.
enum class TensorDType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

std::size_t dtypeSize(TensorDType dtype);
const char *dtypeName(TensorDType dtype);
std::optional<TensorDType> dtypeFromName(const std::string &name);

} // namespace snaption
