#pragma once

#include <cstddef>
#include <string>

namespace snaption::metadata {

// IPTC's recommended limit for alt text, in characters.
constexpr std::size_t kAltTextLimit = 250;
// IPTC IIM's limit for Caption/Abstract (2:120), in bytes.
constexpr std::size_t kIptcCaptionLimit = 2000;

// The UTF-8 text cut to at most maxCharacters code points (or maxBytes bytes) at a word boundary,
// never inside a word or a character, with trailing spaces and punctuation that would dangle
// (",", ";", ":") removed. A single word longer than the limit is cut at a character boundary:
// there is no boundary to cut at.
std::string cutAtWordBoundary(const std::string &text, std::size_t maxCharacters);
std::string cutAtWordBoundaryBytes(const std::string &text, std::size_t maxBytes);
// The number of code points in UTF-8 text (bytes that do not start one are not counted).
std::size_t characterCount(const std::string &text);

} // namespace snaption::metadata
