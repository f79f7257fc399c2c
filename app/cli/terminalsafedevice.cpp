#include "terminalsafedevice.h"

namespace snaption::cli {
namespace {

QByteArray escaped(const char *format, unsigned value)
{
    char text[16];
    std::snprintf(text, sizeof text, format, value);
    return QByteArray(text);
}

// Bidirectional embeddings, overrides and isolates: U+202A..U+202E and U+2066..U+2069.
bool isBidiControl(unsigned codePoint)
{
    return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

} // namespace

TerminalSafeDevice::TerminalSafeDevice(std::FILE *stream) : m_stream(stream)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

QByteArray TerminalSafeDevice::sanitize(const QByteArray &bytes, QByteArray &pending)
{
    const QByteArray input = pending + bytes;
    pending.clear();
    QByteArray out;
    out.reserve(input.size());
    for (qsizetype i = 0; i < input.size(); ++i) {
        const auto c = static_cast<unsigned char>(input[i]);
        if (c < 0x20 && c != '\n' && c != '\t') {
            out += escaped("\\x%02x", c);
        } else if (c == 0x7F) {
            out += "\\x7f";
        } else if (c == 0xC2 || c == 0xE2) {
            // The lead bytes of C1 controls (C2 80..9F) and of the bidi controls (E2 80 AA..).
            const qsizetype length = c == 0xC2 ? 2 : 3;
            if (i + length > input.size()) {
                pending = input.mid(i);
                break;
            }
            const auto second = static_cast<unsigned char>(input[i + 1]);
            unsigned codePoint = 0;
            if (c == 0xC2 && (second & 0xC0) == 0x80) codePoint = second; // C2 xx is U+00xx
            if (c == 0xE2 && (second & 0xC0) == 0x80 && (static_cast<unsigned char>(input[i + 2]) & 0xC0) == 0x80)
                codePoint = 0x2000 + ((second & 0x3F) << 6) + (static_cast<unsigned char>(input[i + 2]) & 0x3F);
            const bool control = c == 0xC2 ? codePoint >= 0x80 && codePoint <= 0x9F : isBidiControl(codePoint);
            if (control) {
                out += escaped("\\u%04x", codePoint);
                i += length - 1;
            } else {
                out += char(c);
            }
        } else {
            out += char(c);
        }
    }
    return out;
}

qint64 TerminalSafeDevice::writeData(const char *data, qint64 size)
{
    const QByteArray safe = sanitize(QByteArray(data, qsizetype(size)), m_pending);
    if (!safe.isEmpty() && std::fwrite(safe.constData(), 1, std::size_t(safe.size()), m_stream) != std::size_t(safe.size())) return -1;
    std::fflush(m_stream);
    return size;
}

} // namespace snaption::cli
