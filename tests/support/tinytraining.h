#pragma once

#include <snaption/training/syntheticscenes.h>
#include <snaption/training/trainingconfig.h>

namespace snaption::test {

// A training run of a few seconds: synthetic-accurate shrunk to 48 scenes of 64 px, a 32-wide decoder
// and two epochs (tinyTrainingData() is its dataset).
inline training::TrainingConfig tinyTrainingConfig()
{
    training::TrainingConfig c = training::TrainingConfig::preset("synthetic-accurate");
    c.model.encoder.inputSize = 64;
    c.model.decoder.layers = 1;
    c.model.decoder.dim = 32;
    c.model.decoder.heads = 2;
    c.model.decoder.feedForward = 64;
    c.epochs = 2;
    c.batchSize = 16;
    c.sampleImages = 1;
    c.epochValidationImages = 8;
    c.evaluationBeam = 1;
    c.maxMinutes = 0;
    c.syntheticTrainScenes = 48;
    c.syntheticValidationScenes = 8;
    c.syntheticTestScenes = 0;
    c.syntheticImageSize = 64;
    return c;
}

inline training::Dataset tinyTrainingData()
{
    return training::SyntheticScenes::dataset(3, 48, 8, 0, 64);
}

} // namespace snaption::test
