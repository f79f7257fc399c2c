#include <snaption/training/trainer.h>

#include <snaption/encoderweights.h>
#include <snaption/error.h>
#include <snaption/threading.h>
#include <snaption/training/evaluator.h>
#include <snaption/training/imagesource.h>

#include "beamsearch.h"
#include "bfloat16autocast.h"
#include "captionassembler.h"
#include "captionmodel.h"
#include "encoderweightsimpl.h"
#include "featurecache.h"
#include "imagebatch.h"
#include "modelstorage.h"
#include "onecycleschedule.h"
#include "splitmix.h"
#include "trainingcheckpoint.h"
#include "trainingstate.h"

#include <torch/nn/functional/loss.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <mutex>

namespace snaption::training {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void writeText(const fs::path &path, const std::string &text)
{
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) throw Error(ErrorKind::Io, temporary.string() + ": cannot write");
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) throw Error(ErrorKind::Io, path.string() + ": cannot write (" + error.message() + ")");
}

std::string fingerprint(const Dataset &dataset)
{
    return dataset.format + ":" + std::to_string(dataset.train.size()) + "/" + std::to_string(dataset.validation.size()) + ":" +
           (dataset.train.empty() ? "" : dataset.train.front().id) + ":" + std::to_string(dataset.syntheticSeed);
}

} // namespace

struct Trainer::Impl {
    TrainingConfig config;
    Dataset dataset;
    TrainingObserver *observer = nullptr;
    std::optional<TrainingCheckpoint::Contents> resumeFrom;

    std::atomic<bool> stop{false};
    std::atomic<bool> paused{false};
    std::mutex mutex;
    std::condition_variable wake;

    // The run.
    Clock::time_point started;
    fs::path output;
    Vocabulary vocabulary;
    ModelConfig modelConfig;
    CaptionModel model{nullptr};
    std::vector<torch::Tensor> trainable;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    std::unique_ptr<Augmenter> augmenter;
    FeatureCache trainCache, validationCache;
    std::vector<std::int64_t> trainImages;      // indices of usable training records
    std::vector<std::int64_t> validationImages; // indices of usable validation records
    std::vector<std::vector<std::vector<std::int64_t>>> trainCaptions; // per record: token ids per caption
    TrainingState state;
    int stepsPerEpoch = 0;
    bool bfloat16 = false; // training steps' matrix products (config.mixedPrecision resolved)

    void notifyPhase(TrainingPhase phase, const std::string &text) const
    {
        if (observer) observer->onPhase(phase, text);
    }
    void message(const std::string &text) const
    {
        if (observer) observer->onMessage(text);
    }
    double elapsed() const { return state.elapsedSeconds + secondsSince(started); }
    bool overBudget() const { return config.maxMinutes > 0 && elapsed() > config.maxMinutes * 60.0; }
    bool frozen() const { return config.freezeEncoder; }
    bool cached() const { return config.freezeEncoder && config.cacheFeatures; }

    // LibTorch's OpenMP pool and OpenBLAS's threads would fight over the cores, so training steps
    // give them to one of the two. A frozen encoder leaves the decoder's matrix products (OpenBLAS
    // in fp32); a trained one adds its convolutions' forward and backward passes (oneDNN, on the
    // pool), which outweigh them: 195 instead of 150 samples/s for synthetic-demo on two cores.
    // Bfloat16 products run in oneDNN, on the pool.
    void useTrainingThreads() const
    {
        if (frozen() && !bfloat16) useThreadsForMatrixProducts();
        else restoreThreads();
    }

    void waitWhilePaused()
    {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] { return !paused || stop; });
    }

    void prepareModel();
    void prepareData();
    void restoreOptimizer(const TensorMap &tensors);
    TensorMap optimizerTensors();
    std::pair<torch::Tensor, torch::Tensor> captionTensors(const std::vector<const std::vector<std::int64_t> *> &captions) const;
    torch::Tensor loadPixels(const std::vector<const CaptionedImage *> &records, const std::vector<std::uint64_t> &seeds) const;
    torch::Tensor encoderOutputs(const std::vector<std::int64_t> &records, int epoch, bool training);
    torch::Tensor batchLoss(const torch::Tensor &encoderOutput, const torch::Tensor &inputs, const torch::Tensor &targets);
    EpochRecord evaluateEpoch(int epoch, double trainLoss);
    void saveCheckpoint(const fs::path &path);
    void writeHistory();
    void saveModel(const fs::path &path, const std::string &what);
    void replan(double secondsPerStep, double secondsPerEpochOverhead);
};

void Trainer::Impl::prepareModel()
{
    modelConfig = resumeFrom ? resumeFrom->model : config.model;
    std::optional<EncoderWeights> weights;
    if (!resumeFrom && !config.encoderWeights.empty()) {
        weights = EncoderWeights::read(config.encoderWeights);
        const bool seed = modelConfig.architecture == ModelConfig::kArchitectureSeed;
        modelConfig.encoder = weights->config();
        if (!seed) modelConfig.encoder.classifierClasses = 0;
        message("encoder: " + weights->description());
    } else if (!resumeFrom && modelConfig.architecture == ModelConfig::kArchitectureSeed && modelConfig.encoder.classifierClasses == 0) {
        modelConfig.encoder.classifierClasses = 1000;
    }
    if (!resumeFrom && frozen() && config.encoderWeights.empty())
        message("warning: the encoder is frozen but starts from random weights");
    modelConfig.validate();
    torch::manual_seed(config.seed);
    model = CaptionModel(modelConfig, std::int64_t(vocabulary.size()));
    if (resumeFrom) ModelStorage::loadStateDict(*model, resumeFrom->modelTensors, "checkpoint");
    else if (weights) model->encoder().loadWeights(weights->impl().tensors, config.encoderWeights);
    model->train();
    if (frozen()) {
        for (auto &parameter : model->encoder().parameters()) parameter.requires_grad_(false);
        model->encoder().eval();
    }
    trainable.clear();
    for (auto &parameter : model->parameters()) {
        if (parameter.requires_grad()) trainable.push_back(parameter);
    }
    optimizer = std::make_unique<torch::optim::AdamW>(
        trainable, torch::optim::AdamWOptions(config.learningRate).betas({config.beta1, config.beta2}).weight_decay(config.weightDecay));
    if (resumeFrom) restoreOptimizer(resumeFrom->optimizerTensors);
}

TensorMap Trainer::Impl::optimizerTensors()
{
    TensorMap tensors;
    auto &states = optimizer->state();
    for (std::size_t i = 0; i < trainable.size(); ++i) {
        const auto found = states.find(c10::guts::to_string(trainable[i].unsafeGetTensorImpl()));
        if (found == states.end()) continue;
        auto &s = static_cast<torch::optim::AdamWParamState &>(*found->second);
        const std::string prefix = std::to_string(i) + ".";
        tensors[prefix + "exp_avg"] = s.exp_avg();
        tensors[prefix + "exp_avg_sq"] = s.exp_avg_sq();
        tensors[prefix + "step"] = torch::tensor({s.step()}, torch::kLong);
    }
    return tensors;
}

void Trainer::Impl::restoreOptimizer(const TensorMap &tensors)
{
    for (std::size_t i = 0; i < trainable.size(); ++i) {
        const std::string prefix = std::to_string(i) + ".";
        const auto average = tensors.find(prefix + "exp_avg");
        if (average == tensors.end()) continue;
        auto state = std::make_unique<torch::optim::AdamWParamState>();
        state->exp_avg(average->second.clone());
        state->exp_avg_sq(tensors.at(prefix + "exp_avg_sq").clone());
        state->step(tensors.at(prefix + "step").item<std::int64_t>());
        if (state->exp_avg().sizes() != trainable[i].sizes()) throw Error(ErrorKind::BadModel, "checkpoint: optimiser state does not fit the model");
        optimizer->state()[c10::guts::to_string(trainable[i].unsafeGetTensorImpl())] = std::move(state);
    }
}

void Trainer::Impl::prepareData()
{
    if (dataset.train.empty()) throw Error(ErrorKind::BadDataset, dataset.name + ": no training images");
    if (dataset.validation.empty()) throw Error(ErrorKind::BadDataset, dataset.name + ": no validation images");
    const int context = modelConfig.decoder.contextLength;
    trainCaptions.assign(dataset.train.size(), {});
    for (std::size_t i = 0; i < dataset.train.size(); ++i) {
        for (const std::string &caption : dataset.train[i].captions) {
            std::vector<std::int64_t> ids = vocabulary.encode(caption);
            if (ids.size() > std::size_t(context) + 1) ids.resize(std::size_t(context) + 1);
            if (ids.size() > 2) trainCaptions[i].push_back(std::move(ids));
        }
    }
    if (config.augment) augmenter = std::make_unique<Augmenter>(config.augmentation);

    trainImages.clear();
    validationImages.clear();
    if (cached()) {
        notifyPhase(TrainingPhase::ExtractingFeatures, "computing encoder features of " + std::to_string(dataset.train.size()) +
                                                           " training images (" + std::to_string(config.featureViews) + " views each)");
        const auto progress = [this](int done, int total) {
            if (observer) observer->onProgress(done, total);
        };
        const std::string disk = config.cacheFolder.empty() ? "" : (fs::path(config.cacheFolder) / "train-features.f16").string();
        trainCache.build(*model, dataset, dataset.train, config.featureViews, augmenter.get(), config.seed, config.loaderThreads, disk,
                         progress, stop);
        notifyPhase(TrainingPhase::ExtractingFeatures, "computing encoder features of " + std::to_string(dataset.validation.size()) +
                                                           " validation images");
        const std::string validationDisk = config.cacheFolder.empty() ? "" : (fs::path(config.cacheFolder) / "validation-features.f16").string();
        validationCache.build(*model, dataset, dataset.validation, 1, nullptr, config.seed, config.loaderThreads, validationDisk, progress, stop);
        for (std::size_t i = 0; i < dataset.train.size(); ++i) {
            if (trainCache.usable()[i] && !trainCaptions[i].empty()) trainImages.push_back(std::int64_t(i));
        }
        for (std::size_t i = 0; i < dataset.validation.size(); ++i) {
            if (validationCache.usable()[i]) validationImages.push_back(std::int64_t(i));
        }
        const int unreadable = int(dataset.train.size() - trainImages.size());
        if (unreadable) message(std::to_string(unreadable) + " training images were unreadable or had no usable caption and are skipped");
    } else {
        for (std::size_t i = 0; i < dataset.train.size(); ++i) {
            if (!trainCaptions[i].empty()) trainImages.push_back(std::int64_t(i));
        }
        for (std::size_t i = 0; i < dataset.validation.size(); ++i) validationImages.push_back(std::int64_t(i));
    }
    if (trainImages.empty()) throw Error(ErrorKind::BadDataset, dataset.name + ": none of the training images is usable");
    if (validationImages.empty()) throw Error(ErrorKind::BadDataset, dataset.name + ": none of the validation images is usable");
    stepsPerEpoch = int((trainImages.size() + std::size_t(config.batchSize) - 1) / std::size_t(config.batchSize));
}

std::pair<torch::Tensor, torch::Tensor> Trainer::Impl::captionTensors(const std::vector<const std::vector<std::int64_t> *> &captions) const
{
    std::size_t longest = 0;
    for (const auto *ids : captions) longest = std::max(longest, ids->size() - 1);
    const std::int64_t rows = std::int64_t(captions.size()), length = std::int64_t(longest);
    torch::Tensor inputs = torch::full({rows, length}, Vocabulary::kPad, torch::kLong);
    torch::Tensor targets = torch::full({rows, length}, Vocabulary::kPad, torch::kLong);
    auto in = inputs.accessor<std::int64_t, 2>(), out = targets.accessor<std::int64_t, 2>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const std::vector<std::int64_t> &ids = *captions[std::size_t(r)];
        for (std::size_t t = 0; t + 1 < ids.size(); ++t) {
            in[r][std::int64_t(t)] = ids[t];
            out[r][std::int64_t(t)] = ids[t + 1];
        }
    }
    return {inputs, targets};
}

torch::Tensor Trainer::Impl::loadPixels(const std::vector<const CaptionedImage *> &records, const std::vector<std::uint64_t> &seeds) const
{
    const EncoderConfig &encoder = modelConfig.encoder;
    std::vector<RgbImage> images(records.size());
    std::vector<std::future<void>> jobs;
    for (std::size_t i = 0; i < records.size(); ++i) {
        jobs.push_back(std::async(std::launch::async, [&, i] {
            RgbImage image = ImageSource::load(dataset, *records[i]);
            images[i] = augmenter && seeds[i] ? augmenter->apply(image, seeds[i]) : std::move(image);
        }));
        if (int(jobs.size()) >= config.loaderThreads) {
            for (auto &job : jobs) job.get();
            jobs.clear();
        }
    }
    for (auto &job : jobs) job.get();
    return ImageBatch::preprocess(images, encoder.inputSize, encoder.normalization);
}

// Encoder outputs of training records: from the cache (frozen), computed again (frozen, no cache)
// or computed with gradients.
torch::Tensor Trainer::Impl::encoderOutputs(const std::vector<std::int64_t> &records, int epoch, bool training)
{
    if (cached()) {
        std::vector<int> views;
        for (const std::int64_t record : records) {
            SplitMix random(config.seed ^ 0x5EEDull, std::uint64_t(epoch) * 1000003ull + std::uint64_t(record));
            views.push_back(training ? random.below(trainCache.views()) : 0);
        }
        return training ? trainCache.gather(records, views) : validationCache.gather(records, views);
    }
    std::vector<const CaptionedImage *> batch;
    std::vector<std::uint64_t> seeds;
    for (const std::int64_t record : records) {
        batch.push_back(training ? &dataset.train[std::size_t(record)] : &dataset.validation[std::size_t(record)]);
        seeds.push_back(training ? (config.seed + 1) * 7919ull + std::uint64_t(epoch) * 1000003ull + std::uint64_t(record) : 0);
    }
    std::optional<torch::NoGradGuard> noGrad;
    if (frozen()) noGrad.emplace();
    return model->encoderOutput(loadPixels(batch, seeds));
}

torch::Tensor Trainer::Impl::batchLoss(const torch::Tensor &encoderOutput, const torch::Tensor &inputs, const torch::Tensor &targets)
{
    const Bfloat16Autocast autocast(bfloat16);
    const torch::Tensor memory = model->memoryFromEncoderOutput(encoderOutput);
    const torch::Tensor logits = model->decode(inputs, memory).to(torch::kFloat);
    return torch::nn::functional::cross_entropy(
        logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(Vocabulary::kPad).label_smoothing(config.labelSmoothing));
}

EpochRecord Trainer::Impl::evaluateEpoch(int epoch, double trainLoss)
{
    notifyPhase(TrainingPhase::Evaluating, "scoring epoch " + std::to_string(epoch + 1));
    EpochRecord record;
    record.epoch = epoch + 1;
    record.trainLoss = trainLoss;
    record.learningRate = OneCycleSchedule(config.learningRate, state.plannedEpochs * stepsPerEpoch, config.warmupFraction)
                              .at(std::max(0, state.globalStep - 1));
    const int count = config.epochValidationImages > 0 ? std::min<int>(config.epochValidationImages, int(validationImages.size()))
                                                       : int(validationImages.size());
    model->prepareForInference();
    const DecodingOptions options = DecodingOptions::beam(config.evaluationBeam);
    std::vector<CaptionMetrics::Tokens> candidates;
    std::vector<std::vector<CaptionMetrics::Tokens>> references;
    double lossSum = 0;
    int lossBatches = 0, attentionNouns = 0, attentionHits = 0;
    constexpr int kBatch = 16;
    {
        c10::InferenceMode inference;
        for (int first = 0; first < count; first += kBatch) {
            std::vector<std::int64_t> records(validationImages.begin() + first, validationImages.begin() + std::min(count, first + kBatch));
            const torch::Tensor outputs = encoderOutputs(records, epoch, false);
            // Validation loss on each image's first caption, teacher-forced.
            std::vector<std::vector<std::int64_t>> encoded;
            for (const std::int64_t r : records) {
                std::vector<std::int64_t> ids = vocabulary.encode(dataset.validation[std::size_t(r)].captions.front());
                if (ids.size() > std::size_t(modelConfig.decoder.contextLength) + 1) ids.resize(std::size_t(modelConfig.decoder.contextLength) + 1);
                encoded.push_back(std::move(ids));
            }
            std::vector<const std::vector<std::int64_t> *> pointers;
            for (const auto &ids : encoded) pointers.push_back(&ids);
            const auto [inputs, targets] = captionTensors(pointers);
            lossSum += batchLoss(outputs, inputs, targets).item<double>();
            ++lossBatches;
            const auto sequences = BeamSearch(*model, options).run(model->memoryFromEncoderOutput(outputs));
            for (std::size_t i = 0; i < sequences.size(); ++i) {
                const CaptionResult result = CaptionAssembler::assemble(*model, vocabulary, sequences[i], torch::Tensor());
                if (dataset.isSynthetic()) {
                    const int size = dataset.syntheticImageSize;
                    const auto [nouns, hits] = Evaluator::attentionHits(result.words, result.attention,
                                                                        dataset.validation[std::size_t(records[i])].objects, size, size);
                    attentionNouns += nouns;
                    attentionHits += hits;
                }
                candidates.push_back(result.words);
                std::vector<CaptionMetrics::Tokens> refs;
                for (const std::string &caption : dataset.validation[std::size_t(records[i])].captions) refs.push_back(Vocabulary::tokenize(caption));
                references.push_back(std::move(refs));
                if (int(record.samples.size()) < config.sampleImages) {
                    const CaptionedImage &image = dataset.validation[std::size_t(records[i])];
                    record.samples.push_back({image.id, image.imagePath, result.caption, result.words, result.attention});
                }
            }
            if (observer) observer->onProgress(std::min(count, first + kBatch), count);
        }
    }
    model->train();
    if (frozen()) model->encoder().eval();
    record.validationLoss = lossBatches ? lossSum / lossBatches : 0;
    record.scores = CaptionMetrics::compute(candidates, references);
    if (attentionNouns > 0) record.attentionHitRate = double(attentionHits) / attentionNouns; // else undefined, as in Evaluator
    record.elapsedSeconds = elapsed();
    return record;
}

void Trainer::Impl::saveCheckpoint(const fs::path &path)
{
    notifyPhase(TrainingPhase::Saving, "writing checkpoint " + path.filename().string());
    TrainingCheckpoint::Contents contents;
    contents.config = config;
    contents.model = modelConfig;
    contents.vocabulary = vocabulary;
    contents.state = state;
    contents.state.elapsedSeconds = elapsed();
    contents.modelTensors = ModelStorage::stateDict(*model);
    contents.optimizerTensors = optimizerTensors();
    contents.randomState = at::detail::getDefaultCPUGenerator().get_state();
    contents.datasetFingerprint = fingerprint(dataset);
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    TrainingCheckpoint::save(path.string(), contents);
}

void Trainer::Impl::saveModel(const fs::path &path, const std::string &what)
{
    // Epochs completed (state.epoch): when the best model is written its epoch's record has not
    // joined the history yet.
    const std::map<std::string, std::string> provenance{
        {"created_by", "snaption training"},
        {"source", what + ", trained on " + dataset.name + " (" + std::to_string(trainImages.size()) + " images, " +
                       std::to_string(state.epoch) + " epochs)"},
        {"training_config", config.toJson()},
    };
    ModelStorage::save(*model, vocabulary, provenance, path.string());
}

void Trainer::Impl::writeHistory()
{
    nlohmann::json json = nlohmann::json::parse(state.toJson());
    json["config"] = nlohmann::json::parse(config.toJson());
    json["dataset"] = {{"name", dataset.name}, {"format", dataset.format}, {"train_images", trainImages.size()},
                       {"validation_images", validationImages.size()}};
    writeText(output / "history.json", json.dump(1));
    writeText(output / "history.csv", state.epochsCsv());
}

void Trainer::Impl::replan(double secondsPerStep, double secondsPerEpochOverhead)
{
    if (config.maxMinutes <= 0) return;
    // Keep back what the final scoring of every validation image will take (an epoch's scoring of
    // fewer images, scaled) plus saving; then finish the current epoch and fit as many whole epochs
    // as the rest allows. Plans only shrink: a longer schedule would make the learning rate jump.
    const double scoredPerEpoch = double(config.epochValidationImages > 0 ? std::min<std::size_t>(std::size_t(config.epochValidationImages), validationImages.size())
                                                                          : validationImages.size());
    const double reserve = 10.0 + secondsPerEpochOverhead * double(validationImages.size()) / std::max(1.0, scoredPerEpoch);
    const double remaining = config.maxMinutes * 60.0 - reserve - elapsed();
    const double perEpoch = stepsPerEpoch * secondsPerStep + secondsPerEpochOverhead;
    const double currentEpoch = (stepsPerEpoch - state.batch) * secondsPerStep + secondsPerEpochOverhead;
    const int more = perEpoch > 0 ? int(std::floor((remaining - currentEpoch) / perEpoch)) : 0;
    const int planned = std::clamp(state.epoch + 1 + std::max(0, more), state.epoch + 1, config.epochs);
    if (planned < state.plannedEpochs) {
        message("time budget: training " + std::to_string(planned) + " of " + std::to_string(config.epochs) + " epochs (" +
                std::to_string(int(secondsPerStep * 1000)) + " ms per step)");
        state.plannedEpochs = planned;
    }
}

Trainer::Trainer() : m_impl(std::make_unique<Impl>()) {}

Trainer::Trainer(TrainingConfig config, Dataset dataset) : Trainer()
{
    config.validate();
    m_impl->config = std::move(config);
    m_impl->dataset = std::move(dataset);
}

Trainer Trainer::resume(const std::string &checkpoint, Dataset dataset)
{
    Trainer trainer;
    trainer.m_impl->resumeFrom = TrainingCheckpoint::load(checkpoint);
    trainer.m_impl->config = trainer.m_impl->resumeFrom->config;
    if (trainer.m_impl->resumeFrom->datasetFingerprint != fingerprint(dataset))
        throw Error(ErrorKind::BadDataset, checkpoint + ": the checkpoint was trained on different data (" +
                                               trainer.m_impl->resumeFrom->datasetFingerprint + ")");
    trainer.m_impl->dataset = std::move(dataset);
    return trainer;
}

Trainer::~Trainer() = default;
Trainer::Trainer(Trainer &&) noexcept = default;
Trainer &Trainer::operator=(Trainer &&) noexcept = default;

const TrainingConfig &Trainer::config() const { return m_impl->config; }
void Trainer::setObserver(TrainingObserver *observer) { m_impl->observer = observer; }

void Trainer::requestPause(bool paused)
{
    m_impl->paused = paused;
    m_impl->wake.notify_all();
}

void Trainer::requestStop()
{
    m_impl->stop = true;
    m_impl->wake.notify_all();
}

bool Trainer::isPaused() const { return m_impl->paused; }

TrainingResult Trainer::run(const std::string &outputFolder)
{
    Impl &d = *m_impl;
    d.started = Clock::now();
    d.output = outputFolder;
    std::error_code error;
    fs::create_directories(d.output / "checkpoints", error);
    if (error) throw Error(ErrorKind::Io, outputFolder + ": cannot create the output folder (" + error.message() + ")");

    d.notifyPhase(TrainingPhase::Preparing, "preparing " + d.dataset.name);
    if (d.resumeFrom) {
        d.vocabulary = d.resumeFrom->vocabulary;
        d.state = d.resumeFrom->state;
    } else {
        std::vector<std::string> captions;
        for (const CaptionedImage &image : d.dataset.train) captions.insert(captions.end(), image.captions.begin(), image.captions.end());
        d.vocabulary = Vocabulary::fromCaptions(captions, d.config.minWordFrequency);
        d.state.plannedEpochs = d.config.epochs;
        d.message("vocabulary: " + std::to_string(d.vocabulary.size()) + " tokens (words seen at least " +
                  std::to_string(d.config.minWordFrequency) + " times)");
    }
    d.prepareModel();
    d.bfloat16 = d.config.usesBfloat16();
    if (d.bfloat16) d.message("decoder matrix products in bfloat16 (mixed_precision \"" + d.config.mixedPrecision + "\")");
    d.prepareData();
    if (d.resumeFrom) {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        generator.set_state(d.resumeFrom->randomState);
        d.message("resuming at epoch " + std::to_string(d.state.epoch + 1) + ", step " + std::to_string(d.state.globalStep));
        d.resumeFrom.reset(); // frees the checkpoint's tensors
    }

    TrainingResult result;
    d.notifyPhase(TrainingPhase::Training, "training on " + std::to_string(d.trainImages.size()) + " images, " +
                                               std::to_string(d.stepsPerEpoch) + " steps per epoch");
    const Clock::time_point sessionStart = Clock::now();
    constexpr int kUntimedSteps = 10, kTimedSteps = 20;
    Clock::time_point warmStart = sessionStart;
    int sessionSteps = 0;
    double epochOverhead = 0, sessionTrainingSeconds = 0;
    bool earlyStopped = false, budgetCut = false;
    auto rate = Clock::now();
    int rateSteps = 0;
    double samplesPerSecond = 0;

    d.useTrainingThreads();
    while (d.state.epoch < d.state.plannedEpochs && !d.stop && !earlyStopped && !budgetCut) {
        const int epoch = d.state.epoch;
        // This epoch's order and caption choices: functions of the seed and epoch only, so a
        // resumed run sees exactly what an uninterrupted one would.
        std::vector<std::int64_t> order = d.trainImages;
        SplitMix shuffle(d.config.seed, 0xE90C0000ull + std::uint64_t(epoch));
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[std::size_t(shuffle.below(int(i)))]);
        double lossSum = 0;
        int lossCount = 0;
        const auto epochStart = Clock::now();
        for (int batch = d.state.batch; batch < d.stepsPerEpoch; ++batch) {
            d.waitWhilePaused();
            if (d.stop) break;
            if (d.overBudget()) {
                budgetCut = true;
                d.message("time budget reached: stopping training");
                break;
            }
            const int schedule = d.state.plannedEpochs * d.stepsPerEpoch;
            const double learningRate = OneCycleSchedule(d.config.learningRate, schedule, d.config.warmupFraction).at(d.state.globalStep);
            for (auto &group : d.optimizer->param_groups()) static_cast<torch::optim::AdamWOptions &>(group.options()).lr(learningRate);

            const std::size_t first = std::size_t(batch) * std::size_t(d.config.batchSize);
            const std::vector<std::int64_t> records(order.begin() + std::ptrdiff_t(first),
                                                    order.begin() + std::ptrdiff_t(std::min(order.size(), first + std::size_t(d.config.batchSize))));
            std::vector<const std::vector<std::int64_t> *> captions;
            for (const std::int64_t record : records) {
                const auto &options = d.trainCaptions[std::size_t(record)];
                SplitMix pick(d.config.seed ^ 0xCA9ull, std::uint64_t(epoch) * 1000003ull + std::uint64_t(record));
                captions.push_back(&options[std::size_t(pick.below(int(options.size())))]);
            }
            const auto [inputs, targets] = d.captionTensors(captions);
            const torch::Tensor outputs = d.encoderOutputs(records, epoch, true);
            d.optimizer->zero_grad();
            const torch::Tensor loss = d.batchLoss(outputs, inputs, targets);
            loss.backward();
            if (d.config.gradientClip > 0) torch::nn::utils::clip_grad_norm_(d.trainable, d.config.gradientClip);
            d.optimizer->step();

            const double lossValue = loss.item<double>();
            lossSum += lossValue;
            ++lossCount;
            ++d.state.globalStep;
            d.state.batch = batch + 1;
            ++sessionSteps;
            ++rateSteps;
            d.state.steps.push_back({d.state.globalStep, lossValue, learningRate});
            const double rateSeconds = secondsSince(rate);
            if (rateSeconds > 2.0) {
                samplesPerSecond = rateSteps * double(d.config.batchSize) / rateSeconds;
                rate = Clock::now();
                rateSteps = 0;
            }
            const double secondsPerStep = secondsSince(sessionStart) / sessionSteps;
            // The first plan times steps 11 to 30: the first few are slow (threads start, memory
            // is touched) and would cut the budget's epochs for good.
            if (sessionSteps == kUntimedSteps) warmStart = Clock::now();
            if (sessionSteps == kUntimedSteps + kTimedSteps) d.replan(secondsSince(warmStart) / kTimedSteps, epochOverhead);
            if (d.observer) {
                StepRecord step;
                step.epoch = epoch + 1;
                step.step = d.state.globalStep;
                step.stepsPerEpoch = d.stepsPerEpoch;
                step.totalSteps = d.state.plannedEpochs * d.stepsPerEpoch;
                step.loss = lossValue;
                step.learningRate = learningRate;
                step.samplesPerSecond = samplesPerSecond > 0 ? samplesPerSecond : double(d.config.batchSize) / secondsPerStep;
                step.elapsedSeconds = d.elapsed();
                step.etaSeconds = (step.totalSteps - step.step) * secondsPerStep +
                                  (d.state.plannedEpochs - epoch) * epochOverhead;
                d.observer->onStep(step);
            }
        }
        if (d.stop || budgetCut) break;

        // End of epoch: score, keep the best, checkpoint.
        const auto evaluationStart = Clock::now();
        restoreThreads();
        EpochRecord record = d.evaluateEpoch(epoch, lossCount ? lossSum / lossCount : 0);
        d.useTrainingThreads();
        const double value = d.config.bestMetric == "loss" ? -record.validationLoss
                                                           : (d.config.bestMetric == "bleu4" ? record.scores.bleu[3] : record.scores.cider);
        record.best = !d.state.hasBest || value > d.state.bestValue;
        d.state.epoch = epoch + 1;
        d.state.batch = 0;
        if (record.best) {
            d.state.hasBest = true;
            d.state.bestValue = value;
            d.state.bestEpoch = epoch + 1;
            d.state.epochsWithoutImprovement = 0;
            d.saveModel(d.output / "best.safetensors", "best epoch (" + std::to_string(epoch + 1) + ")");
        } else {
            ++d.state.epochsWithoutImprovement;
        }
        if (d.config.checkpointEvery > 0 && (epoch + 1) % d.config.checkpointEvery == 0) {
            char name[32];
            std::snprintf(name, sizeof name, "epoch-%03d.ckpt", epoch + 1);
            d.saveCheckpoint(d.output / "checkpoints" / name);
            record.checkpoint = (d.output / "checkpoints" / name).string();
            result.lastCheckpoint = record.checkpoint;
        }
        EpochRecord stored = record;
        stored.samples.clear();
        d.state.epochs.push_back(stored);
        d.writeHistory();
        if (d.observer) d.observer->onEpoch(record);
        result.epochs = d.state.epoch;
        epochOverhead = secondsSince(evaluationStart);
        sessionTrainingSeconds += secondsSince(epochStart) - epochOverhead;
        d.replan(sessionTrainingSeconds / std::max(1, sessionSteps), epochOverhead);
        if (d.config.earlyStoppingPatience > 0 && d.state.epochsWithoutImprovement >= d.config.earlyStoppingPatience) {
            earlyStopped = true;
            d.message("early stopping: no better " + d.config.bestMetric + " for " + std::to_string(d.config.earlyStoppingPatience) + " epochs");
        }
    }

    restoreThreads();
    result.steps = d.state.globalStep;
    result.stopped = d.stop;
    if (d.stop) {
        // Stop keeps everything needed to continue later.
        const fs::path path = d.output / "checkpoints" / "stopped.ckpt";
        d.saveCheckpoint(path);
        result.lastCheckpoint = path.string();
        d.writeHistory();
        d.message("stopped: resume with " + path.string());
    }
    d.notifyPhase(TrainingPhase::Saving, "writing the final model");
    d.saveModel(d.output / "final.safetensors", "final model");
    result.finalModel = (d.output / "final.safetensors").string();
    if (!d.state.hasBest) d.saveModel(d.output / "best.safetensors", "final model (no epoch completed)");
    result.bestModel = (d.output / "best.safetensors").string();
    result.completed = !d.stop && !budgetCut;

    if (!d.stop) {
        d.notifyPhase(TrainingPhase::Evaluating, "scoring the best model on all " + std::to_string(d.dataset.validation.size()) + " validation images");
        const Captioner captioner(result.bestModel);
        const auto progress = [&d](int done, int total) {
            if (d.observer) d.observer->onProgress(done, total);
        };
        result.validationScores = Evaluator::evaluate(captioner, d.dataset, "dev", DecodingOptions::beam(d.config.evaluationBeam), 0,
                                                      progress, &d.stop)
                                      .scores;
    }
    result.elapsedSeconds = d.elapsed();
    d.notifyPhase(TrainingPhase::Finished, "done");
    return result;
}

} // namespace snaption::training
