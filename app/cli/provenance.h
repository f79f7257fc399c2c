#pragma once

#include <QString>

#include <map>
#include <string>

namespace snaption::cli {

// The provenance metadata written into model files: which program made it, when, and from what.
class Provenance {
public:
    static std::map<std::string, std::string> describe(const QString &command, const QString &source);
};

} // namespace snaption::cli
