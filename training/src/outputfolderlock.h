#pragma once

#include <string>

namespace snaption::training {

// Holds an output folder for one training run: "<folder>/.snaption-run.lock" is created, locked
// with flock() and given the owner's process id, host and start time. The kernel drops the lock
// when its process ends, however it ends, so a lock file that nobody holds is stale: it is taken
// over (tookOverStale() says so, with the old owner). A second run on the same folder gets
// Error(Io) naming the running one. Released (and the file removed) on destruction.
class OutputFolderLock {
public:
    static constexpr const char *kFileName = ".snaption-run.lock";

    explicit OutputFolderLock(const std::string &folder);
    ~OutputFolderLock();
    OutputFolderLock(const OutputFolderLock &) = delete;
    OutputFolderLock &operator=(const OutputFolderLock &) = delete;

    // The owner a stale lock named ("process 1234 on host, started ..."), empty if there was none.
    const std::string &tookOverStale() const { return m_staleOwner; }

private:
    std::string m_path;
    int m_fd = -1;
    std::string m_staleOwner;
};

} // namespace snaption::training
