#pragma once

#include <snaption/metadata/writerecord.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace snaption::metadata {

// What a journal holds.
struct JournalContents {
    std::vector<WriteRecord> records; // in the order written
    int malformedLines = 0;           // lines that are not a record (e.g. the torn last line of a crash)
    // The photos an earlier run wrote and whose rename happened (the target's inode is the one
    // recorded), latest record per photo: a resumed run skips them without opening them.
    std::map<std::string, std::uint64_t> landed() const;
};

// The undo journal of metadata runs: JSON Lines, one record per photo, each flushed to disk
// before the photo it describes changes. One process at a time: the file is locked while open.
class MetadataJournal {
public:
    // Opens (creating) the journal for appending. Throws MetadataError(JournalBusy) when another run
    // holds it, (JournalFailed) when it cannot be created.
    explicit MetadataJournal(const std::string &path);
    ~MetadataJournal();
    MetadataJournal(const MetadataJournal &) = delete;
    MetadataJournal &operator=(const MetadataJournal &) = delete;

    const std::string &path() const { return m_path; }
    // Appends and flushes one record; throws MetadataError(JournalFailed) with the system's reason.
    void append(const WriteRecord &record);
    // The same for records of photos left unchanged, without waiting for the disk: a failure there
    // loses nothing to undo.
    void appendQuietly(const WriteRecord &record) noexcept;

    // Reads a journal. Never trusts it: malformed lines are counted, not fatal. Throws
    // MetadataError(Missing, ...) when the file cannot be read at all.
    static JournalContents read(const std::string &path);
    static std::string toJsonLine(const WriteRecord &record);
    // nullopt-like: returns false when the line is not a record.
    static bool fromJsonLine(const std::string &line, WriteRecord &record);

private:
    void writeLine(const std::string &line);

    std::string m_path;
    int m_fd = -1;
    std::mutex m_mutex;
};

} // namespace snaption::metadata
