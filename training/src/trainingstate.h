#pragma once

#include <snaption/training/trainingobserver.h>

#include <optional>
#include <string>
#include <vector>

namespace snaption::training {

// Where a run stands, for checkpoints and history files: position in the schedule, the best
// result so far, and the learning curves.
struct TrainingState {
    int epoch = 0;        // 0-based epoch being trained
    int batch = 0;        // next batch within that epoch
    int globalStep = 0;   // optimiser steps done
    int plannedEpochs = 0; // revised to fit a time budget
    // Where the learning-rate cycle was last resized (OneCycleSchedule::Anchor).
    int scheduleAnchorStep = 0;
    double scheduleAnchorProgress = 0;
    // 0: the run's first (or only) stage; 1: its self-critical stage (TrainingConfig::
    // ciderStageEpochs), which began at this epoch and step. Its learning-rate cycle and the
    // anchor above count steps from stageStartStep.
    int stage = 0;
    int stageStartEpoch = 0;
    int stageStartStep = 0;
    double bestValue = 0;
    bool hasBest = false;
    int bestEpoch = 0;
    int epochsWithoutImprovement = 0;
    double elapsedSeconds = 0; // training time before this session
    // Names this run's files, so a resume can tell its own best model from another run's.
    std::string runId;
    std::vector<std::string> skippedImages; // "id: reason" of unreadable images, in order found
    struct Step {
        int step;
        double loss, learningRate;
        std::optional<double> meanReward, greedyReward; // self-critical steps
    };
    std::vector<Step> steps;
    std::vector<EpochRecord> epochs; // without samples

    std::string toJson() const;
    static TrainingState fromJson(const std::string &json);
    std::string epochsCsv() const;
};

} // namespace snaption::training
