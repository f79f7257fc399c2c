#include <snaption/metadata/metadatajournal.h>
#include <snaption/metadata/metadatawriter.h>

#include "exiv2image.h"
#include "fieldplan.h"
#include "filereplacement.h"
#include "isotime.h"
#include "xmpcodec.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace snaption::metadata {
namespace {

// Photos are rewritten in memory; beyond this a sidecar is the way.
constexpr off_t kMaxRewrittenBytes = off_t(1) << 30;

struct stat statusOf(const std::string &path)
{
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        const int error = errno;
        throw MetadataError(problemFromErrno(error), "cannot open " + path + ": " + std::strerror(error));
    }
    if (!S_ISREG(status.st_mode)) throw MetadataError(MetadataProblem::NotAFile, path + " is not a regular file");
    return status;
}

std::string folderOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, std::max<std::size_t>(slash, 1));
}

// Root may write anything; a file without any write permission is still read-only to Snaption.
void requireWritableFile(const std::string &path, const struct stat &status)
{
    if ((status.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0)
        throw MetadataError(MetadataProblem::ReadOnly, path + " is read-only");
    if (::access(folderOf(path).c_str(), W_OK) != 0)
        throw MetadataError(MetadataProblem::ReadOnly, "the folder of " + path + " is read-only");
}

// What the photo holds, for the plan: in-file writes see the photo's own metadata and any sidecar;
// sidecar writes also tolerate photos Exiv2 cannot read (the sidecar is all that is written).
PhotoDescription describeForSidecar(const std::string &photo)
{
    PhotoDescription holds;
    try {
        holds = MetadataReader::readFile(photo);
    } catch (const MetadataError &error) {
        if (error.problem() != MetadataProblem::Unsupported) throw;
    }
    if (const auto sidecar = existingSidecar(photo)) {
        const PhotoDescription side = MetadataReader::readFile(*sidecar);
        if (!side.description.empty()) holds.description = side.description;
        if (!side.altText.empty()) holds.altText = side.altText;
        if (!side.extended.empty()) holds.extended = side.extended;
        if (side.mark) holds.mark = side.mark;
    }
    return holds;
}

void expectEqual(const std::string &found, const std::string &wanted, const char *what, const std::string &path)
{
    if (found != wanted) throw MetadataError(MetadataProblem::VerifyFailed, path + ": " + what + " read back differs from what was written");
}

// Re-reads the temporary file as any reader would and compares every field written.
void verifyWritten(const std::string &temporaryPath, const PhotoDescription &expected, CaptionFields fields)
{
    const PhotoDescription found = MetadataReader::readFile(temporaryPath);
    for (CaptionField field : fields.list()) expectEqual(found.text(field), expected.text(field), CaptionFields::name(field), temporaryPath);
    if (!found.mark || *found.mark != *expected.mark) throw MetadataError(MetadataProblem::VerifyFailed, temporaryPath + ": the mark read back differs");
}

MachineMark markFor(const CaptionToWrite &caption, CaptionFields fields)
{
    MachineMark mark;
    mark.model = caption.model;
    mark.modelHash = caption.modelHash;
    mark.score = XmpCodec::storedScore(caption.score);
    mark.date = isoTimeNow();
    mark.edited = caption.edited;
    mark.caption = caption.text;
    mark.language = caption.language;
    mark.fields = fields;
    return mark;
}

PhotoDescription expectedAfter(PhotoDescription before, const MachineMark &mark)
{
    for (CaptionField field : mark.fields.list()) {
        const std::string text = fieldText(field, mark.caption);
        switch (field) {
        case CaptionField::Description: before.description["x-default"] = text; before.description[mark.language] = text; break;
        case CaptionField::AltText: before.altText["x-default"] = text; before.altText[mark.language] = text; break;
        case CaptionField::Extended: before.extended["x-default"] = text; before.extended[mark.language] = text; break;
        case CaptionField::Exif: before.exifDescription = text; break;
        case CaptionField::Iptc: before.iptcCaption = text; break;
        }
    }
    before.mark = mark;
    return before;
}

// Journals name photos absolutely, so that a restore works from any folder.
std::string absolutePath(const std::string &path)
{
    if (!path.empty() && path[0] == '/') return path;
    std::vector<char> folder(4096);
    if (!::getcwd(folder.data(), folder.size())) return path;
    return std::string(folder.data()) + "/" + path;
}

} // namespace

MetadataWriter::MetadataWriter(WriteOptions options, MetadataJournal *journal)
    : m_options(options), m_journal(journal)
{
}

std::string MetadataWriter::validate(const WriteOptions &options)
{
    if (options.fields.empty()) return "no fields chosen";
    if (options.sidecar && !options.fields.onlyXmp()) return "an XMP sidecar holds no Exif or IPTC fields";
    return {};
}

WriteRecord MetadataWriter::preview(const std::string &relativeOrAbsolute, const std::string &modelHash) const
{
    const std::string photo = absolutePath(relativeOrAbsolute);
    WriteRecord record;
    record.file = photo;
    record.target = m_options.sidecar ? sidecarPath(photo, m_options.sidecarName) : photo;
    record.time = isoTimeNow();
    try {
        const struct stat status = statusOf(photo);
        if (!m_options.sidecar) requireWritableFile(photo, status);
        record.before = m_options.sidecar ? describeForSidecar(photo) : MetadataReader::read(photo);
        const FieldPlan plan = FieldPlan::decide(record.before, m_options, modelHash);
        record.skip = plan.skip;
        record.written = plan.write;
        record.keptHuman = plan.keptHuman;
        record.status = plan.skip == SkipReason::None ? WriteStatus::WouldWrite : WriteStatus::Skipped;
    } catch (const MetadataError &error) {
        record.status = WriteStatus::Failed;
        record.problem = error.problem();
        record.detail = error.what();
    }
    return record;
}

WriteRecord MetadataWriter::write(const std::string &photo, const CaptionToWrite &caption) const
{
    WriteRecord record = preview(photo, caption.modelHash);
    if (record.status != WriteStatus::WouldWrite) {
        if (m_journal) m_journal->appendQuietly(record);
        return record;
    }
    try {
        commit(record, caption);
    } catch (const MetadataError &error) {
        record.status = WriteStatus::Failed;
        record.problem = error.problem();
        record.detail = error.what();
        record.after = {};
        if (m_journal && error.problem() != MetadataProblem::JournalFailed) m_journal->appendQuietly(record);
    }
    return record;
}

// Rewrites the target (the photo, or its sidecar, new or not) with the caption in the planned
// fields; the journal gets the record just before the rename.
void MetadataWriter::commit(WriteRecord &record, const CaptionToWrite &caption) const
{
    struct stat status {};
    status.st_mode = 0644; // a new sidecar's
    std::vector<std::uint8_t> bytes;
    Exiv2::Image::AutoPtr image;
    record.sidecarCreated = m_options.sidecar && ::access(record.target.c_str(), F_OK) != 0;
    if (record.sidecarCreated) {
        image = Exiv2Image::newSidecar();
    } else {
        bytes = readWholeFile(record.target, &status);
        if (status.st_size > kMaxRewrittenBytes)
            throw MetadataError(MetadataProblem::Unsupported, record.target + " is too large to rewrite (write a sidecar)");
        image = Exiv2Image::openBytes(bytes, record.target);
    }
    Exiv2Image::requireWritable(*image, !m_options.fields.onlyXmp(), record.target);
    record.stored = XmpCodec::stored(*image);
    const MachineMark mark = markFor(caption, record.written);
    record.after = expectedAfter(record.before, mark);
    XmpCodec::apply(*image, record.written, mark);
    const std::vector<std::uint8_t> newBytes = Exiv2Image::serialise(*image, record.target);
    image.reset();
    bytes.clear();

    const bool keepTimes = !record.sidecarCreated && m_options.keepModificationTime;
    Replacement replacement = replacementKeeping(record.target, newBytes, status, keepTimes);
    replacement.verify = [&](const std::string &temporaryPath) { verifyWritten(temporaryPath, record.after, record.written); };
    replacement.beforeRename = [&](std::uint64_t inode) {
        record.inode = inode;
        record.status = WriteStatus::Written;
        if (m_journal) m_journal->append(record); // throws JournalFailed: the photo stays as it was
    };
    replaceFile(replacement);
}

} // namespace snaption::metadata
