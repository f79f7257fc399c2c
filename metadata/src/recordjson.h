#pragma once

#include <snaption/metadata/writerecord.h>

#include <nlohmann/json.hpp>

namespace snaption::metadata {

// A WriteRecord as JSON and back. Stored (raw) metadata is base64 so that restoring gives back the
// exact bytes even where they are not valid UTF-8; the readable fields beside it are for people.
class RecordJson {
public:
    static nlohmann::json toJson(const WriteRecord &record);
    // Throws nlohmann::json::exception or std::invalid_argument on anything unexpected.
    static WriteRecord fromJson(const nlohmann::json &json);
};

} // namespace snaption::metadata
