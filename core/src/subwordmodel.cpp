#include <snaption/subwordmodel.h>

#include <snaption/error.h>

#include "sentencepiecelibrary.h"

#include <algorithm>
#include <cstring>

namespace snaption {
namespace {

// A caption as SentencePiece reads it: its lower-case words joined by spaces, so that pieces never
// cross what the word vocabulary calls a word and punctuation is not learnt.
std::string spacedWords(const std::string &caption)
{
    std::string text;
    for (const std::string &word : Vocabulary::tokenize(caption)) text += (text.empty() ? "" : " ") + word;
    return text;
}

bool startsWithWordMark(const std::string &piece)
{
    return piece.rfind(SubwordModel::kWordStart, 0) == 0;
}

} // namespace

struct SubwordModel::Impl {
    std::string serialized;
    std::shared_ptr<void> processor; // the module's, unloaded with the last copy
    std::vector<std::string> pieces;
};

SubwordModel::SubwordModel(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}

SubwordModel SubwordModel::train(const std::vector<std::string> &captions, int pieces)
{
    if (pieces < 32 || pieces > 100'000) throw Error(ErrorKind::InvalidArgument, "a subword vocabulary has 32 to 100000 pieces");
    std::vector<std::string> sentences;
    sentences.reserve(captions.size());
    for (const std::string &caption : captions) sentences.push_back(spacedWords(caption));
    std::string serialized;
    const std::string problem = SentencePieceLibrary::api().train(sentences, pieces, &serialized);
    if (!problem.empty())
        throw Error(ErrorKind::InvalidArgument, "cannot learn a subword vocabulary of " + std::to_string(pieces) + " pieces: " + problem);
    return fromSerialized(serialized);
}

SubwordModel SubwordModel::fromSerialized(const std::string &bytes)
{
    const SentencePieceApi &api = SentencePieceLibrary::api();
    auto impl = std::make_shared<Impl>();
    impl->serialized = bytes;
    std::string problem;
    void *processor = api.load(bytes, &problem);
    if (!processor) throw Error(ErrorKind::BadModel, "the subword vocabulary is not a SentencePiece model (" + problem + ")");
    impl->processor = std::shared_ptr<void>(processor, api.unload);
    impl->pieces = api.pieces(processor);
    const auto &specials = Vocabulary::specialTokens();
    if (impl->pieces.size() < specials.size() || !std::equal(specials.begin(), specials.end(), impl->pieces.begin()))
        throw Error(ErrorKind::BadModel, "the subword vocabulary does not start with Snaption's special tokens");
    return SubwordModel(std::move(impl));
}

const std::string &SubwordModel::serialized() const
{
    return m_impl->serialized;
}

Vocabulary SubwordModel::vocabulary() const
{
    return Vocabulary(m_impl->pieces); // checks that pieces are unique and non-empty
}

std::vector<std::int64_t> SubwordModel::encode(const std::string &caption) const
{
    const std::vector<int> pieces = SentencePieceLibrary::api().encode(m_impl->processor.get(), spacedWords(caption));
    std::vector<std::int64_t> ids{Vocabulary::kStart};
    ids.insert(ids.end(), pieces.begin(), pieces.end());
    ids.push_back(Vocabulary::kEnd);
    return ids;
}

std::vector<SubwordModel::WordPieces> SubwordModel::words(const std::vector<std::int64_t> &pieceIds) const
{
    std::vector<WordPieces> words;
    const int size = pieceCount();
    const int specials = int(Vocabulary::specialTokens().size());
    bool continuable = false; // whether the next piece without a word mark joins words.back()
    for (std::size_t i = 0; i < pieceIds.size(); ++i) {
        const int id = pieceIds[i] >= 0 && pieceIds[i] < size ? int(pieceIds[i]) : int(Vocabulary::kUnknown);
        const std::string &piece = m_impl->pieces[std::size_t(id)];
        const bool special = id < specials;
        const bool marked = !special && startsWithWordMark(piece);
        if (special || marked || !continuable) {
            words.push_back({special ? piece : piece.substr(marked ? std::strlen(kWordStart) : 0), i, 1});
        } else {
            words.back().word += piece;
            ++words.back().pieceCount;
        }
        continuable = !special;
    }
    // A lone mark before a special token or at the end is no word: its piece goes to a neighbour.
    for (std::size_t i = 0; i < words.size();) {
        if (!words[i].word.empty() || words.size() == 1) {
            ++i;
            continue;
        }
        if (i > 0) {
            words[i - 1].pieceCount += words[i].pieceCount;
        } else {
            words[1].firstPiece = words[0].firstPiece;
            words[1].pieceCount += words[0].pieceCount;
        }
        words.erase(words.begin() + std::ptrdiff_t(i));
    }
    return words;
}

int SubwordModel::pieceCount() const
{
    return int(m_impl->pieces.size());
}

} // namespace snaption
