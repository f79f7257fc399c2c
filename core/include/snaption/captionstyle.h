#pragma once

#include <map>
#include <string>
#include <vector>

namespace snaption {

class Vocabulary;

// How a model's lower-case words become a caption to show and speak: the caption language (BCP 47,
// "en" or "de") and each word's usual written form, learnt from the training captions, so that a
// German caption reads "Ein Hund rennt über die Wiese." and not "Ein hund rennt über die wiese".
// Scoring keeps using the lower-case words, as coco-caption does.
class CaptionStyle {
public:
    static constexpr const char *kDefaultLanguage = "en";

    // A model file without a style (older ones, imported ones): English, words as the vocabulary
    // spells them, first letter capitalised, no full stop; as Snaption has always shown them.
    CaptionStyle() = default;
    // Throws Error(InvalidArgument) unless `language` looks like a BCP 47 tag.
    CaptionStyle(std::string language, std::map<std::string, std::string> writtenForms);

    // Each vocabulary word's most frequent written form among the captions. A caption's first word
    // is not counted unless the word never appears elsewhere (its capital is the sentence's), and
    // then it is kept lower-case. Only words whose form differs from the vocabulary's are stored.
    static CaptionStyle learn(const std::string &language, const std::vector<std::string> &captions, const Vocabulary &vocabulary);
    // The same for every word of the captions: for subword vocabularies, which can write any.
    static CaptionStyle learn(const std::string &language, const std::vector<std::string> &captions);

    const std::string &language() const { return m_language; }
    const std::map<std::string, std::string> &writtenForms() const { return m_writtenForms; }
    // True for styles learnt from captions: their captions end with a full stop.
    bool isLearnt() const { return m_learnt; }

    // The word as it is written in a caption ("hund" -> "Hund"); unknown words unchanged.
    std::string writtenForm(const std::string &word) const;
    // Words in their written forms, the first capitalised for learnt styles; special tokens
    // ("<UNKNOWN>") kept as they are (one written word per word, for per-word heatmaps).
    std::vector<std::string> writtenWords(const std::vector<std::string> &words) const;
    // The caption as text: written words without special tokens joined by spaces, and a full stop
    // for learnt styles.
    std::string caption(const std::vector<std::string> &words) const;

    // {"dog": "Dog", ...}: the metadata a model file stores beside "language".
    std::string writtenFormsJson() const;
    // Throws Error(BadModel) for malformed JSON, a bad tag, or forms that are not the word's.
    static CaptionStyle fromMetadata(const std::string &language, const std::string &writtenFormsJson);
    // A tag of letters, digits and hyphens: "en", "de", "pt-BR", "zh-Hant".
    static bool isLanguageTag(const std::string &tag);

    bool operator==(const CaptionStyle &other) const
    {
        return m_language == other.m_language && m_writtenForms == other.m_writtenForms && m_learnt == other.m_learnt;
    }

private:
    std::string m_language = kDefaultLanguage;
    std::map<std::string, std::string> m_writtenForms;
    bool m_learnt = false;
};

} // namespace snaption
