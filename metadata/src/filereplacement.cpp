#include "filereplacement.h"

#include <snaption/metadata/metadatawriter.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace snaption::metadata {
namespace {

const char *const kTemporaryMarker = ".snaption-tmp-";

std::string folderOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

std::string nameOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

[[noreturn]] void throwSystemError(const std::string &what, const std::string &path, int error)
{
    throw MetadataError(problemFromErrno(error), what + " " + path + ": " + std::strerror(error));
}

void writeAll(int fd, const std::vector<std::uint8_t> &bytes, const std::string &path)
{
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throwSystemError("cannot write", path, n < 0 ? errno : ENOSPC);
        written += std::size_t(n);
    }
}

void syncFolder(const std::string &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return; // the rename has happened; a folder we cannot open cannot be flushed
    ::fsync(fd);
    ::close(fd);
}

// Removes the temporary file unless it was renamed.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::string &target)
    {
        std::string pattern = folderOf(target) + "/." + nameOf(target) + kTemporaryMarker + std::to_string(::getpid()) + "-XXXXXX";
        m_path.assign(pattern.begin(), pattern.end());
        m_path.push_back('\0');
        m_fd = ::mkostemp(m_path.data(), O_CLOEXEC);
        if (m_fd < 0) throwSystemError("cannot create a file beside", target, errno);
        m_path.pop_back();
    }
    ~TemporaryFile()
    {
        if (m_fd >= 0) ::close(m_fd);
        if (!m_renamed) ::unlink(path().c_str());
    }
    TemporaryFile(const TemporaryFile &) = delete;
    TemporaryFile &operator=(const TemporaryFile &) = delete;

    std::string path() const { return std::string(m_path.begin(), m_path.end()); }
    int fd() const { return m_fd; }
    void close()
    {
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) throwSystemError("cannot write", path(), errno);
    }
    void renamedTo(const std::string &target)
    {
        if (::rename(path().c_str(), target.c_str()) != 0) throwSystemError("cannot replace", target, errno);
        m_renamed = true;
    }

private:
    std::vector<char> m_path;
    int m_fd = -1;
    bool m_renamed = false;
};

bool processRuns(long pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

MetadataProblem problemFromErrno(int error)
{
    switch (error) {
    case ENOENT: return MetadataProblem::Missing;
    case EACCES:
    case EPERM:
    case EROFS: return MetadataProblem::ReadOnly;
    case ENOSPC:
    case EDQUOT:
    case EFBIG: return MetadataProblem::NoSpace;
    case EISDIR: return MetadataProblem::NotAFile;
    default: return MetadataProblem::WriteFailed;
    }
}

std::vector<std::uint8_t> readWholeFile(const std::string &path, struct stat *status)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throwSystemError("cannot open", path, errno);
    struct stat local {};
    struct stat &st = status ? *status : local;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw MetadataError(MetadataProblem::NotAFile, path + " is not a regular file");
    }
    std::vector<std::uint8_t> bytes(std::size_t(st.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throw MetadataError(MetadataProblem::Corrupt, "cannot read " + path + ": " + std::strerror(error));
        }
        if (n == 0) break; // shrank while being read: what is there is the file
        done += std::size_t(n);
    }
    bytes.resize(done);
    ::close(fd);
    return bytes;
}

void replaceFile(const Replacement &replacement)
{
    TemporaryFile temporary(replacement.target);
    writeAll(temporary.fd(), *replacement.bytes, temporary.path());
    if (::fchmod(temporary.fd(), replacement.mode) != 0) throwSystemError("cannot set the mode of", temporary.path(), errno);
    if (::fsync(temporary.fd()) != 0) throwSystemError("cannot write", temporary.path(), errno);
    struct stat status {};
    if (::fstat(temporary.fd(), &status) != 0) throwSystemError("cannot read", temporary.path(), errno);
    temporary.close();
    if (replacement.verify) replacement.verify(temporary.path());
    if (replacement.modificationTime) {
        const struct timespec times[2] = {replacement.accessTime.value_or(*replacement.modificationTime), *replacement.modificationTime};
        if (::utimensat(AT_FDCWD, temporary.path().c_str(), times, 0) != 0) throwSystemError("cannot keep the time of", replacement.target, errno);
    }
    if (replacement.beforeRename) replacement.beforeRename(std::uint64_t(status.st_ino));
    temporary.renamedTo(replacement.target);
    syncFolder(folderOf(replacement.target));
}

Replacement replacementKeeping(const std::string &target, const std::vector<std::uint8_t> &bytes, const struct stat &original, bool keepTimes)
{
    Replacement replacement;
    replacement.target = target;
    replacement.bytes = &bytes;
    replacement.mode = original.st_mode & 07777;
    if (keepTimes) {
        replacement.accessTime = original.st_atim;
        replacement.modificationTime = original.st_mtim;
    }
    return replacement;
}

void removeFile(const std::string &path)
{
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) throwSystemError("cannot remove", path, errno);
    syncFolder(folderOf(path));
}

int removeStaleTemporaryFiles(const std::string &folder)
{
    DIR *dir = ::opendir(folder.c_str());
    if (!dir) return 0;
    int removed = 0;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        const auto marker = name.find(kTemporaryMarker);
        if (name.empty() || name[0] != '.' || marker == std::string::npos) continue;
        const long pid = std::strtol(name.c_str() + marker + std::strlen(kTemporaryMarker), nullptr, 10);
        if (pid == long(::getpid()) || processRuns(pid)) continue; // a file still in flight
        if (::unlink((folder + "/" + name).c_str()) == 0) ++removed;
    }
    ::closedir(dir);
    return removed;
}

} // namespace snaption::metadata
