#include "atomicfile.h"

#include <snaption/error.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace snaption {

void writeFileAtomically(const std::string &path, const std::vector<std::uint8_t> &bytes)
{
    std::string temporary = path + ".tmp-XXXXXX";
    const int fd = mkstemp(temporary.data());
    if (fd < 0) throw Error(ErrorKind::Io, path + ": cannot create file (" + std::strerror(errno) + ")");
    const auto failWith = [&](const char *what) {
        const int saved = errno;
        ::close(fd);
        std::remove(temporary.c_str());
        throw Error(ErrorKind::Io, path + ": " + what + " (" + std::strerror(saved) + ")");
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            failWith("cannot write");
        }
        written += std::size_t(n);
    }
    if (::fsync(fd) != 0) failWith("cannot flush to disk");
    // mkstemp creates 0600; model files are ordinary user documents.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0) {
        const int saved = errno;
        std::remove(temporary.c_str());
        throw Error(ErrorKind::Io, path + ": cannot close (" + std::strerror(saved) + ")");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        std::remove(temporary.c_str());
        throw Error(ErrorKind::Io, path + ": cannot replace (" + std::strerror(saved) + ")");
    }
}

} // namespace snaption
