#pragma once

#include <snaption/training/trainingconfig.h>

#include <string>
#include <vector>

namespace snaption::training {

// Which settings a resumed run may change. The checkpoint's model, vocabulary, cached features
// and schedule position depend on the model and encoder, the batch size, the seed, the feature
// views and augmentation, the minimum word frequency, the synthetic scenes and the best-epoch
// metric: changing one is refused. Everything else (epochs, the time budget, learning-rate
// settings, scoring, checkpoints, threads, precision) may change and is reported.
class ResumeSettings {
public:
    // Throws Error(InvalidArgument) naming the first fixed setting that differs.
    // Returns one line per change, e.g. "epochs: 22 -> 30".
    static std::vector<std::string> changes(const TrainingConfig &checkpoint, const TrainingConfig &wanted);
};

} // namespace snaption::training
