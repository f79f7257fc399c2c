#include <snaption/metadata/metadataproblem.h>

namespace snaption::metadata {

const char *problemName(MetadataProblem problem)
{
    switch (problem) {
    case MetadataProblem::None: return "none";
    case MetadataProblem::Missing: return "missing";
    case MetadataProblem::NotAFile: return "not-a-file";
    case MetadataProblem::ReadOnly: return "read-only";
    case MetadataProblem::Unsupported: return "unsupported";
    case MetadataProblem::Corrupt: return "corrupt";
    case MetadataProblem::NoSpace: return "no-space";
    case MetadataProblem::WriteFailed: return "write-failed";
    case MetadataProblem::VerifyFailed: return "verify-failed";
    case MetadataProblem::Changed: return "changed";
    case MetadataProblem::JournalBusy: return "journal-busy";
    case MetadataProblem::JournalFailed: return "journal-failed";
    }
    return "unknown";
}

} // namespace snaption::metadata
