#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/metadatarestorer.h>

#include "exiv2image.h"
#include "filereplacement.h"
#include "xmpcodec.h"

#include <sys/stat.h>

namespace snaption::metadata {
namespace {

void verifyRestored(const std::string &temporaryPath, const WriteRecord &record)
{
    const StoredMetadata found = MetadataReader::readStored(temporaryPath);
    const bool legacyBack = (!record.written.contains(CaptionField::Exif) || found.exifDescription == record.stored.exifDescription) &&
                            (!record.written.contains(CaptionField::Iptc) || found.iptcCaption == record.stored.iptcCaption);
    const PhotoDescription now = MetadataReader::readFile(temporaryPath);
    if (!legacyBack || now.mark != record.before.mark)
        throw MetadataError(MetadataProblem::VerifyFailed, temporaryPath + ": what was read back is not what was there before");
}

RestoreOutcome putBack(const WriteRecord &record, RestoreOutcome outcome)
{
    if (record.sidecarCreated) {
        removeFile(record.target);
        outcome.status = RestoreStatus::Restored;
        return outcome;
    }
    struct stat status {};
    std::vector<std::uint8_t> bytes = readWholeFile(record.target, &status);
    Exiv2::Image::AutoPtr image = Exiv2Image::openBytes(bytes, record.target);
    XmpCodec::putBack(*image, record.stored, record.written);
    const std::vector<std::uint8_t> newBytes = Exiv2Image::serialise(*image, record.target);
    image.reset();
    bytes.clear();
    Replacement replacement = replacementKeeping(record.target, newBytes, status, true);
    replacement.verify = [&](const std::string &temporaryPath) { verifyRestored(temporaryPath, record); };
    replaceFile(replacement);
    outcome.status = RestoreStatus::Restored;
    return outcome;
}

} // namespace

const char *restoreStatusName(RestoreStatus status)
{
    switch (status) {
    case RestoreStatus::Restored: return "restored";
    case RestoreStatus::NotWritten: return "not-written";
    case RestoreStatus::Changed: return "changed";
    case RestoreStatus::Failed: return "failed";
    }
    return "";
}

RestoreOutcome MetadataRestorer::restore(const WriteRecord &record)
{
    RestoreOutcome outcome;
    outcome.file = record.file;
    try {
        struct stat status {};
        const bool present = ::stat(record.target.c_str(), &status) == 0;
        if (!present && record.sidecarCreated) {
            outcome.status = RestoreStatus::NotWritten;
            return outcome;
        }
        const PhotoDescription now = MetadataReader::readFile(record.target);
        if (now.mark != record.after.mark) {
            // Killed between the journal line and the rename, the file never got this caption.
            const bool landed = present && std::uint64_t(status.st_ino) == record.inode;
            outcome.status = landed || now.mark ? RestoreStatus::Changed : RestoreStatus::NotWritten;
            if (outcome.status == RestoreStatus::Changed) outcome.problem = MetadataProblem::Changed;
            return outcome;
        }
        return putBack(record, outcome);
    } catch (const MetadataError &error) {
        outcome.status = RestoreStatus::Failed;
        outcome.problem = error.problem();
        outcome.detail = error.what();
    }
    return outcome;
}

std::vector<const WriteRecord *> MetadataRestorer::undoOrder(const std::vector<WriteRecord> &records)
{
    std::vector<const WriteRecord *> order;
    for (auto it = records.rbegin(); it != records.rend(); ++it)
        if (it->status == WriteStatus::Written) order.push_back(&*it);
    return order;
}

} // namespace snaption::metadata
