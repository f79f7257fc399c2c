// libsnaption_sentencepiece.so: SentencePiece behind the SentencePieceApi (see sentencepieceapi.h
// for why it is a module of its own).
#include "sentencepieceapi.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <exception>
#include <memory>
#include <unordered_map>

// Exported by libsentencepiece but not declared in its installed headers.
namespace sentencepiece::logging {
void SetMinLogLevel(int level);
}

namespace {

// Sentences from a vector, as the trainer reads them.
class SentenceList : public sentencepiece::SentenceIterator {
public:
    explicit SentenceList(const std::vector<std::string> &sentences) : m_sentences(sentences) {}
    bool done() const override { return m_index >= m_sentences.size(); }
    void Next() override { ++m_index; }
    const std::string &value() const override { return m_sentences[m_index]; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    const std::vector<std::string> &m_sentences;
    std::size_t m_index = 0;
};

std::string train(const std::vector<std::string> &sentences, int pieces, std::string *model)
{
    const std::unordered_map<std::string, std::string> options{
        {"model_type", "unigram"},
        {"vocab_size", std::to_string(pieces)},
        {"character_coverage", "1.0"},
        // The sentences come lower-cased and split by Snaption's tokenizer: nothing to normalise.
        {"normalization_rule_name", "identity"},
        {"unk_id", "0"}, {"pad_id", "1"}, {"bos_id", "2"}, {"eos_id", "3"},
        {"unk_piece", "<UNKNOWN>"}, {"pad_piece", "<PAD>"}, {"bos_piece", "<START>"}, {"eos_piece", "<END>"},
        // One thread and every sentence in order: the same captions give the same pieces everywhere.
        {"num_threads", "1"},
        {"input_sentence_size", "0"},
        {"shuffle_input_sentence", "false"},
        {"hard_vocab_limit", "true"},
    };
    try {
        SentenceList list(sentences);
        const sentencepiece::util::Status status = sentencepiece::SentencePieceTrainer::Train(options, &list, model);
        return status.ok() ? std::string() : status.ToString();
    } catch (const std::exception &error) {
        return error.what();
    }
}

void *load(const std::string &model, std::string *error)
{
    try {
        auto processor = std::make_unique<sentencepiece::SentencePieceProcessor>();
        const sentencepiece::util::Status status = processor->LoadFromSerializedProto(model);
        if (!status.ok()) {
            *error = status.ToString();
            return nullptr;
        }
        return processor.release();
    } catch (const std::exception &exception) {
        *error = exception.what();
        return nullptr;
    }
}

void unload(void *processor)
{
    delete static_cast<sentencepiece::SentencePieceProcessor *>(processor);
}

std::vector<std::string> pieces(const void *processor)
{
    const auto *p = static_cast<const sentencepiece::SentencePieceProcessor *>(processor);
    std::vector<std::string> list;
    for (int id = 0; id < p->GetPieceSize(); ++id) list.push_back(p->IdToPiece(id));
    return list;
}

std::vector<int> encode(const void *processor, const std::string &text)
{
    std::vector<int> ids;
    // Cannot fail on a loaded model: characters it lacks become <UNKNOWN>.
    static_cast<const sentencepiece::SentencePieceProcessor *>(processor)->Encode(text, &ids).IgnoreError();
    return ids;
}

} // namespace

extern "C" __attribute__((visibility("default"))) const snaption::SentencePieceApi *snaption_sentencepiece_api()
{
    static const snaption::SentencePieceApi api = [] {
        // Errors come back as statuses; nothing may go to std::cerr from a privately bound module.
        sentencepiece::logging::SetMinLogLevel(100);
        snaption::SentencePieceApi a;
        a.train = &train;
        a.load = &load;
        a.unload = &unload;
        a.pieces = &pieces;
        a.encode = &encode;
        return a;
    }();
    return &api;
}
