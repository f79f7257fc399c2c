#include <snaption/error.h>

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
    }
    return "error";
}

} // namespace snaption
