#pragma once

#include <snaption/confidencecalibration.h>
#include <snaption/training/dataset.h>
#include <snaption/training/distributedsetup.h>
#include <snaption/training/trainingconfig.h>
#include <snaption/training/trainingobserver.h>

#include <memory>
#include <cstdint>
#include <optional>
#include <string>

namespace snaption::training {

struct TrainingResult {
    bool completed = false;   // false when stopped or cut by the time budget
    bool stopped = false;     // requestStop() was honoured
    int epochs = 0;           // epochs fully trained
    int steps = 0;
    CaptionScores validationScores; // of the final model on the whole validation split
    // Fitted on those captions and stored in the best model file (none when the run stopped).
    std::optional<ConfidenceCalibration> calibration;
    double elapsedSeconds = 0;
    std::string bestModel;    // <out>/best.safetensors
    std::string finalModel;   // <out>/final.safetensors
    std::string lastCheckpoint;
    std::vector<std::string> skippedImages; // "id: reason" of images that could not be read
    // Data-parallel runs: the ranks, and this rank's gradient averaging per step (bytes and time).
    int ranks = 1;
    std::int64_t allReducedBytesPerStep = 0;
    double allReduceSecondsPerStep = 0;
};

// What a checkpoint records about its run, read without its tensors.
struct CheckpointInfo {
    TrainingConfig config;
    std::string dataSource;   // the dataset's absolute path or "synthetic:SEED"; empty in old checkpoints
    std::string dataFormat;   // its DatasetLoader format name
    std::string outputFolder; // where the run wrote it; empty in old checkpoints
    int epochsDone = 0;
    int globalStep = 0;
};

// Trains a captioning model with LibTorch. Runs on the calling thread (the GUI calls it from a
// worker); pause and stop requests are honoured between steps from any thread. Output folder:
// best.safetensors, final.safetensors, checkpoints/epoch-NNN.ckpt, history.json, history.csv.
class Trainer {
public:
    Trainer(TrainingConfig config, Dataset dataset);
    // Continues a run from a checkpoint file exactly where it stopped, with the checkpoint's
    // settings; `settings`, when given, changes those a resumed run can change (epochs, the time
    // budget, learning-rate settings, scoring and checkpoint options), each change reported when
    // the run starts. Changing what the checkpoint's model and data depend on (the model, encoder,
    // batch size, seed, vocabulary, features) is Error(InvalidArgument) naming the setting.
    static Trainer resume(const std::string &checkpoint, Dataset dataset, const TrainingConfig *settings = nullptr);
    // Throws Error(Io/BadModel).
    static CheckpointInfo inspectCheckpoint(const std::string &checkpoint);
    ~Trainer();
    Trainer(Trainer &&) noexcept;
    Trainer &operator=(Trainer &&) noexcept;

    const TrainingConfig &config() const;
    void setObserver(TrainingObserver *observer);
    // Joins a data-parallel run when run() starts (see DistributedSetup; the default is one
    // process). Every rank holds the whole model and trains its shards of the data; rank 0 alone
    // scores and writes into the output folder.
    void setDistributed(const DistributedSetup &setup);
    // Throws Error on unusable data or I/O problems; returns normally when stopped. The folder is
    // locked for the run: a second run on it is refused (see OutputFolderLock); temporary files
    // an interrupted run left behind are removed first.
    TrainingResult run(const std::string &outputFolder);

    void requestPause(bool paused); // thread-safe
    void requestStop();             // thread-safe: saves a checkpoint, then run() returns
    bool isPaused() const;

private:
    Trainer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace snaption::training
