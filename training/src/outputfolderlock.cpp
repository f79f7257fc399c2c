#include "outputfolderlock.h"

#include <snaption/error.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace snaption::training {
namespace {

std::string readOwner(int fd)
{
    char buffer[512] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string owner(buffer, n > 0 ? std::size_t(n) : 0);
    while (!owner.empty() && (owner.back() == '\n' || owner.back() == '\0')) owner.pop_back();
    for (char &c : owner) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    return owner;
}

std::string describeSelf()
{
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    const std::time_t now = std::time(nullptr);
    char started[32] = {};
    std::strftime(started, sizeof started, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
    return "process " + std::to_string(::getpid()) + " on " + host + ", started " + started;
}

// True when `fd` is still the file at `path`: another run may have removed and re-created the
// lock file between our open() and flock().
bool stillLinked(int fd, const std::string &path)
{
    struct stat opened {}, named {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.c_str(), &named) == 0 && opened.st_ino == named.st_ino && opened.st_dev == named.st_dev;
}

} // namespace

OutputFolderLock::OutputFolderLock(const std::string &folder) : m_path(folder + "/" + kFileName)
{
    for (int attempt = 0; attempt < 10; ++attempt) {
        const int fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) throw Error(ErrorKind::Io, folder + ": cannot create the run lock (" + std::strerror(errno) + ")");
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int saved = errno;
            const std::string owner = readOwner(fd);
            ::close(fd);
            if (saved == EWOULDBLOCK)
                throw Error(ErrorKind::Io, folder + " is in use by another training run (" + (owner.empty() ? "owner unknown" : owner) +
                                               "): wait for it to finish, or choose another output folder");
            throw Error(ErrorKind::Io, folder + ": cannot lock the output folder (" + std::strerror(saved) + ")");
        }
        if (!stillLinked(fd, m_path)) {
            ::close(fd);
            continue;
        }
        m_staleOwner = readOwner(fd);
        const std::string self = describeSelf() + "\n";
        if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, self.data(), self.size(), 0) != ssize_t(self.size())) {
            const int saved = errno;
            ::close(fd);
            throw Error(ErrorKind::Io, folder + ": cannot write the run lock (" + std::strerror(saved) + ")");
        }
        m_fd = fd;
        return;
    }
    throw Error(ErrorKind::Io, folder + ": cannot lock the output folder (the lock file keeps changing)");
}

OutputFolderLock::~OutputFolderLock()
{
    if (m_fd < 0) return;
    // Unlink while still holding the lock: a run waiting on the old file then sees it is gone.
    ::unlink(m_path.c_str());
    ::close(m_fd);
}

} // namespace snaption::training
