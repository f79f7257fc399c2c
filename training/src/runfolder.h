#pragma once

#include "outputfolderlock.h"

#include <snaption/training/trainingtext.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace snaption::training {

// The output folder of one training run: created, locked for the run (a second run on it is
// refused), and cleared of the temporary files that an interrupted run left behind (a kill
// during a checkpoint write, a full disk). Knows where each of the run's files goes.
class RunFolder {
public:
    // Throws Error(Io).
    explicit RunFolder(const std::filesystem::path &folder);

    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path bestModel() const { return m_path / "best.safetensors"; }
    std::filesystem::path finalModel() const { return m_path / "final.safetensors"; }
    std::filesystem::path checkpoint(const std::string &name) const { return m_path / "checkpoints" / name; }
    std::filesystem::path history(const std::string &extension) const { return m_path / ("history." + extension); }
    // What was found on taking the folder (a stale lock, removed files), for the user.
    const std::vector<TrainingText> &notes() const { return m_notes; }

    // Temporary files of the run's own outputs in `folder` and its checkpoints/, as written by
    // writeFileAtomically ("<name>.tmp-XXXXXX") or older versions ("<name>.tmp").
    static std::vector<std::filesystem::path> leftoverTemporaryFiles(const std::filesystem::path &folder);

private:
    std::filesystem::path m_path;
    std::unique_ptr<OutputFolderLock> m_lock;
    std::vector<TrainingText> m_notes;
};

} // namespace snaption::training
