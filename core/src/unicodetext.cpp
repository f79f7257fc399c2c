#include "unicodetext.h"

#include <clocale>
#include <cstdint>
#include <cwctype>
#include <locale.h>

namespace snaption {
namespace {

locale_t utf8Locale()
{
    static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return locale;
}

// Decodes one code point at text[pos]; returns its byte length, or 0 for an invalid sequence.
std::size_t decodeUtf8(const std::string &text, std::size_t pos, char32_t &codePoint)
{
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t lead = byte(pos);
    std::size_t length = 0;
    if (lead < 0x80) { codePoint = lead; return 1; }
    if ((lead & 0xE0) == 0xC0) { length = 2; codePoint = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; codePoint = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; codePoint = lead & 0x07; }
    else return 0;
    if (pos + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return 0;
        codePoint = (codePoint << 6) | (byte(pos + i) & 0x3F);
    }
    static const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < minimum[length] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

bool isWordCharacter(char32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    const locale_t locale = utf8Locale();
    return locale != static_cast<locale_t>(nullptr) && iswalnum_l(static_cast<wint_t>(c), locale);
}

char32_t toLower(char32_t c)
{
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    const locale_t locale = utf8Locale();
    return locale ? static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), locale)) : c;
}

char32_t toUpper(char32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    const locale_t locale = utf8Locale();
    return locale ? static_cast<char32_t>(towupper_l(static_cast<wint_t>(c), locale)) : c;
}

} // namespace

std::vector<std::string> UnicodeText::wordRuns(const std::string &text)
{
    std::vector<std::string> words;
    std::string current;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = 0;
        const std::size_t length = decodeUtf8(text, pos, c);
        if (length == 0) { // invalid byte: a separator
            if (!current.empty()) words.push_back(std::move(current)), current.clear();
            ++pos;
            continue;
        }
        pos += length;
        const char32_t lower = toLower(c);
        if (isWordCharacter(lower)) {
            appendUtf8(current, lower);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

std::string UnicodeText::capitalizeFirst(const std::string &text)
{
    if (text.empty()) return text;
    char32_t c = 0;
    const std::size_t length = decodeUtf8(text, 0, c);
    if (length == 0) return text;
    std::string out;
    appendUtf8(out, toUpper(c));
    out.append(text, length, std::string::npos);
    return out;
}

} // namespace snaption
