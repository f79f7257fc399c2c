#pragma once

#include <snaption/metadata/metadataproblem.h>

#include <sys/stat.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace snaption::metadata {

// A file's whole content, read with the system's error as a MetadataError (Missing, NotAFile, ...).
std::vector<std::uint8_t> readWholeFile(const std::string &path, struct stat *status = nullptr);

// Replaces (or creates) `target` with `bytes` so that nothing half-written is ever seen under its
// name: the bytes go to a hidden temporary file in the same folder (".NAME.snaption-tmp-PID-XXXXXX"),
// are flushed to disk and given `mode` (and `times`, when set); `verify(temporaryPath)` re-reads
// them and `beforeRename(inode)` records the change (the journal); only then is the temporary file
// renamed over the target and the folder flushed. Any failure removes the temporary file, leaves
// the target as it was and throws MetadataError (NoSpace, WriteFailed, VerifyFailed, JournalFailed).
struct Replacement {
    std::string target;
    const std::vector<std::uint8_t> *bytes = nullptr;
    mode_t mode = 0644;
    std::optional<struct timespec> accessTime;
    std::optional<struct timespec> modificationTime;
    std::function<void(const std::string &temporaryPath)> verify;
    std::function<void(std::uint64_t inode)> beforeRename;
};
void replaceFile(const Replacement &replacement);
// A replacement that keeps the original's mode and, when keepTimes, its access and modification times.
Replacement replacementKeeping(const std::string &target, const std::vector<std::uint8_t> &bytes, const struct stat &original, bool keepTimes);

// Removes a file and flushes its folder (restoring a sidecar Snaption created).
void removeFile(const std::string &path);

MetadataProblem problemFromErrno(int error);

} // namespace snaption::metadata
