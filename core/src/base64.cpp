#include "base64.h"

#include <snaption/error.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace snaption {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Each character's 6-bit value; -1 outside the alphabet.
std::array<int, 256> decodingTable()
{
    std::array<int, 256> table{};
    table.fill(-1);
    for (int i = 0; i < 64; ++i) table[std::size_t(static_cast<unsigned char>(kAlphabet[i]))] = i;
    return table;
}

[[noreturn]] void fail(const std::string &why)
{
    throw Error(ErrorKind::BadModel, "invalid base64 data: " + why);
}

} // namespace

std::string Base64::encode(const std::string &bytes)
{
    std::string text;
    text.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t count = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t j = 0; j < 3; ++j) group = (group << 8) | (j < count ? static_cast<unsigned char>(bytes[i + j]) : 0u);
        for (std::size_t j = 0; j < 4; ++j) text += j <= count ? kAlphabet[(group >> (18 - 6 * j)) & 63] : '=';
    }
    return text;
}

std::string Base64::decode(const std::string &text)
{
    static const std::array<int, 256> table = decodingTable();
    if (text.size() % 4 != 0) fail("its length is not a multiple of 4");
    std::string bytes;
    bytes.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const std::size_t padding = last ? std::size_t(text[i + 3] == '=') + std::size_t(text[i + 2] == '=') : 0;
        if (padding == 1 && text[i + 2] == '=') fail("padding before a character");
        std::uint32_t group = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const int value = j < 4 - padding ? table[static_cast<unsigned char>(text[i + j])] : 0;
            if (value < 0) fail("a character outside the alphabet at offset " + std::to_string(i + j));
            group = (group << 6) | std::uint32_t(value);
        }
        for (std::size_t j = 0; j < 3 - padding; ++j) bytes += char((group >> (16 - 8 * j)) & 0xFF);
    }
    return bytes;
}

} // namespace snaption
