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

// Python counts numeric characters (Unicode categories No and Nl: "½", "²", "②", "Ⅻ") as word
// characters; glibc's alnum class does not. These are the blocks where they live.
bool isOtherNumber(char32_t c)
{
    static const std::pair<char32_t, char32_t> ranges[] = {
        {0x00B2, 0x00B3}, {0x00B9, 0x00B9}, {0x00BC, 0x00BE}, {0x2070, 0x2070}, {0x2074, 0x2079}, {0x2080, 0x2089},
        {0x2150, 0x2182}, {0x2185, 0x2189}, {0x2460, 0x249B}, {0x24EA, 0x24FF}, {0x2776, 0x2793}, {0x3007, 0x3007},
        {0x3021, 0x3029}, {0x3038, 0x303A}, {0x3192, 0x3195}, {0x3220, 0x3229}, {0x3248, 0x324F}, {0x3251, 0x325F},
        {0x3280, 0x3289}, {0x32B1, 0x32BF},
    };
    for (const auto &[low, high] : ranges) {
        if (c >= low && c <= high) return true;
    }
    return false;
}

bool isWordCharacter(char32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    const locale_t locale = utf8Locale();
    return (locale != static_cast<locale_t>(nullptr) && iswalnum_l(static_cast<wint_t>(c), locale)) || isOtherNumber(c);
}

bool isLetter(char32_t c)
{
    const locale_t locale = utf8Locale();
    return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : (locale && iswalpha_l(static_cast<wint_t>(c), locale));
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
    return runs(text, false);
}

std::vector<std::string> UnicodeText::writtenWordRuns(const std::string &text)
{
    return runs(text, true);
}

std::string UnicodeText::lower(const std::string &text)
{
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = 0;
        const std::size_t length = decodeUtf8(text, pos, c);
        if (length == 0) { // kept as it is: lower-casing must not change bytes it does not understand
            out += text[pos++];
            continue;
        }
        appendUtf8(out, toLower(c));
        pos += length;
    }
    return out;
}

std::vector<std::string> UnicodeText::runs(const std::string &text, bool keepCase)
{
    std::vector<std::string> words;
    std::string current;
    char32_t previous = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = 0;
        const std::size_t length = decodeUtf8(text, pos, c);
        if (length == 0) { // invalid byte: a separator
            if (!current.empty()) words.push_back(std::move(current)), current.clear();
            ++pos;
            previous = 0;
            continue;
        }
        pos += length;
        char32_t lower = toLower(c);
        if (c == 0x03A3 && isLetter(previous)) {
            // Python lower-cases a word-final capital sigma to the final form.
            char32_t next = 0;
            if (pos >= text.size() || decodeUtf8(text, pos, next) == 0 || !isLetter(next)) lower = 0x03C2;
        }
        previous = c;
        if (isWordCharacter(lower)) {
            appendUtf8(current, keepCase ? c : lower);
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
