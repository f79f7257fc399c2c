#include "ziparchive.h"

#include "inputfile.h"

#include <snaption/error.h>

#include <zip.h>

#include <fstream>

namespace snaption {

struct ZipArchive::Handle {
    zip_t *archive = nullptr;
    ~Handle()
    {
        if (archive) zip_discard(archive);
    }
};

ZipArchive::ZipArchive(const std::string &path) : m_path(path), m_handle(std::make_unique<Handle>())
{
    m_fileBytes = InputFile::size(path);
    int code = 0;
    // ZIP_CHECKCONS: reject archives whose central directory and local headers disagree (entries
    // pointing outside the archive, overlapping entries).
    m_handle->archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!m_handle->archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error(ErrorKind::BadModel, path + ": not a valid ZIP archive (" + reason + ")");
    }
    const zip_int64_t count = zip_get_num_entries(m_handle->archive, 0);
    if (count < 0 || count > 1'000'000) throw Error(ErrorKind::BadModel, path + ": implausible number of archive entries");
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *name = zip_get_name(m_handle->archive, zip_uint64_t(i), ZIP_FL_ENC_RAW);
        if (!name) throw Error(ErrorKind::BadModel, path + ": unreadable entry name in the archive");
        const std::string entry(name);
        // Names are only looked up, never used as paths; still, refuse ones that would escape.
        if (entry.empty() || entry.front() == '/' || entry.find("..") != std::string::npos)
            throw Error(ErrorKind::BadModel, path + ": archive entry \"" + entry + "\" has an unsafe name");
        m_names.push_back(entry);
    }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::looksLikeZip(const std::string &path)
{
    const std::vector<std::uint8_t> magic = InputFile::head(path, 4);
    return magic.size() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

std::int64_t ZipArchive::indexOf(const std::string &name) const
{
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        if (m_names[i] == name) return std::int64_t(i);
    }
    return -1;
}

bool ZipArchive::contains(const std::string &name) const
{
    return indexOf(name) >= 0;
}

std::uint64_t ZipArchive::size(const std::string &name) const
{
    const std::int64_t index = indexOf(name);
    zip_stat_t stat;
    if (index < 0 || zip_stat_index(m_handle->archive, zip_uint64_t(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        throw Error(ErrorKind::BadModel, m_path + ": archive entry \"" + name + "\" is missing");
    return stat.size;
}

std::vector<std::uint8_t> ZipArchive::read(const std::string &name, std::uint64_t maxBytes) const
{
    const std::int64_t index = indexOf(name);
    if (index < 0) throw Error(ErrorKind::BadModel, m_path + ": archive entry \"" + name + "\" is missing");
    zip_stat_t stat;
    if (zip_stat_index(m_handle->archive, zip_uint64_t(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) ||
        !(stat.valid & ZIP_STAT_COMP_SIZE))
        throw Error(ErrorKind::BadModel, m_path + ": cannot read the size of \"" + name + "\"");
    if (stat.size > maxBytes || stat.comp_size > m_fileBytes || stat.size > std::max<std::uint64_t>(stat.comp_size, 1) * kMaxExpansion)
        throw Error(ErrorKind::BadModel, m_path + ": archive entry \"" + name + "\" declares an implausible size (" +
                                             std::to_string(stat.size) + " bytes)");
    zip_file_t *file = zip_fopen_index(m_handle->archive, zip_uint64_t(index), 0);
    if (!file) throw Error(ErrorKind::BadModel, m_path + ": cannot open \"" + name + "\" (" + zip_strerror(m_handle->archive) + ")");
    std::vector<std::uint8_t> bytes(stat.size);
    std::uint64_t total = 0;
    while (total < stat.size) {
        const zip_int64_t n = zip_fread(file, bytes.data() + total, stat.size - total);
        if (n <= 0) break;
        total += std::uint64_t(n);
    }
    const bool failed = total != stat.size || zip_error_code_zip(zip_file_get_error(file)) != ZIP_ER_OK;
    zip_fclose(file);
    if (failed) throw Error(ErrorKind::BadModel, m_path + ": archive entry \"" + name + "\" is truncated or corrupt");
    return bytes;
}

} // namespace snaption
