#include <snaption/error.h>

#include <new>

namespace snaption {

Error::Error(ErrorKind kind, const std::string &message) : std::runtime_error(message), m_kind(kind) {}

const char *Error::kindName(ErrorKind kind) noexcept
{
    switch (kind) {
    case ErrorKind::BadImage: return "bad image";
    case ErrorKind::BadModel: return "bad model";
    case ErrorKind::BadDataset: return "bad dataset";
    case ErrorKind::Io: return "I/O";
    case ErrorKind::InvalidArgument: return "invalid argument";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Internal: return "internal error";
    }
    return "error";
}

std::string Error::describe(const std::exception &error)
{
    if (dynamic_cast<const std::bad_alloc *>(&error)) return "not enough memory";
    // LibTorch's messages carry a multi-line backtrace after the first line.
    std::string text = error.what();
    if (const std::size_t newline = text.find('\n'); newline != std::string::npos) text.resize(newline);
    return text;
}

} // namespace snaption
