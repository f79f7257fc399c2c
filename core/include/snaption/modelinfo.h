#pragma once

#include <snaption/captionstyle.h>
#include <snaption/confidencecalibration.h>
#include <snaption/modelconfig.h>
#include <snaption/subwordmodel.h>
#include <snaption/vocabulary.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace snaption {

class SafetensorsFile;

// What a model file says about itself, read from its header without loading any weights.
struct ModelInfo {
    static constexpr const char *kFormatName = "snaption";
    static constexpr int kFormatVersion = 1;

    std::string path;
    int formatVersion = kFormatVersion;
    ModelConfig config;
    Vocabulary vocabulary;
    CaptionStyle style; // caption language and written forms; English for files without them
    // For a subword vocabulary: the SentencePiece model whose pieces the vocabulary lists, which
    // joins generated pieces into words. Empty for word vocabularies.
    std::optional<SubwordModel> subwords;
    std::map<std::string, std::string> provenance; // created_by, created_at, source, ...
    // What its captions' scores say about their quality; none for files made before calibration
    // existed or never calibrated (snaption-cli eval --calibrate adds one).
    std::optional<ConfidenceCalibration> calibration;
    std::int64_t parameterCount = 0;
    std::string storageDType; // "F32" or "F16"
    std::uint64_t weightBytes = 0; // size of the tensor data

    // Reads the header (fast: no model is built); throws Error(Io) or Error(BadModel).
    static ModelInfo read(const std::string &path);
    // Reads the header and checks that the file's tensors fit the architecture it declares (names,
    // shapes, kinds: what loading it would refuse, with the same message). Builds the model's
    // modules to compare with, so it takes a fraction of a second: not for a GUI thread.
    static ModelInfo check(const std::string &path);
    // From an already parsed file (header or whole file).
    static ModelInfo fromFile(const SafetensorsFile &file, const std::string &path);
    std::string toJson() const;
};

} // namespace snaption
