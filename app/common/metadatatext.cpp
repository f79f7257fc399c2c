#include "metadatatext.h"

#include <QStringList>

namespace snaption {

using namespace metadata;

QString MetadataText::field(CaptionField field)
{
    switch (field) {
    case CaptionField::Description: return tr("description");
    case CaptionField::AltText: return tr("alt text");
    case CaptionField::Extended: return tr("extended description");
    case CaptionField::Exif: return tr("Exif description");
    case CaptionField::Iptc: return tr("IPTC caption");
    }
    return {};
}

QString MetadataText::fields(CaptionFields fields)
{
    QStringList names;
    for (CaptionField each : fields.list()) names << field(each);
    return names.join(tr(", "));
}

QString MetadataText::problem(MetadataProblem problem)
{
    switch (problem) {
    case MetadataProblem::None: return {};
    case MetadataProblem::Missing: return tr("the file is not there");
    case MetadataProblem::NotAFile: return tr("not a file");
    case MetadataProblem::ReadOnly: return tr("the file is read-only (a sidecar can hold the caption)");
    case MetadataProblem::Unsupported: return tr("this format cannot hold the caption (a sidecar can)");
    case MetadataProblem::Corrupt: return tr("the file is damaged");
    case MetadataProblem::NoSpace: return tr("the disk is full");
    case MetadataProblem::WriteFailed: return tr("the file could not be written");
    case MetadataProblem::VerifyFailed: return tr("what was read back differs from what was written");
    case MetadataProblem::Changed: return tr("it changed since Snaption wrote it");
    case MetadataProblem::JournalBusy: return tr("another run is using the journal");
    case MetadataProblem::JournalFailed: return tr("the journal could not be written");
    }
    return {};
}

QString MetadataText::skipReason(SkipReason reason)
{
    switch (reason) {
    case SkipReason::None: return {};
    case SkipReason::DescribedByPerson: return tr("a person's description is kept");
    case SkipReason::DescribedBySnaption: return tr("captioned by Snaption already");
    case SkipReason::CaptionedByThisModel: return tr("captioned by this model already");
    case SkipReason::AlreadyDescribed: return tr("described already");
    case SkipReason::DoneEarlier: return tr("written by an earlier run");
    }
    return {};
}

QString MetadataText::restoreStatus(RestoreStatus status)
{
    switch (status) {
    case RestoreStatus::Restored: return tr("restored");
    case RestoreStatus::NotWritten: return tr("nothing to undo (never written, or restored already)");
    case RestoreStatus::Changed: return tr("left as it is: it changed since Snaption wrote it");
    case RestoreStatus::Failed: return tr("failed");
    }
    return {};
}

QString MetadataText::failure(const QString &file, MetadataProblem problem, const std::string &detail)
{
    const QString text = tr("%1: %2").arg(file, MetadataText::problem(problem));
    // Where the code says it all, the library's English detail would only repeat it.
    const bool detailAddsReason = problem == MetadataProblem::Corrupt || problem == MetadataProblem::Unsupported ||
                                  problem == MetadataProblem::WriteFailed || problem == MetadataProblem::VerifyFailed ||
                                  problem == MetadataProblem::JournalFailed;
    return detail.empty() || !detailAddsReason ? text : tr("%1 (%2)").arg(text, QString::fromStdString(detail));
}

} // namespace snaption
