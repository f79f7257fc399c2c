#pragma once

#include <snaption/metadata/captionfields.h>
#include <snaption/metadata/metadataproblem.h>
#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/photodescription.h>

#include <cstdint>
#include <string>

namespace snaption::metadata {

enum class WriteStatus { Written, WouldWrite, Skipped, Failed };

// Why a photo was left as it was.
enum class SkipReason {
    None,
    DescribedByPerson,   // every chosen field holds a person's text
    DescribedBySnaption, // it holds a caption Snaption wrote (--overwrite replaces it)
    CaptionedByThisModel,// the caption there came from this very model (a run carried on)
    AlreadyDescribed,    // --skip-described, and it holds a description
    DoneEarlier,         // the journal says an earlier run wrote it
};

const char *statusName(WriteStatus status);
const char *skipReasonName(SkipReason reason);

// What happened to one photo: a journal line. Holds the values before (as found, byte for byte, for
// restoring) and after (what was written).
struct WriteRecord {
    std::string file;   // the photo
    std::string target; // the file written: the photo or its sidecar
    WriteStatus status = WriteStatus::Failed;
    SkipReason skip = SkipReason::None;
    MetadataProblem problem = MetadataProblem::None;
    std::string detail; // the system's or Exiv2's words for a failure
    bool sidecarCreated = false;
    std::uint64_t inode = 0; // the target's inode after the write: tells whether the rename happened
    std::string time;        // ISO 8601
    CaptionFields written;   // the fields that got the caption
    CaptionFields keptHuman; // chosen fields that kept a person's text
    PhotoDescription before;
    StoredMetadata stored;   // the target's metadata before, for restoring
    PhotoDescription after;
};

} // namespace snaption::metadata
