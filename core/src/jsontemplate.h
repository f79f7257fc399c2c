#pragma once

#include <snaption/error.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace snaption {

// Checks a JSON value against a template: the JSON that the defaults of the same configuration
// write. Every key must be one the template has (a misspelt key is reported with the closest
// known one), of the template's type: a whole number within range where the template holds an
// integer, any number where it holds a float, arrays of the template's length. Throws
// Error(kind, "<what>: ...") naming the key's path, e.g. "training configuration: \"epochs\" must
// be a whole number, not 2.7". A template read back from text cannot tell C++ ints from unsigned
// 64-bit fields: whole numbers must fit an int, except at the paths in `unsignedPaths` ("seed"),
// which take any non-negative 64-bit value.
void checkAgainstTemplate(const nlohmann::json &value, const nlohmann::json &templ, const std::string &what, ErrorKind kind,
                          const std::set<std::string> &unsignedPaths = {});

// Parses text that must hold a JSON object; throws Error(kind, "<what>: not a JSON object (...)").
nlohmann::json parseJsonObject(const std::string &text, const std::string &what, ErrorKind kind);

} // namespace snaption
