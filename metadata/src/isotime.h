#pragma once

#include <string>

namespace snaption::metadata {

// The local time now as ISO 8601 with its UTC offset ("2026-12-01T17:20:03+01:00"), as XMP dates are.
std::string isoTimeNow();

} // namespace snaption::metadata
