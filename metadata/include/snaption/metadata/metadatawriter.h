#pragma once

#include <snaption/metadata/captionfields.h>
#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/writerecord.h>

#include <string>

namespace snaption::metadata {

class MetadataJournal;

enum class OverwritePolicy {
    KeepExisting,       // fill empty fields only; a photo Snaption captioned before is skipped
    ReplaceMachineMade, // also replace Snaption's own earlier captions (--overwrite)
    ReplaceAll,         // also replace a person's description (--overwrite-human)
};

struct WriteOptions {
    CaptionFields fields = CaptionFields::defaults();
    bool sidecar = false; // an XMP sidecar instead of the photo (XMP fields only)
    SidecarName sidecarName = SidecarName::AppendXmp;
    OverwritePolicy overwrite = OverwritePolicy::KeepExisting;
    bool skipDescribed = false; // leave photos holding any description alone, without captioning
    bool keepModificationTime = true;
};

// The caption for one photo, and where it came from.
struct CaptionToWrite {
    std::string text;
    std::string language = "en";
    std::string model;
    std::string modelHash;
    double score = 0;
    bool edited = false; // a person corrected the text
};

// Writes captions into photos (or sidecars) so that nothing is lost: other tags survive, the image
// data is untouched, a person's description is kept unless the policy says otherwise, and the file
// is replaced atomically (temporary file, flushed, re-read and verified, renamed; mode and
// modification time kept). With a journal, each record is on disk before its file changes.
// Never throws for a photo's problems: they come back as a Failed record. Thread-safe: one writer
// may serve several threads when the journal is shared (its appends are serialised).
class MetadataWriter {
public:
    explicit MetadataWriter(WriteOptions options, MetadataJournal *journal = nullptr);

    const WriteOptions &options() const { return m_options; }
    // What write() would do (reads only; status WouldWrite, Skipped or Failed). Lets a run skip
    // photos before captioning them and lets the desktop app show what will change. Records name
    // the photo by its absolute path (a relative one is taken from the current folder).
    WriteRecord preview(const std::string &photo, const std::string &modelHash) const;
    WriteRecord write(const std::string &photo, const CaptionToWrite &caption) const;

    // Options that cannot work together: a sidecar holds XMP only. Empty when fine.
    static std::string validate(const WriteOptions &options);

private:
    void commit(WriteRecord &record, const CaptionToWrite &caption) const;

    WriteOptions m_options;
    MetadataJournal *m_journal;
};

// Removes the temporary files of killed runs in a folder (those whose process is gone).
int removeStaleTemporaryFiles(const std::string &folder);

} // namespace snaption::metadata
