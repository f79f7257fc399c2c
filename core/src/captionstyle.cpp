#include <snaption/captionstyle.h>

#include <snaption/error.h>
#include <snaption/vocabulary.h>

#include "unicodetext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace snaption {
namespace {

bool isSpecialToken(const std::string &word)
{
    const auto &specials = Vocabulary::specialTokens();
    return std::find(specials.begin(), specials.end(), word) != specials.end();
}

// How often each written form of each lower-case word occurs.
using FormCounts = std::unordered_map<std::string, std::map<std::string, int>>;

std::string mostFrequent(const std::map<std::string, int> &forms)
{
    // Ties go to the form that sorts first, so that learning does not depend on caption order.
    const auto best = std::max_element(forms.begin(), forms.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    return best->first;
}

} // namespace

CaptionStyle::CaptionStyle(std::string language, std::map<std::string, std::string> writtenForms)
    : m_language(std::move(language)), m_writtenForms(std::move(writtenForms)), m_learnt(true)
{
    if (!isLanguageTag(m_language))
        throw Error(ErrorKind::InvalidArgument, "\"" + m_language + "\" is not a language tag (such as en or de)");
}

bool CaptionStyle::isLanguageTag(const std::string &tag)
{
    // BCP 47's shape: a 2-3 letter language, then subtags of 1-8 letters or digits.
    if (tag.empty() || tag.size() > 35) return false;
    std::size_t start = 0;
    for (int part = 0; start <= tag.size(); ++part) {
        const std::size_t end = std::min(tag.find('-', start), tag.size());
        const std::string subtag = tag.substr(start, end - start);
        const bool letters = std::all_of(subtag.begin(), subtag.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
        const bool alphanumeric = std::all_of(subtag.begin(), subtag.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        });
        if (part == 0 ? !(letters && subtag.size() >= 2 && subtag.size() <= 3) : !(alphanumeric && !subtag.empty() && subtag.size() <= 8))
            return false;
        start = end + 1;
    }
    return true;
}

CaptionStyle CaptionStyle::learn(const std::string &language, const std::vector<std::string> &captions)
{
    return learn(language, captions, Vocabulary::fromCaptions(captions));
}

CaptionStyle CaptionStyle::learn(const std::string &language, const std::vector<std::string> &captions, const Vocabulary &vocabulary)
{
    FormCounts inside, first;
    for (const std::string &caption : captions) {
        const std::vector<std::string> written = UnicodeText::writtenWordRuns(caption);
        for (std::size_t i = 0; i < written.size(); ++i) ++(i == 0 ? first : inside)[UnicodeText::lower(written[i])][written[i]];
    }
    std::map<std::string, std::string> forms;
    for (const std::string &word : vocabulary.tokens()) {
        const auto seen = inside.find(word);
        if (seen == inside.end()) continue; // only ever first, or not in these captions: as the vocabulary has it
        std::string form = mostFrequent(seen->second);
        if (form != word) forms.emplace(word, std::move(form));
    }
    return CaptionStyle(language, std::move(forms));
}

std::string CaptionStyle::writtenForm(const std::string &word) const
{
    const auto it = m_writtenForms.find(word);
    return it == m_writtenForms.end() ? word : it->second;
}

std::vector<std::string> CaptionStyle::writtenWords(const std::vector<std::string> &words) const
{
    std::vector<std::string> written;
    bool first = true;
    for (const std::string &word : words) {
        if (isSpecialToken(word)) {
            written.push_back(word);
            continue;
        }
        written.push_back(first && m_learnt ? UnicodeText::capitalizeFirst(writtenForm(word)) : writtenForm(word));
        first = false;
    }
    return written;
}

std::string CaptionStyle::caption(const std::vector<std::string> &words) const
{
    std::string text;
    for (const std::string &word : writtenWords(words)) {
        if (!isSpecialToken(word)) text += (text.empty() ? "" : " ") + word;
    }
    if (m_learnt && !text.empty()) text += '.';
    return UnicodeText::capitalizeFirst(text);
}

std::string CaptionStyle::writtenFormsJson() const
{
    return nlohmann::json(m_writtenForms).dump();
}

CaptionStyle CaptionStyle::fromMetadata(const std::string &language, const std::string &writtenFormsJson)
{
    if (!isLanguageTag(language)) throw Error(ErrorKind::BadModel, "the caption language \"" + language + "\" is not a language tag");
    if (writtenFormsJson.empty()) {
        CaptionStyle style;
        style.m_language = language;
        return style;
    }
    const nlohmann::json parsed = nlohmann::json::parse(writtenFormsJson, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) throw Error(ErrorKind::BadModel, "the words' written forms are not a JSON object");
    std::map<std::string, std::string> forms;
    for (auto it = parsed.begin(); it != parsed.end(); ++it) {
        if (!it.value().is_string()) throw Error(ErrorKind::BadModel, "the written form of \"" + it.key() + "\" is not a string");
        const std::string form = it.value().get<std::string>();
        // Only the case may differ: a model file must not make a caption show other words than it says.
        if (UnicodeText::lower(form) != it.key())
            throw Error(ErrorKind::BadModel, "\"" + form + "\" is not a written form of \"" + it.key() + "\"");
        forms.emplace(it.key(), form);
    }
    return CaptionStyle(language, std::move(forms));
}

} // namespace snaption
