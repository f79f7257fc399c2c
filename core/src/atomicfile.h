#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace snaption {

// Writes to "<path>.tmp-XXXXXX" in the same folder, flushes it to disk, then renames it over path,
// so readers see the old file or the complete new one, never a torn one. On any failure the
// temporary file is removed and Error(Io) carries the system's reason (e.g. "No space left").
void writeFileAtomically(const std::string &path, const std::vector<std::uint8_t> &bytes);

} // namespace snaption
