#pragma once

#include <stdexcept>
#include <string>

namespace snaption {

// What went wrong, so that callers can react (the GUI marks an image as broken, the CLI picks an
// exit code) without parsing messages.
enum class ErrorKind {
    BadImage,        // the image cannot be read or is refused (corrupt, too large, not an image)
    BadModel,        // a model or weights file is malformed or does not fit the architecture
    BadDataset,      // a dataset is unusable
    Io,              // reading or writing a file failed (missing, permissions, disk full)
    InvalidArgument, // an option is out of range
    Cancelled,       // the user cancelled a long task
    Internal,        // a library underneath (LibTorch, OpenCV) failed unexpectedly, or memory ran out
};

// The one exception type thrown by snaption_core and snaption_training. The message is written
// for the user and names the file or value at fault.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string &message);

    ErrorKind kind() const noexcept { return m_kind; }
    static const char *kindName(ErrorKind kind) noexcept;
    // The message of any exception, as one line without LibTorch's backtrace.
    static std::string describe(const std::exception &error);

private:
    ErrorKind m_kind;
};

} // namespace snaption
