#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace snaption {

// Token <-> index mapping compatible with the original Python Snaption VocabMapper: four special
// tokens first, then words in order of first appearance.
class Vocabulary {
public:
    static constexpr std::int64_t kUnknown = 0;
    static constexpr std::int64_t kPad = 1;
    static constexpr std::int64_t kStart = 2;
    static constexpr std::int64_t kEnd = 3;
    static const std::vector<std::string> &specialTokens();

    // Lower-cases and returns the runs of word characters, like Python's
    // re.findall(r"\b\w+\b", text.lower()).
    static std::vector<std::string> tokenize(const std::string &text);

    // Builds a vocabulary from captions; words seen fewer than minFrequency times are left out
    // (they encode as <UNKNOWN>).
    static Vocabulary fromCaptions(const std::vector<std::string> &captions, int minFrequency = 1);
    // Reads the JSON list of tokens that toJson() writes. Throws Error(BadModel) when malformed.
    static Vocabulary fromJson(const std::string &json);
    static Vocabulary load(const std::string &path);

    Vocabulary(); // the four special tokens only
    // Throws Error(BadModel) unless the list starts with the special tokens and has no duplicates.
    explicit Vocabulary(std::vector<std::string> tokens);

    std::size_t size() const { return m_tokens.size(); }
    const std::string &token(std::int64_t index) const;
    std::int64_t index(const std::string &token) const; // kUnknown if absent
    bool contains(const std::string &token) const;
    const std::vector<std::string> &tokens() const { return m_tokens; }

    // <START> words... <END>, with unknown words as <UNKNOWN>.
    std::vector<std::int64_t> encode(const std::string &text, bool addStartEnd = true) const;
    // The words of a token sequence, skipping <START>/<PAD> and stopping at <END>.
    std::vector<std::string> decode(const std::vector<std::int64_t> &ids) const;
    // A readable caption: special tokens removed, words joined by spaces, first letter capitalised.
    static std::string cleanUp(const std::vector<std::string> &words);

    std::string toJson() const;
    void save(const std::string &path) const;

    bool operator==(const Vocabulary &other) const { return m_tokens == other.m_tokens; }

private:
    std::vector<std::string> m_tokens;
    std::unordered_map<std::string, std::int64_t> m_indices;
};

} // namespace snaption
