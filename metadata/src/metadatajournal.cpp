#include <snaption/metadata/metadatajournal.h>

#include "recordjson.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace snaption::metadata {

std::map<std::string, std::uint64_t> JournalContents::landed() const
{
    std::map<std::string, const WriteRecord *> latest;
    for (const WriteRecord &record : records)
        if (record.status == WriteStatus::Written) latest[record.file] = &record;
    std::map<std::string, std::uint64_t> landed;
    for (const auto &[file, record] : latest) {
        struct stat status {};
        if (::stat(record->target.c_str(), &status) == 0 && std::uint64_t(status.st_ino) == record->inode) landed[file] = record->inode;
    }
    return landed;
}

MetadataJournal::MetadataJournal(const std::string &path)
    : m_path(path)
{
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0) throw MetadataError(MetadataProblem::JournalFailed, "cannot open the journal " + path + ": " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(m_fd);
        throw MetadataError(MetadataProblem::JournalBusy, "another run is writing to the journal " + path);
    }
}

MetadataJournal::~MetadataJournal()
{
    if (m_fd >= 0) ::close(m_fd);
}

std::string MetadataJournal::toJsonLine(const WriteRecord &record)
{
    return RecordJson::toJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool MetadataJournal::fromJsonLine(const std::string &line, WriteRecord &record)
{
    try {
        const nlohmann::json value = nlohmann::json::parse(line);
        if (!value.is_object()) return false;
        record = RecordJson::fromJson(value);
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

void MetadataJournal::writeLine(const std::string &line)
{
    // One write() per record with O_APPEND: a crash leaves at most the last line torn.
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(m_fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            // End a partial line, so that the next record starts on a line of its own.
            if (written > 0) {
                [[maybe_unused]] const ssize_t ended = ::write(m_fd, "\n", 1);
            }
            throw MetadataError(MetadataProblem::JournalFailed, "cannot write the journal " + m_path + ": " + std::strerror(error));
        }
        written += std::size_t(n);
    }
}

void MetadataJournal::append(const WriteRecord &record)
{
    const std::string line = toJsonLine(record);
    std::lock_guard<std::mutex> lock(m_mutex);
    writeLine(line);
    if (::fdatasync(m_fd) != 0) throw MetadataError(MetadataProblem::JournalFailed, "cannot write the journal " + m_path + ": " + std::strerror(errno));
}

void MetadataJournal::appendQuietly(const WriteRecord &record) noexcept
{
    try {
        const std::string line = toJsonLine(record);
        std::lock_guard<std::mutex> lock(m_mutex);
        writeLine(line);
    } catch (...) {
    }
}

JournalContents MetadataJournal::read(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        const int error = errno;
        throw MetadataError(error == ENOENT ? MetadataProblem::Missing : MetadataProblem::Corrupt,
                            "cannot read the journal " + path + ": " + std::strerror(error));
    }
    JournalContents contents;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty()) continue;
        WriteRecord record;
        if (fromJsonLine(line, record)) contents.records.push_back(std::move(record));
        else ++contents.malformedLines;
    }
    return contents;
}

} // namespace snaption::metadata
