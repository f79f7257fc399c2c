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
    // The same runs as wordRuns, as written (not lower-cased): "Ein Hund" -> "Ein", "Hund".
    static std::vector<std::string> writtenWordRuns(const std::string &text);
    // Lower-cases each character (one-to-one, as towlower; Python's "İ" -> "i̇" is the exception).
    static std::string lower(const std::string &text);
    // Upper-cases the first character (for "a dog" -> "A dog").
    static std::string capitalizeFirst(const std::string &text);

private:
    static std::vector<std::string> runs(const std::string &text, bool keepCase);
};

} // namespace snaption
