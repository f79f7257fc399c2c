#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snaption {

// Read-only access to a ZIP file (torch.save archives) through libzip, with consistency checks
// on open and size limits on every entry, so a hostile archive cannot make us allocate more than
// it could plausibly hold.
class ZipArchive {
public:
    static constexpr std::uint64_t kMaxEntryBytes = std::uint64_t(4) << 30; // 4 GB
    static constexpr std::uint64_t kMaxExpansion = 1000;                   // uncompressed / compressed

    // Throws Error(Io) if the file cannot be read, Error(BadModel) if it is not a valid archive.
    explicit ZipArchive(const std::string &path);
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    static bool looksLikeZip(const std::string &path);

    const std::vector<std::string> &names() const { return m_names; }
    bool contains(const std::string &name) const;
    std::uint64_t size(const std::string &name) const;
    // The whole entry, checked against maxBytes and its declared size.
    std::vector<std::uint8_t> read(const std::string &name, std::uint64_t maxBytes = kMaxEntryBytes) const;

private:
    std::int64_t indexOf(const std::string &name) const;

    std::string m_path;
    struct Handle;
    std::unique_ptr<Handle> m_handle;
    std::vector<std::string> m_names;
    std::uint64_t m_fileBytes = 0;
};

} // namespace snaption
