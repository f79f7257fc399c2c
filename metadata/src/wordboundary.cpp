#include <snaption/metadata/wordboundary.h>

namespace snaption::metadata {
namespace {

bool continuesCharacter(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Cuts text at byte offset `end` (a character boundary), backing off to the last space when the
// cut would fall inside a word.
std::string cutAt(const std::string &text, std::size_t end)
{
    if (end >= text.size()) return text;
    std::size_t cut = end;
    if (!isSpace(text[end])) {
        std::size_t space = text.find_last_of(" \t\n\r", end);
        if (space != std::string::npos && space > 0) cut = space;
    }
    while (cut > 0 && (isSpace(text[cut - 1]) || text[cut - 1] == ',' || text[cut - 1] == ';' || text[cut - 1] == ':')) --cut;
    return text.substr(0, cut);
}

} // namespace

std::size_t characterCount(const std::string &text)
{
    std::size_t count = 0;
    for (unsigned char byte : text)
        if (!continuesCharacter(byte)) ++count;
    return count;
}

std::string cutAtWordBoundary(const std::string &text, std::size_t maxCharacters)
{
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (continuesCharacter(static_cast<unsigned char>(text[i]))) continue;
        if (characters == maxCharacters) return cutAt(text, i);
        ++characters;
    }
    return text;
}

std::string cutAtWordBoundaryBytes(const std::string &text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes) return text;
    std::size_t end = maxBytes;
    while (end > 0 && continuesCharacter(static_cast<unsigned char>(text[end]))) --end;
    return cutAt(text, end);
}

} // namespace snaption::metadata
