#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snaption {

// A whole file's bytes, mapped copy-on-write where the system allows (a write changes this
// process's copy, never the file) and read into memory otherwise. Mapping a model file costs a
// fraction of reading it: its pages come from the page cache instead of being allocated, zeroed
// and copied (72 MB: ~45 ms against ~250 ms on the VM where this was measured). Our writers
// replace files by renaming a finished copy over them, which leaves a mapping intact; a file
// truncated in place while mapped (another program writing over it) would fault on access.
class FileMapping {
public:
    // Throws Error(Io) for a missing, unreadable or non-regular file, naming it.
    static std::shared_ptr<const FileMapping> map(const std::string &path);
    // Holds bytes already in memory.
    static std::shared_ptr<const FileMapping> hold(std::vector<std::uint8_t> bytes);
    ~FileMapping();
    FileMapping(const FileMapping &) = delete;
    FileMapping &operator=(const FileMapping &) = delete;

    const std::uint8_t *data() const { return m_data; }
    std::uint64_t size() const { return m_size; }

private:
    FileMapping() = default;

    const std::uint8_t *m_data = nullptr;
    std::uint64_t m_size = 0;
    bool m_mapped = false;
    std::vector<std::uint8_t> m_read; // when not mapped
};

} // namespace snaption
