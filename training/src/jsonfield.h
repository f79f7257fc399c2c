#pragma once

#include <snaption/error.h>

#include <nlohmann/json.hpp>

#include <string>

namespace snaption::training {

// Reads an optional field of a JSON configuration into target, which keeps its value when the
// field is absent; a field of the wrong type is an error that names the field. `what` names the
// configuration in the message, e.g. "augmentation".
template <typename T>
void readJsonField(const nlohmann::json &object, const char *key, T &target, const char *what)
{
    const auto it = object.find(key);
    if (it == object.end()) return;
    try {
        target = it->get<T>();
    } catch (const nlohmann::json::exception &) {
        throw Error(ErrorKind::InvalidArgument, std::string(what) + ": \"" + key + "\" has the wrong type");
    }
}

} // namespace snaption::training
