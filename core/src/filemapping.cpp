#include "filemapping.h"

#include "inputfile.h"

#include <snaption/error.h>

#include <cerrno>
#include <cstring>
#include <limits>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define SNAPTION_HAS_MMAP 1
#endif

namespace snaption {

std::shared_ptr<const FileMapping> FileMapping::map(const std::string &path)
{
    const std::uint64_t expected = InputFile::size(path); // a missing file, a folder or a device: their own messages
#ifdef SNAPTION_HAS_MMAP
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) throw Error(ErrorKind::Io, path + ": cannot open (" + std::strerror(errno) + ")");
    struct stat status {};
    const bool statted = ::fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode);
    const std::uint64_t size = statted ? std::uint64_t(status.st_size) : expected;
    void *address = statted && size > 0 && size <= std::numeric_limits<std::size_t>::max()
                        ? ::mmap(nullptr, std::size_t(size), PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0)
                        : MAP_FAILED;
    ::close(descriptor); // the mapping keeps the file
    if (address != MAP_FAILED) {
        ::madvise(address, std::size_t(size), MADV_WILLNEED); // read ahead: the caller reads it all
        std::shared_ptr<FileMapping> mapping(new FileMapping);
        mapping->m_data = static_cast<const std::uint8_t *>(address);
        mapping->m_size = size;
        mapping->m_mapped = true;
        return mapping;
    }
#endif
    // Empty files and file systems that cannot map: read the bytes.
    return hold(InputFile::read(path, std::numeric_limits<std::uint64_t>::max(), ErrorKind::Io, "file"));
}

std::shared_ptr<const FileMapping> FileMapping::hold(std::vector<std::uint8_t> bytes)
{
    std::shared_ptr<FileMapping> held(new FileMapping);
    held->m_read = std::move(bytes);
    held->m_data = held->m_read.data();
    held->m_size = held->m_read.size();
    return held;
}

FileMapping::~FileMapping()
{
#ifdef SNAPTION_HAS_MMAP
    if (m_mapped) ::munmap(const_cast<std::uint8_t *>(m_data), std::size_t(m_size));
#endif
}

} // namespace snaption
