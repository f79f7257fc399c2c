#pragma once

#include <snaption/metadata/metadatawriter.h>

namespace snaption::metadata {

// Which fields a caption goes to, from what the photo holds and the policy (the rules of
// MetadataWriter: a person's text is kept unless ReplaceAll; Snaption's own caption is replaced
// everywhere it was written, or the photo skipped under KeepExisting).
struct FieldPlan {
    SkipReason skip = SkipReason::None;
    CaptionFields write;
    CaptionFields keptHuman;

    static FieldPlan decide(const PhotoDescription &holds, const WriteOptions &options, const std::string &modelHash);
};

} // namespace snaption::metadata
