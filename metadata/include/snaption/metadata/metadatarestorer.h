#pragma once

#include <snaption/metadata/metadataproblem.h>
#include <snaption/metadata/writerecord.h>

#include <string>
#include <vector>

namespace snaption::metadata {

enum class RestoreStatus {
    Restored,   // what was there before is back (or the sidecar Snaption created is gone)
    NotWritten, // the record's write never landed (a run killed just before its rename)
    Changed,    // the file changed since Snaption wrote it: left alone
    Failed,
};

const char *restoreStatusName(RestoreStatus status);

struct RestoreOutcome {
    std::string file;
    RestoreStatus status = RestoreStatus::Failed;
    MetadataProblem problem = MetadataProblem::None;
    std::string detail;
};

// Undoes journal records: puts back exactly the metadata that was there (the whole XMP packet as
// it was, or none; the legacy fields that were written) and removes sidecars Snaption created.
// A file whose caption is no longer the one the record wrote is left alone. Writes as carefully
// as MetadataWriter (temporary file, verified, renamed; mode and modification time kept).
class MetadataRestorer {
public:
    static RestoreOutcome restore(const WriteRecord &record);
    // The journal's written records, newest first, so that a photo written by several runs ends
    // up as it was before the first.
    static std::vector<const WriteRecord *> undoOrder(const std::vector<WriteRecord> &records);
};

} // namespace snaption::metadata
