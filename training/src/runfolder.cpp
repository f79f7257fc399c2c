#include "runfolder.h"

#include <snaption/error.h>

#include "translatable.h"

#include <cstdio>

namespace snaption::training {
namespace {

namespace fs = std::filesystem;

bool isLeftover(const std::string &name)
{
    const bool ours = name.rfind("best.", 0) == 0 || name.rfind("final.", 0) == 0 || name.rfind("history.", 0) == 0 ||
                      name.rfind("epoch-", 0) == 0 || name.rfind("stopped.", 0) == 0;
    const bool temporary = name.find(".tmp-") != std::string::npos || (name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0);
    return ours && temporary;
}

std::string megabytes(std::uintmax_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / 1e6);
    return text;
}

} // namespace

RunFolder::RunFolder(const fs::path &folder) : m_path(folder)
{
    std::error_code error;
    fs::create_directories(m_path / "checkpoints", error);
    if (error) throw Error(ErrorKind::Io, m_path.string() + ": cannot create the output folder (" + error.message() + ")");
    m_lock = std::make_unique<OutputFolderLock>(m_path.string());
    if (!m_lock->tookOverStale().empty())
        m_notes.push_back({QT_TRANSLATE_NOOP("Trainer", "an earlier run (%1) ended without releasing %2"), {m_lock->tookOverStale(), m_path.string()}});
    // Safe only now: with the lock held no other run can be writing these.
    std::uintmax_t bytes = 0;
    int removed = 0;
    for (const fs::path &file : leftoverTemporaryFiles(m_path)) {
        const std::uintmax_t size = fs::file_size(file, error);
        if (fs::remove(file, error)) {
            ++removed;
            bytes += size;
        }
    }
    if (removed)
        m_notes.push_back({QT_TRANSLATE_N_NOOP("Trainer", "removed %n temporary file(s) (%1) left by an interrupted run"), {megabytes(bytes)}, removed});
}

std::vector<fs::path> RunFolder::leftoverTemporaryFiles(const fs::path &folder)
{
    std::vector<fs::path> files;
    for (const fs::path &place : {folder, folder / "checkpoints"}) {
        std::error_code error;
        for (fs::directory_iterator it(place, error), end; !error && it != end; it.increment(error)) {
            if (it->is_regular_file(error) && isLeftover(it->path().filename().string())) files.push_back(it->path());
        }
    }
    return files;
}

} // namespace snaption::training
