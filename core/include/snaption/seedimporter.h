#pragma once

#include <snaption/modelinfo.h>
#include <snaption/vocabulary.h>

#include <map>
#include <string>

namespace snaption {

// Imports the original Python Snaption model: its pretrained_weights.pt (torch.save of the model's
// state_dict(), or the trainer's checkpoint dict with "model_state_dict") and vocab_mapper.pkl (a
// pickled snaption.utils.VocabMapper). Both are read with the restricted unpickler; nothing in
// them runs. The result is an ordinary model file with the snaption-seed architecture.
class SeedImporter {
public:
    // The VocabMapper's tokens in index order. Throws Error(BadModel) when the pickle is not one.
    static Vocabulary readVocabulary(const std::string &path);
    // Writes the model file and returns its description. Throws Error(Io/BadModel).
    static ModelInfo import(const std::string &weightsPath, const std::string &vocabularyPath, const std::string &outPath,
                            const std::map<std::string, std::string> &provenance);
};

} // namespace snaption
