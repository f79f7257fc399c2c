#include <snaption/confidencecalibration.h>

#include <snaption/error.h>
#include <snaption/modelinfo.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include <nlohmann/json.hpp>

#include <cmath>

namespace snaption {
namespace {

double finiteNumber(const nlohmann::json &json, const char *key)
{
    const auto it = json.find(key);
    if (it == json.end() || !it->is_number() || !std::isfinite(it->get<double>()))
        throw Error(ErrorKind::BadModel, std::string("the confidence calibration's \"") + key + "\" is not a number");
    return it->get<double>();
}

double share(const nlohmann::json &json, const char *key)
{
    const double value = finiteNumber(json, key);
    if (value < 0 || value > 1) throw Error(ErrorKind::BadModel, std::string("the confidence calibration's \"") + key + "\" is not between 0 and 1");
    return value;
}

std::string text(const nlohmann::json &json, const char *key)
{
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::string confidenceName(CaptionConfidence confidence)
{
    switch (confidence) {
    case CaptionConfidence::Confident: return "confident";
    case CaptionConfidence::Unsure: return "unsure";
    case CaptionConfidence::Unknown: break;
    }
    return "unknown";
}

std::string ConfidenceCalibration::measureName(Measure measure)
{
    return measure == Measure::LowestWordLogProbability ? "lowest_word_log_probability" : "mean_log_probability";
}

double ConfidenceCalibration::valueOf(const CaptionScoreMeasures &measures) const
{
    return measure == Measure::LowestWordLogProbability ? measures.lowestWordLogProbability : measures.meanLogProbability;
}

CaptionConfidence ConfidenceCalibration::levelOf(const CaptionScoreMeasures &measures) const
{
    const double value = valueOf(measures);
    if (!unsureBelow || std::isnan(value)) return CaptionConfidence::Unknown;
    return value < *unsureBelow ? CaptionConfidence::Unsure : CaptionConfidence::Confident;
}

void ConfidenceCalibration::storeIn(const std::string &modelPath) const
{
    const SafetensorsFile file = SafetensorsFile::read(modelPath);
    ModelInfo::fromFile(file, modelPath); // refuses what is not a model file
    SafetensorsWriter writer;
    for (const auto &[key, value] : file.metadata()) writer.setMetadata(key, value);
    writer.setMetadata(kMetadataKey, toJson());
    for (const auto &entry : file.entries()) writer.addTensor(entry.name, entry.dtype, entry.shape, file.data(entry), std::size_t(entry.end - entry.begin));
    writer.write(modelPath);
}

std::string ConfidenceCalibration::toJson() const
{
    nlohmann::json json = {
        {"measure", measureName(measure)},
        {"unsure_below", unsureBelow ? nlohmann::json(*unsureBelow) : nlohmann::json(nullptr)},
        {"max_ratio", maxRatio},
        {"split", fitted.split},
        {"decoding", fitted.decoding},
        {"captions", fitted.captions},
        {"unsure_share", fitted.unsureShare},
        {"confident_mean_cider_d", fitted.confidentMeanCiderD},
        {"unsure_mean_cider_d", fitted.unsureMeanCiderD},
    };
    return json.dump();
}

ConfidenceCalibration ConfidenceCalibration::fromJson(const std::string &jsonText)
{
    const nlohmann::json json = nlohmann::json::parse(jsonText, nullptr, false);
    if (!json.is_object()) throw Error(ErrorKind::BadModel, "the confidence calibration is not a JSON object");
    ConfidenceCalibration calibration;
    // A measure this program does not know would be misread: refuse it.
    const std::string measure = text(json, "measure");
    if (measure == measureName(Measure::LowestWordLogProbability))
        calibration.measure = Measure::LowestWordLogProbability;
    else if (measure != measureName(Measure::MeanLogProbability))
        throw Error(ErrorKind::BadModel, "the confidence calibration uses a measure this program does not know (\"" + measure + "\")");
    const auto threshold = json.find("unsure_below");
    if (threshold == json.end() || !threshold->is_null()) {
        const double value = finiteNumber(json, "unsure_below");
        // Log probabilities are at most 0.
        if (value > 0) throw Error(ErrorKind::BadModel, "the confidence calibration's threshold is above 0, which no caption scores");
        calibration.unsureBelow = value;
    }
    calibration.maxRatio = share(json, "max_ratio");
    calibration.fitted.split = text(json, "split");
    calibration.fitted.decoding = text(json, "decoding");
    const double captions = finiteNumber(json, "captions");
    if (captions < 0 || captions > 1e9) throw Error(ErrorKind::BadModel, "the confidence calibration's caption count is implausible");
    calibration.fitted.captions = int(captions);
    calibration.fitted.unsureShare = share(json, "unsure_share");
    calibration.fitted.confidentMeanCiderD = finiteNumber(json, "confident_mean_cider_d");
    calibration.fitted.unsureMeanCiderD = finiteNumber(json, "unsure_mean_cider_d");
    return calibration;
}

} // namespace snaption
