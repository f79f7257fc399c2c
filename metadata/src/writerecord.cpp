#include <snaption/metadata/writerecord.h>

namespace snaption::metadata {

const char *statusName(WriteStatus status)
{
    switch (status) {
    case WriteStatus::Written: return "written";
    case WriteStatus::WouldWrite: return "would-write";
    case WriteStatus::Skipped: return "skipped";
    case WriteStatus::Failed: return "failed";
    }
    return "";
}

const char *skipReasonName(SkipReason reason)
{
    switch (reason) {
    case SkipReason::None: return "none";
    case SkipReason::DescribedByPerson: return "described-by-person";
    case SkipReason::DescribedBySnaption: return "described-by-snaption";
    case SkipReason::CaptionedByThisModel: return "captioned-by-this-model";
    case SkipReason::AlreadyDescribed: return "already-described";
    case SkipReason::DoneEarlier: return "done-earlier";
    }
    return "";
}

} // namespace snaption::metadata
