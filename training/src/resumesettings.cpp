#include "resumesettings.h"

#include <snaption/error.h>

#include <nlohmann/json.hpp>

#include <set>

namespace snaption::training {

std::vector<std::string> ResumeSettings::changes(const TrainingConfig &checkpoint, const TrainingConfig &wanted)
{
    static const std::set<std::string> fixed{"model",    "encoder_weights", "freeze_encoder", "cache_features", "feature_views",
                                             "augment",  "augmentation",    "min_word_frequency", "batch_size", "data_shards", "seed",
                                             "synthetic", "best_metric", "language",   "vocabulary", "subword_pieces",
                                             "objective", "init_from", "samples_per_image", "sample_temperature"};
    const nlohmann::json before = nlohmann::json::parse(checkpoint.toJson());
    const nlohmann::json after = nlohmann::json::parse(wanted.toJson());
    std::vector<std::string> lines;
    for (auto it = before.begin(); it != before.end(); ++it) {
        const nlohmann::json &value = after.at(it.key());
        if (value == it.value()) continue;
        if (fixed.count(it.key()))
            throw Error(ErrorKind::InvalidArgument, "a resumed run keeps the checkpoint's \"" + it.key() + "\" (" + it.value().dump() +
                                                        ", not " + value.dump() + "): start a new run to change it");
        lines.push_back(it.key() + ": " + it.value().dump() + " -> " + value.dump());
    }
    return lines;
}

} // namespace snaption::training
