#include "trainingstate.h"

#include <snaption/training/epochhistory.h>

#include <snaption/error.h>

#include <nlohmann/json.hpp>

#include <sstream>

namespace snaption::training {

std::string TrainingState::toJson() const
{
    nlohmann::json stepList = nlohmann::json::array();
    for (const Step &s : steps) {
        stepList.push_back({s.step, s.loss, s.learningRate});
        if (s.meanReward && s.greedyReward) {
            stepList.back().push_back(*s.meanReward);
            stepList.back().push_back(*s.greedyReward);
        }
    }
    nlohmann::json epochList = nlohmann::json::array();
    for (const EpochRecord &e : epochs) {
        epochList.push_back({{"epoch", e.epoch},
                             {"train_loss", e.trainLoss},
                             {"validation_loss", e.validationLoss},
                             {"bleu1", e.scores.bleu[0]},
                             {"bleu2", e.scores.bleu[1]},
                             {"bleu3", e.scores.bleu[2]},
                             {"bleu4", e.scores.bleu[3]},
                             {"cider", e.scores.cider},
                             {"function_word_endings", e.scores.functionWordEndings},
                             {"images", e.scores.images},
                             {"learning_rate", e.learningRate},
                             {"elapsed_seconds", e.elapsedSeconds},
                             {"best", e.best},
                             {"checkpoint", e.checkpoint}});
        if (e.attentionHitRate) epochList.back()["attention_hit_rate"] = *e.attentionHitRate;
        if (e.meanReward) epochList.back()["mean_reward"] = *e.meanReward;
        if (e.greedyReward) epochList.back()["greedy_reward"] = *e.greedyReward;
    }
    return nlohmann::json{{"epoch", epoch},
                          {"batch", batch},
                          {"global_step", globalStep},
                          {"planned_epochs", plannedEpochs},
                          {"schedule_anchor", {scheduleAnchorStep, scheduleAnchorProgress}},
                          {"stage", {stage, stageStartEpoch, stageStartStep}},
                          {"best_value", bestValue},
                          {"has_best", hasBest},
                          {"best_epoch", bestEpoch},
                          {"epochs_without_improvement", epochsWithoutImprovement},
                          {"elapsed_seconds", elapsedSeconds},
                          {"run_id", runId},
                          {"skipped_images", skippedImages},
                          {"steps", stepList},
                          {"epochs", epochList}}
        .dump();
}

TrainingState TrainingState::fromJson(const std::string &text)
{
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) throw Error(ErrorKind::BadModel, "checkpoint: the training state is not JSON");
    TrainingState state;
    try {
        state.epoch = json.at("epoch").get<int>();
        state.batch = json.at("batch").get<int>();
        state.globalStep = json.at("global_step").get<int>();
        state.plannedEpochs = json.at("planned_epochs").get<int>();
        if (json.contains("schedule_anchor")) { // absent in checkpoints written before plans could grow
            state.scheduleAnchorStep = json.at("schedule_anchor").at(0).get<int>();
            state.scheduleAnchorProgress = json.at("schedule_anchor").at(1).get<double>();
        }
        if (json.contains("stage")) { // absent in checkpoints written before runs had stages
            state.stage = json.at("stage").at(0).get<int>();
            state.stageStartEpoch = json.at("stage").at(1).get<int>();
            state.stageStartStep = json.at("stage").at(2).get<int>();
        }
        state.bestValue = json.at("best_value").get<double>();
        state.hasBest = json.at("has_best").get<bool>();
        state.bestEpoch = json.at("best_epoch").get<int>();
        state.epochsWithoutImprovement = json.at("epochs_without_improvement").get<int>();
        state.elapsedSeconds = json.at("elapsed_seconds").get<double>();
        state.runId = json.value("run_id", std::string());
        state.skippedImages = json.value("skipped_images", std::vector<std::string>());
        for (const auto &s : json.at("steps")) {
            state.steps.push_back({s.at(0).get<int>(), s.at(1).get<double>(), s.at(2).get<double>(), std::nullopt, std::nullopt});
            if (s.size() >= 5) {
                state.steps.back().meanReward = s.at(3).get<double>();
                state.steps.back().greedyReward = s.at(4).get<double>();
            }
        }
        for (const auto &e : json.at("epochs")) {
            EpochRecord r;
            r.epoch = e.at("epoch").get<int>();
            r.trainLoss = e.at("train_loss").get<double>();
            r.validationLoss = e.at("validation_loss").get<double>();
            for (int k = 0; k < 4; ++k) r.scores.bleu[std::size_t(k)] = e.at("bleu" + std::to_string(k + 1)).get<double>();
            r.scores.cider = e.at("cider").get<double>();
            r.scores.functionWordEndings = e.value("function_word_endings", 0.0); // absent in older checkpoints
            r.scores.images = e.at("images").get<int>();
            r.learningRate = e.at("learning_rate").get<double>();
            r.elapsedSeconds = e.at("elapsed_seconds").get<double>();
            r.best = e.at("best").get<bool>();
            r.checkpoint = e.at("checkpoint").get<std::string>();
            if (e.contains("attention_hit_rate")) r.attentionHitRate = e.at("attention_hit_rate").get<double>();
            if (e.contains("mean_reward")) r.meanReward = e.at("mean_reward").get<double>();
            if (e.contains("greedy_reward")) r.greedyReward = e.at("greedy_reward").get<double>();
            state.epochs.push_back(std::move(r));
        }
    } catch (const nlohmann::json::exception &error) {
        throw Error(ErrorKind::BadModel, std::string("checkpoint: malformed training state (") + error.what() + ")");
    }
    // Positions index into the schedule: a checkpoint's must be possible ones.
    if (state.epoch < 0 || state.batch < 0 || state.globalStep < 0 || state.plannedEpochs < 0 || state.plannedEpochs > 10000 ||
        state.epoch > state.plannedEpochs || state.bestEpoch < 0 || state.epochsWithoutImprovement < 0 || !(state.elapsedSeconds >= 0) ||
        state.scheduleAnchorStep < 0 || state.scheduleAnchorStep > state.globalStep || state.stage < 0 || state.stage > 1 ||
        state.stageStartEpoch < 0 || state.stageStartEpoch > state.epoch || state.stageStartStep < 0 || state.stageStartStep > state.globalStep || !(state.scheduleAnchorProgress >= 0 && state.scheduleAnchorProgress <= 1))
        throw Error(ErrorKind::BadModel, "checkpoint: the training state holds impossible positions");
    return state;
}

std::string TrainingState::epochsCsv() const
{
    return epochHistoryCsv(epochs);
}

} // namespace snaption::training
