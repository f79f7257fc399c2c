#pragma once

#include <string>
#include <vector>

namespace snaption {

// UTF-8 helpers with Python 3 str semantics for the few operations the tokenizer needs. Character
// classes and case mapping come from glibc's C.UTF-8 locale (full Unicode tables), not the
// process locale, so results do not depend on the user's LANG.
class UnicodeText {
public:
    // Lower-cases and splits into maximal runs of word characters (letters, digits, '_'), like
    // re.findall(r"\b\w+\b", text.lower()). Invalid UTF-8 bytes count as separators.
    static std::vector<std::string> wordRuns(const std::string &text);
    // Upper-cases the first character (for "a dog" -> "A dog").
    static std::string capitalizeFirst(const std::string &text);
};

} // namespace snaption
