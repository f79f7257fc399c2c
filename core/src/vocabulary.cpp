#include <snaption/vocabulary.h>

#include <snaption/error.h>

#include "inputfile.h"
#include "unicodetext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace snaption {

const std::vector<std::string> &Vocabulary::specialTokens()
{
    static const std::vector<std::string> tokens{"<UNKNOWN>", "<PAD>", "<START>", "<END>"};
    return tokens;
}

std::vector<std::string> Vocabulary::tokenize(const std::string &text)
{
    return UnicodeText::wordRuns(text);
}

Vocabulary::Vocabulary() : Vocabulary(specialTokens()) {}

Vocabulary::Vocabulary(std::vector<std::string> tokens) : m_tokens(std::move(tokens))
{
    const auto &specials = specialTokens();
    if (m_tokens.size() < specials.size() || !std::equal(specials.begin(), specials.end(), m_tokens.begin()))
        throw Error(ErrorKind::BadModel, "vocabulary must start with <UNKNOWN>, <PAD>, <START>, <END>");
    m_indices.reserve(m_tokens.size());
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        if (m_tokens[i].empty())
            throw Error(ErrorKind::BadModel, "vocabulary token " + std::to_string(i) + " is empty");
        if (!m_indices.emplace(m_tokens[i], std::int64_t(i)).second)
            throw Error(ErrorKind::BadModel, "vocabulary token \"" + m_tokens[i] + "\" appears twice");
    }
}

Vocabulary Vocabulary::fromCaptions(const std::vector<std::string> &captions, int minFrequency)
{
    if (minFrequency < 1)
        throw Error(ErrorKind::InvalidArgument, "minimum word frequency must be at least 1");
    std::vector<std::string> order;
    std::unordered_map<std::string, int> counts;
    for (const auto &caption : captions) {
        for (auto &word : tokenize(caption)) {
            auto [it, inserted] = counts.emplace(word, 0);
            if (inserted) order.push_back(word);
            ++it->second;
        }
    }
    std::vector<std::string> tokens = specialTokens();
    for (auto &word : order) {
        // A caption word spelled like a special token ("<END>" cannot be: '<' is no word character).
        if (counts[word] >= minFrequency) tokens.push_back(std::move(word));
    }
    return Vocabulary(std::move(tokens));
}

Vocabulary Vocabulary::fromJson(const std::string &json)
{
    nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array())
        throw Error(ErrorKind::BadModel, "vocabulary is not a JSON list of tokens");
    std::vector<std::string> tokens;
    tokens.reserve(parsed.size());
    for (const auto &token : parsed) {
        if (!token.is_string()) throw Error(ErrorKind::BadModel, "vocabulary list holds a non-string entry");
        tokens.push_back(token.get<std::string>());
    }
    return Vocabulary(std::move(tokens));
}

Vocabulary Vocabulary::load(const std::string &path)
{
    const std::string text = InputFile::readText(path, std::uint64_t(256) << 20, ErrorKind::BadModel, "a vocabulary file");
    try {
        return fromJson(text);
    } catch (const Error &error) {
        throw Error(error.kind(), path + ": " + error.what());
    }
}

const std::string &Vocabulary::token(std::int64_t index) const
{
    if (index < 0 || std::size_t(index) >= m_tokens.size()) return m_tokens[std::size_t(kUnknown)];
    return m_tokens[std::size_t(index)];
}

std::int64_t Vocabulary::index(const std::string &token) const
{
    const auto it = m_indices.find(token);
    return it == m_indices.end() ? kUnknown : it->second;
}

bool Vocabulary::contains(const std::string &token) const
{
    return m_indices.count(token) != 0;
}

std::vector<std::int64_t> Vocabulary::encode(const std::string &text, bool addStartEnd) const
{
    std::vector<std::int64_t> ids;
    if (addStartEnd) ids.push_back(kStart);
    for (const auto &word : tokenize(text)) ids.push_back(index(word));
    if (addStartEnd) ids.push_back(kEnd);
    return ids;
}

std::vector<std::string> Vocabulary::decode(const std::vector<std::int64_t> &ids) const
{
    std::vector<std::string> words;
    for (const std::int64_t id : ids) {
        if (id == kEnd) break;
        if (id == kStart || id == kPad) continue;
        words.push_back(token(id));
    }
    return words;
}

std::string Vocabulary::cleanUp(const std::vector<std::string> &words)
{
    std::string text;
    for (const auto &word : words) {
        if (std::find(specialTokens().begin(), specialTokens().end(), word) != specialTokens().end()) continue;
        if (!text.empty()) text += ' ';
        text += word;
    }
    return UnicodeText::capitalizeFirst(text);
}

std::string Vocabulary::toJson() const
{
    return nlohmann::json(m_tokens).dump();
}

void Vocabulary::save(const std::string &path) const
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << toJson() << '\n';
    out.close();
    if (!out) throw Error(ErrorKind::Io, "cannot write vocabulary file " + path);
}

} // namespace snaption
