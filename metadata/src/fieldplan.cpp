#include "fieldplan.h"

namespace snaption::metadata {
namespace {

CaptionFields machineMadeFields(const PhotoDescription &holds)
{
    CaptionFields fields;
    for (CaptionField field : CaptionFields::all().list())
        if (holds.isMachineMade(field)) fields.insert(field);
    return fields;
}

// True when the chosen fields hold either this model's caption already or a person's text that
// stays: captioning again would only write the same caption (a resumed --overwrite run).
bool onlySameCaptionToWrite(const PhotoDescription &holds, CaptionFields machineMade, const WriteOptions &options)
{
    for (CaptionField field : options.fields.list()) {
        const bool keptAnyway = holds.holds(field) && options.overwrite != OverwritePolicy::ReplaceAll;
        if (!machineMade.contains(field) && !keptAnyway) return false;
    }
    return true;
}

} // namespace

FieldPlan FieldPlan::decide(const PhotoDescription &holds, const WriteOptions &options, const std::string &modelHash)
{
    FieldPlan plan;
    if (options.skipDescribed && holds.holdsAny()) {
        plan.skip = SkipReason::AlreadyDescribed;
        return plan;
    }
    CaptionFields machineMade = machineMadeFields(holds);
    if (options.sidecar) {
        // A sidecar cannot replace what the photo holds in Exif or IPTC.
        machineMade.remove(CaptionField::Exif);
        machineMade.remove(CaptionField::Iptc);
    }
    if (!machineMade.empty()) {
        if (options.overwrite == OverwritePolicy::KeepExisting) {
            plan.skip = SkipReason::DescribedBySnaption;
            return plan;
        }
        if (holds.mark->modelHash == modelHash && onlySameCaptionToWrite(holds, machineMade, options)) {
            plan.skip = SkipReason::CaptionedByThisModel;
            return plan;
        }
    }
    for (CaptionField field : options.fields.list()) {
        if (!holds.holds(field) || machineMade.contains(field) || options.overwrite == OverwritePolicy::ReplaceAll) plan.write.insert(field);
        else plan.keptHuman.insert(field);
    }
    if (plan.write.empty()) {
        plan.skip = SkipReason::DescribedByPerson;
        return plan;
    }
    // Snaption's earlier caption is replaced wherever it was written, so the new mark speaks for
    // every field that holds a machine-made caption.
    for (CaptionField field : machineMade.list()) plan.write.insert(field);
    return plan;
}

} // namespace snaption::metadata
