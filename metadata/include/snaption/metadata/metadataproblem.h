#pragma once

#include <stdexcept>
#include <string>

namespace snaption::metadata {

// Why reading or writing a photo's metadata failed; the front ends word each one.
enum class MetadataProblem {
    None,
    Missing,        // the file is not there (any more)
    NotAFile,       // a folder, a device, ...
    ReadOnly,       // the file (or its folder) may not be written
    Unsupported,    // a format Exiv2 cannot write metadata into (write a sidecar instead)
    Corrupt,        // the file's structure cannot be read
    NoSpace,        // the disk is full
    WriteFailed,    // any other system error while writing
    VerifyFailed,   // what was read back differs from what was written
    Changed,        // the file changed after Snaption wrote it (restore leaves it alone)
    JournalBusy,    // another run writes to the same journal
    JournalFailed,  // the journal could not be written: nothing is changed without its record
};

const char *problemName(MetadataProblem problem); // "read-only", "no-space", ...

// Thrown by the readers and the journal; writers return the same as a WriteOutcome instead.
class MetadataError : public std::runtime_error {
public:
    MetadataError(MetadataProblem problem, const std::string &detail)
        : std::runtime_error(detail), m_problem(problem)
    {
    }
    MetadataProblem problem() const { return m_problem; }

private:
    MetadataProblem m_problem;
};

} // namespace snaption::metadata
