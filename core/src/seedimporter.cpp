#include <snaption/seedimporter.h>

#include <snaption/error.h>

#include "captionmodel.h"
#include "inputfile.h"
#include "modelstorage.h"
#include "torchcheckpoint.h"
#include "unpickler.h"

#include <fstream>

namespace snaption {
namespace {

constexpr std::streamoff kMaxVocabularyPickleBytes = 64 << 20;

[[noreturn]] void notAVocabulary(const std::string &path, const std::string &why)
{
    throw Error(ErrorKind::BadModel, path + ": not a Snaption VocabMapper pickle (" + why + ")");
}

} // namespace

Vocabulary SeedImporter::readVocabulary(const std::string &path)
{
    const std::uint64_t size = InputFile::size(path);
    if (size == 0 || size > std::uint64_t(kMaxVocabularyPickleBytes)) notAVocabulary(path, "empty or implausibly large");
    const std::vector<std::uint8_t> bytes = InputFile::read(path, std::uint64_t(kMaxVocabularyPickleBytes), ErrorKind::BadModel, "a vocabulary");
    const PickleValue::Ptr root = Unpickler::load(bytes, path);

    if (root->kind != PickleValue::Kind::Object || root->text != "snaption.utils.VocabMapper" || !root->state)
        notAVocabulary(path, "it holds a " + (root->kind == PickleValue::Kind::Object ? root->text : PickleValue::kindName(root->kind)));
    const PickleValue::Ptr byIndex = root->state->get("idx_to_token");
    const PickleValue::Ptr byToken = root->state->get("token_to_idx");
    if (!byIndex && !byToken) notAVocabulary(path, "no idx_to_token or token_to_idx");
    const PickleValue::Ptr &mapping = byIndex ? byIndex : byToken;
    if (mapping->kind != PickleValue::Kind::Dict) notAVocabulary(path, "the token mapping is not a dict");

    std::vector<std::string> tokens(mapping->entries.size());
    std::vector<bool> seen(tokens.size(), false);
    for (const auto &[key, value] : mapping->entries) {
        const PickleValue::Ptr &index = byIndex ? key : value;
        const PickleValue::Ptr &token = byIndex ? value : key;
        if (index->kind != PickleValue::Kind::Int || token->kind != PickleValue::Kind::String) notAVocabulary(path, "an entry is not index and word");
        if (index->integer < 0 || std::size_t(index->integer) >= tokens.size() || seen[std::size_t(index->integer)])
            notAVocabulary(path, "indices are not 0..n-1 without gaps");
        tokens[std::size_t(index->integer)] = token->text;
        seen[std::size_t(index->integer)] = true;
    }
    // Both directions present: they must agree.
    if (byIndex && byToken) {
        if (byToken->kind != PickleValue::Kind::Dict || byToken->entries.size() != tokens.size()) notAVocabulary(path, "the two mappings differ");
        for (const auto &[token, index] : byToken->entries) {
            if (index->kind != PickleValue::Kind::Int || index->integer < 0 || std::size_t(index->integer) >= tokens.size() ||
                tokens[std::size_t(index->integer)] != token->text)
                notAVocabulary(path, "the two mappings differ");
        }
    }
    try {
        return Vocabulary(std::move(tokens));
    } catch (const Error &error) {
        notAVocabulary(path, error.what());
    }
}

ModelInfo SeedImporter::import(const std::string &weightsPath, const std::string &vocabularyPath, const std::string &outPath,
                               const std::map<std::string, std::string> &provenance)
{
    InputFile::refuseAsOutput(outPath, {weightsPath, vocabularyPath});
    const Vocabulary vocabulary = readVocabulary(vocabularyPath);
    TensorMap tensors = TorchCheckpoint(weightsPath).stateDict();
    ModelConfig config = ModelConfig::seedCompatible();
    // The architecture is fixed, but the context length and vocabulary follow the weights.
    if (const auto positions = tensors.find("pos_embeddings.weight"); positions != tensors.end() && positions->second.dim() == 2)
        config.decoder.contextLength = int(positions->second.size(0));
    CaptionModel model(config, std::int64_t(vocabulary.size()));
    ModelStorage::loadStateDict(*model, tensors, weightsPath);
    ModelStorage::save(*model, vocabulary, CaptionStyle(), std::nullopt, provenance, outPath);
    return ModelInfo::read(outPath);
}

} // namespace snaption
