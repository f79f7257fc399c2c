#pragma once

#include <string>

namespace snaption {

// RFC 4648 base64 (with padding), for binary data kept in a model file's JSON metadata.
class Base64 {
public:
    static std::string encode(const std::string &bytes);
    // Throws Error(BadModel) for characters outside the alphabet, bad padding or a bad length.
    static std::string decode(const std::string &text);
};

} // namespace snaption
