#pragma once

#include <snaption/vocabulary.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snaption {

// A subword vocabulary: a SentencePiece unigram model, for languages whose compounds make a word
// vocabulary sparse (German: 14,267 distinct Flickr8k caption words, 2,893 seen five times). It is
// trained from the training captions' lower-case words when training starts and stored inside the
// model file. The four special tokens keep their ids, so the decoder and the searches are the same
// as with words; only encoding captions and turning pieces back into words differ.
class SubwordModel {
public:
    static constexpr const char *kWordStart = "\xe2\x96\x81"; // U+2581: SentencePiece's mark of a word's first piece

    // Both throw Error(Io) when SentencePiece's module (libsnaption_sentencepiece.so) is missing.
    // Throws Error(InvalidArgument) when the captions are too few for `pieces` pieces.
    static SubwordModel train(const std::vector<std::string> &captions, int pieces);
    // Throws Error(BadModel) unless the bytes are a SentencePiece model with Snaption's special tokens.
    static SubwordModel fromSerialized(const std::string &bytes);

    // Copies share the one loaded model (it is never changed after loading).
    SubwordModel(const SubwordModel &) = default;
    SubwordModel &operator=(const SubwordModel &) = default;

    const std::string &serialized() const;
    // The pieces in id order: <UNKNOWN>, <PAD>, <START>, <END>, then "▁hund", "e", ...
    Vocabulary vocabulary() const;
    // <START> pieces... <END> of the caption's lower-case words (Vocabulary::tokenize).
    std::vector<std::int64_t> encode(const std::string &caption) const;

    // A word and the pieces it was made of.
    struct WordPieces {
        std::string word;
        std::size_t firstPiece = 0;
        std::size_t pieceCount = 0;
    };
    // Joins pieces into words: a piece that starts with kWordStart begins a word; special tokens
    // (and ids beyond the pieces, as <UNKNOWN>) are words of their own. Every piece belongs to one
    // word, in order: a lone word mark that no piece follows joins the word before it.
    std::vector<WordPieces> words(const std::vector<std::int64_t> &pieceIds) const;
    int pieceCount() const;

    bool operator==(const SubwordModel &other) const { return serialized() == other.serialized(); }

private:
    struct Impl;
    explicit SubwordModel(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> m_impl;
};

} // namespace snaption
