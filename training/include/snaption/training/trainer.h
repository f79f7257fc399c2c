#pragma once

#include <snaption/training/dataset.h>
#include <snaption/training/trainingconfig.h>
#include <snaption/training/trainingobserver.h>

#include <memory>
#include <string>

namespace snaption::training {

struct TrainingResult {
    bool completed = false;   // false when stopped or cut by the time budget
    bool stopped = false;     // requestStop() was honoured
    int epochs = 0;           // epochs fully trained
    int steps = 0;
    CaptionScores validationScores; // of the final model on the whole validation split
    double elapsedSeconds = 0;
    std::string bestModel;    // <out>/best.safetensors
    std::string finalModel;   // <out>/final.safetensors
    std::string lastCheckpoint;
};

// Trains a captioning model with LibTorch. Runs on the calling thread (the GUI calls it from a
// worker); pause and stop requests are honoured between steps from any thread. Output folder:
// best.safetensors, final.safetensors, checkpoints/epoch-NNN.ckpt, history.json, history.csv.
class Trainer {
public:
    Trainer(TrainingConfig config, Dataset dataset);
    // Continues a run from a checkpoint file exactly where it stopped.
    static Trainer resume(const std::string &checkpoint, Dataset dataset);
    ~Trainer();
    Trainer(Trainer &&) noexcept;
    Trainer &operator=(Trainer &&) noexcept;

    const TrainingConfig &config() const;
    void setObserver(TrainingObserver *observer);
    // Throws Error on unusable data or I/O problems; returns normally when stopped.
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
