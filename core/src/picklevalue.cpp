#include "picklevalue.h"

namespace snaption {

PickleValue::~PickleValue()
{
    std::vector<Ptr> pending;
    const auto release = [&pending](PickleValue &value) {
        for (Ptr &item : value.items) pending.push_back(std::move(item));
        for (auto &[key, entry] : value.entries) {
            pending.push_back(std::move(key));
            pending.push_back(std::move(entry));
        }
        if (value.state) pending.push_back(std::move(value.state));
        value.items.clear();
        value.entries.clear();
    };
    release(*this);
    while (!pending.empty()) {
        Ptr value = std::move(pending.back());
        pending.pop_back();
        // Only empty a value we are the last owner of; its destructor then has nothing left to do.
        if (value && value.use_count() == 1) release(*value);
    }
}

PickleValue::Ptr PickleValue::get(const std::string &key) const
{
    if (kind != Kind::Dict) return nullptr;
    for (const auto &[k, v] : entries) {
        if (k && k->kind == Kind::String && k->text == key) return v;
    }
    return nullptr;
}

const char *PickleValue::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::Bytes: return "bytes";
    case Kind::Tuple: return "tuple";
    case Kind::List: return "list";
    case Kind::Set: return "set";
    case Kind::Dict: return "dict";
    case Kind::Global: return "global";
    case Kind::Object: return "object";
    case Kind::Storage: return "storage";
    case Kind::Tensor: return "tensor";
    }
    return "?";
}

} // namespace snaption
