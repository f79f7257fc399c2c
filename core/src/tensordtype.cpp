#include <snaption/tensordtype.h>

namespace snaption {
namespace {

struct DTypeInfo {
    TensorDType dtype;
    const char *name;
    std::size_t size;
};

constexpr DTypeInfo kDTypes[] = {
    {TensorDType::F64, "F64", 8}, {TensorDType::F32, "F32", 4}, {TensorDType::F16, "F16", 2},
    {TensorDType::BF16, "BF16", 2}, {TensorDType::I64, "I64", 8}, {TensorDType::I32, "I32", 4},
    {TensorDType::I16, "I16", 2}, {TensorDType::I8, "I8", 1}, {TensorDType::U8, "U8", 1},
    {TensorDType::Bool, "BOOL", 1},
};

const DTypeInfo &info(TensorDType dtype)
{
    for (const auto &entry : kDTypes) {
        if (entry.dtype == dtype) return entry;
    }
    return kDTypes[1];
}

} // namespace

std::size_t dtypeSize(TensorDType dtype) { return info(dtype).size; }
const char *dtypeName(TensorDType dtype) { return info(dtype).name; }

std::optional<TensorDType> dtypeFromName(const std::string &name)
{
    for (const auto &entry : kDTypes) {
        if (name == entry.name) return entry.dtype;
    }
    return std::nullopt;
}

} // namespace snaption
