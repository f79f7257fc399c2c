#include <snaption/training/trainer.h>

#include <snaption/encoderweights.h>
#include <snaption/error.h>
#include <snaption/threading.h>
#include <snaption/training/confidencecalibrator.h>
#include <snaption/training/evaluator.h>
#include <snaption/modelinfo.h>
#include <snaption/training/imagesource.h>

#include "atomicfile.h"
#include "beamsearch.h"
#include "bfloat16autocast.h"
#include "captionassembler.h"
#include "captionmodel.h"
#include "encoderweightsimpl.h"
#include "featurecache.h"
#include "imagebatch.h"
#include "modelstorage.h"
#include "onecycleschedule.h"
#include "rankgroup.h"
#include "resumesettings.h"
#include "runfolder.h"
#include "selfcriticalobjective.h"
#include "shardedsampler.h"
#include "splitmix.h"
#include "systemmemory.h"
#include "trainingcheckpoint.h"
#include "trainingstate.h"
#include "translatable.h"

#include <torch/nn/functional/loss.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>

#include <array>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <random>
#include <set>

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
    writeFileAtomically(path.string(), std::vector<std::uint8_t>(text.begin(), text.end()));
}

std::string newRunId()
{
    std::random_device random;
    char text[17];
    std::snprintf(text, sizeof text, "%08x%08x", random(), random());
    return text;
}

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// Images named in messages one by one; the rest are counted.
constexpr std::size_t kNamedSkippedImages = 10;

// Runs read(i) for i in [first, last), `threads` at a time; an exception becomes problems[i].
template <typename Read>
void readInParallel(std::size_t first, std::size_t last, int threads, std::vector<std::string> &problems, Read &&read)
{
    std::vector<std::future<void>> jobs;
    for (std::size_t i = first; i < last; ++i) {
        jobs.push_back(std::async(std::launch::async, [&, i] {
            try {
                read(i);
            } catch (const std::exception &error) {
                problems[i] = Error::describe(error);
            }
        }));
        if (int(jobs.size()) >= threads || i + 1 == last) {
            for (auto &job : jobs) job.get();
            jobs.clear();
        }
    }
}

std::string fingerprint(const Dataset &dataset)
{
    return dataset.format + ":" + std::to_string(dataset.train.size()) + "/" + std::to_string(dataset.validation.size()) + ":" +
           (dataset.train.empty() ? "" : dataset.train.front().id) + ":" + std::to_string(dataset.syntheticSeed);
}

} // namespace

// Times the steps of a session: the rate shown, the ETA, and the rates the budget plan is made
// and revised from.
class StepMeter {
public:
    StepMeter() : m_sessionStart(Clock::now()), m_rateStart(m_sessionStart) {}

    // Counts a step of `batchSize` samples that took `seconds`; true when the first plan can be made.
    bool count(int batchSize, double seconds)
    {
        ++m_steps;
        ++m_rateSteps;
        const double rateSeconds = secondsSince(m_rateStart);
        if (rateSeconds > 2.0) {
            m_samplesPerSecond = m_rateSteps * double(batchSize) / rateSeconds;
            m_rateStart = Clock::now();
            m_rateSteps = 0;
        }
        // The first few steps are slow (threads start, memory is touched): they are not timed.
        if (m_steps > kUntimedSteps) {
            m_recent[std::size_t(m_timed % kRecentSteps)] = seconds;
            ++m_timed;
        }
        return m_timed == kFirstPlanSteps;
    }
    // The mean time of the latest timed steps (at most kRecentSteps): what the machine gives now,
    // whether it was busier or idler before.
    double recentSecondsPerStep() const
    {
        const int n = std::min(m_timed, kRecentSteps);
        double sum = 0;
        for (int i = 0; i < n; ++i) sum += m_recent[std::size_t(i)];
        return n > 0 ? sum / n : secondsPerStep();
    }
    // True every kReplanEvery timed steps after the first plan: time to revise it.
    bool revisionDue() const { return m_timed > kFirstPlanSteps && (m_timed - kFirstPlanSteps) % kReplanEvery == 0; }
    double secondsPerStep() const { return secondsSince(m_sessionStart) / std::max(1, m_steps); }
    double samplesPerSecond(int batchSize) const { return m_samplesPerSecond > 0 ? m_samplesPerSecond : double(batchSize) / secondsPerStep(); }

private:
    static constexpr int kUntimedSteps = 10, kFirstPlanSteps = 20, kRecentSteps = 40, kReplanEvery = 20;
    Clock::time_point m_sessionStart, m_rateStart;
    int m_steps = 0, m_rateSteps = 0, m_timed = 0;
    double m_samplesPerSecond = 0;
    std::array<double, kRecentSteps> m_recent{};
};

// Encoder outputs of a batch and the records they belong to: those whose images could be read.
struct EncodedBatch {
    torch::Tensor outputs;
    std::vector<std::int64_t> records;
};

struct Trainer::Impl {
    TrainingConfig config;
    Dataset dataset;
    TrainingObserver *observer = nullptr;
    std::optional<TrainingCheckpoint::Contents> resumeFrom;
    std::vector<std::string> resumeChanges; // settings changed on resume, reported when the run starts

    std::atomic<bool> stop{false};
    std::atomic<bool> paused{false};
    std::mutex mutex;
    std::condition_variable wake;

    // The run.
    Clock::time_point started;
    std::unique_ptr<RunFolder> folder;
    Vocabulary vocabulary;
    std::optional<SubwordModel> subwords; // for a subword vocabulary: what makes and joins its pieces
    CaptionStyle style; // learnt from the training captions when the run starts or resumes
    ModelConfig modelConfig;
    CaptionModel model{nullptr};
    std::vector<torch::Tensor> trainable;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    std::unique_ptr<Augmenter> augmenter;
    FeatureCache trainCache, validationCache;
    std::vector<std::int64_t> trainImages;      // indices of usable training records of this process's shards
    std::int64_t usableTrainImages = 0;         // of all shards (every rank's)
    // Data parallelism (one process: a world of one). Shards of the training records: this
    // process trains ownShards, with the usable records of each in shardImages.
    DistributedSetup distributed;
    std::unique_ptr<RankGroup> group;
    int shards = 1;
    std::vector<int> ownShards{0};
    std::vector<std::vector<std::int64_t>> shardImages;
    std::vector<std::int64_t> validationImages; // indices of usable validation records
    // Uncached runs read images every step: records that failed there are skipped from then on.
    std::set<std::int64_t> unreadableTrain, unreadableValidation;
    std::vector<std::vector<std::vector<std::int64_t>>> trainCaptions; // per record: token ids per caption
    std::unique_ptr<SelfCriticalObjective> selfCritical; // the "cider" objective
    // The running epoch's losses and (self-critical) rewards, for its record.
    struct EpochSums {
        double loss = 0, meanReward = 0, greedyReward = 0;
        int steps = 0, rewardSteps = 0;
    } epochSums;
    TrainingState state;
    int stepsPerEpoch = 0;
    bool bfloat16 = false; // training steps' matrix products (config.mixedPrecision resolved)
    double epochOverhead = 0;
    int stepsThisSession = 0;
    bool resumedWithNewPlan = false; // the plan is set once the epoch's length is known

    // Patterns are marked with QT_TRANSLATE_NOOP (translatable.h) for the programs' translations.
    void notifyPhase(TrainingPhase phase, const TrainingText &text) const
    {
        if (observer) observer->onPhase(phase, text);
    }
    void message(const TrainingText &text) const
    {
        if (observer) observer->onMessage(text);
    }
    double elapsed() const { return state.elapsedSeconds + secondsSince(started); }
    // The run's stages: cross-entropy epochs, then (config.ciderStageEpochs) a self-critical stage.
    bool inCiderStage() const { return state.stage > 0; }
    bool ciderStageFollows() const { return !inCiderStage() && config.ciderStageEpochs > 0; }
    bool selfCriticalSteps() const { return config.objective == "cider" || inCiderStage(); }
    int stageEpochLimit() const { return inCiderStage() ? state.stageStartEpoch + config.ciderStageEpochs : config.epochs; }
    int stageStep() const { return state.globalStep - state.stageStartStep; }
    // When the running stage must end: the first keeps the CIDEr stage's share of the budget.
    double stageDeadlineSeconds() const { return config.maxMinutes * 60.0 * (ciderStageFollows() ? 1.0 - config.ciderStageBudgetShare : 1.0); }
    bool overBudget() const { return config.maxMinutes > 0 && elapsed() > stageDeadlineSeconds(); }
    bool frozen() const { return config.freezeEncoder; }
    bool cached() const { return config.freezeEncoder && config.cacheFeatures; }
    bool initialised() const { return !resumeFrom && !config.initFrom.empty(); }
    bool leads() const { return distributed.leads(); }
    int globalBatch() const { return config.batchSize * shards; }

    // LibTorch's OpenMP pool and OpenBLAS's threads would fight over the cores, so training steps
    // give them to one of the two. A frozen encoder leaves the decoder's matrix products (OpenBLAS
    // in fp32); a trained one adds its convolutions' forward and backward passes (oneDNN, on the
    // pool), which outweigh them: 195 instead of 150 samples/s for synthetic-accurate on two cores.
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

    TrainingResult run(const std::string &outputFolder);
    void startRun();
    void restoreBestModel();
    bool isThisRunsBestModel(const fs::path &path) const;
    void prepareModel();
    void prepareData();
    void verifyImages(const std::vector<CaptionedImage> &records, std::set<std::int64_t> &unreadable, const std::vector<std::int64_t> *subset = nullptr);
    void noteSkipped(const CaptionedImage &record, const std::string &reason);
    void restoreOptimizer(const TensorMap &tensors);
    TensorMap optimizerTensors();
    std::vector<std::int64_t> encodeCaption(const std::string &caption) const;
    void learnStyle(const std::vector<std::string> &captions);
    void startFromModel(const std::vector<std::string> &captions);
    void prepareSelfCritical();
    CiderDScorer::Tokens generatedWords(const std::vector<std::int64_t> &ids) const;
    torch::Tensor crossEntropyStep(const EncodedBatch &encoded, int epoch);
    torch::Tensor selfCriticalStep(const EncodedBatch &encoded, int epoch, StepRecord &step);
    std::pair<torch::Tensor, torch::Tensor> captionTensors(const std::vector<const std::vector<std::int64_t> *> &captions) const;
    EncodedBatch loadAndEncode(const std::vector<std::int64_t> &records, int epoch, bool training);
    EncodedBatch encoderOutputs(const std::vector<std::int64_t> &records, int epoch, bool training);
    // The mean over the target tokens, or (summed) their sum.
    torch::Tensor batchLoss(const torch::Tensor &encoderOutput, const torch::Tensor &inputs, const torch::Tensor &targets, bool summed = false);
    std::vector<const std::vector<std::int64_t> *> trainingCaptions(const std::vector<std::int64_t> &records, int epoch) const;
    bool trainEpochs(TrainingResult &result);
    void startCiderStage();
    bool trainEpoch(int epoch, StepMeter &meter);
    void trainStep(int epoch, const std::vector<std::int64_t> &records, int batch, StepMeter &meter);
    void distributedStep(const EncodedBatch &encoded, int epoch, double &lossValue);
    void joinRanks();
    void layOutShards();
    void checkRanksAgree();
    bool agreeBeforeStep();
    bool agreeAfterEpoch(bool leaderContinues);
    bool agreeOnStop(const char *during);
    void agree(std::vector<double> &decisions, const char *during);
    EpochRecord evaluateEpoch(int epoch);
    bool finishEpoch(int epoch, const StepMeter &meter, TrainingResult &result);
    void finishRun(bool budgetCut, TrainingResult &result);
    ConfidenceCalibration calibrateBestModel(const EvaluationResult &evaluation, const DecodingOptions &decoding, const std::string &bestModel);
    void saveCheckpoint(const fs::path &path);
    void writeHistory();
    void saveModel(const fs::path &path, const std::string &role, int epoch);
    OneCycleSchedule schedule() const;
    void setPlannedEpochs(int epochs);
    int epochsThatFit(double secondsPerStep, double secondsPerEpochOverhead) const;
    void replan(double secondsPerStep, double secondsPerEpochOverhead);
};

void Trainer::Impl::startRun()
{
    if (folder)
        for (const TrainingText &note : folder->notes()) message(note);
    notifyPhase(TrainingPhase::Preparing, {QT_TRANSLATE_NOOP("Trainer", "preparing %1"), {dataset.name}});
    std::vector<std::string> captions;
    for (const CaptionedImage &image : dataset.train) captions.insert(captions.end(), image.captions.begin(), image.captions.end());
    if (resumeFrom) {
        vocabulary = resumeFrom->vocabulary;
        subwords = resumeFrom->subwords;
        learnStyle(captions); // the same captions: the same forms
        state = resumeFrom->state;
        for (const std::string &change : resumeChanges) message({QT_TRANSLATE_NOOP("Trainer", "resume: %1"), {change}});
        // A changed length or budget is a new plan (the budget planner may shrink it again).
        const TrainingConfig &before = resumeFrom->config;
        resumedWithNewPlan = config.epochs != before.epochs || config.maxMinutes != before.maxMinutes || config.ciderStageEpochs != before.ciderStageEpochs ||
                             config.ciderStageBudgetShare != before.ciderStageBudgetShare;
        if (state.runId.empty()) state.runId = newRunId();
        if (folder) restoreBestModel();
        return;
    }
    if (initialised()) {
        startFromModel(captions);
        return;
    }
    if (config.vocabulary == "subwords") {
        message({QT_TRANSLATE_NOOP("Trainer", "learning a subword vocabulary of %1 pieces"), {std::to_string(config.subwordPieces)}});
        subwords = SubwordModel::train(captions, config.subwordPieces);
        vocabulary = subwords->vocabulary();
        message({QT_TRANSLATE_NOOP("Trainer", "vocabulary: %1 subword pieces"), {std::to_string(vocabulary.size())}});
    } else {
        vocabulary = Vocabulary::fromCaptions(captions, config.minWordFrequency);
        message({QT_TRANSLATE_N_NOOP("Trainer", "vocabulary: %1 tokens (words seen at least %n time(s))"), {std::to_string(vocabulary.size())}, config.minWordFrequency});
    }
    learnStyle(captions);
    state.plannedEpochs = config.epochs;
    state.runId = newRunId();
}

// A run that continues a trained model (initFrom) takes its vocabulary and caption language; the
// model's weights are read in prepareModel.
void Trainer::Impl::startFromModel(const std::vector<std::string> &captions)
{
    const ModelInfo info = ModelInfo::read(config.initFrom);
    message({QT_TRANSLATE_NOOP("Trainer", "starting from %1"), {config.initFrom}});
    vocabulary = info.vocabulary;
    subwords = info.subwords;
    if (info.style.language() != config.language)
        message({QT_TRANSLATE_NOOP("Trainer", "caption language: %1, the model's (not %2)"), {info.style.language(), config.language}});
    config.language = info.style.language();
    config.model = info.config;
    learnStyle(captions);
    state.plannedEpochs = config.epochs;
    state.runId = newRunId();
}

void Trainer::Impl::learnStyle(const std::vector<std::string> &captions)
{
    // A subword model can write any word of the captions, so every one gets its written form.
    style = subwords ? CaptionStyle::learn(config.language, captions) : CaptionStyle::learn(config.language, captions, vocabulary);
}

bool Trainer::Impl::isThisRunsBestModel(const fs::path &path) const
{
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return false;
    try {
        const ModelInfo info = ModelInfo::read(path.string());
        const auto field = [&](const char *key) {
            const auto it = info.provenance.find(key);
            return it == info.provenance.end() ? std::string() : it->second;
        };
        // Models from before run ids were recorded cannot be told apart: trusted as before.
        if (field("run_id").empty()) return true;
        return field("run_id") == state.runId && field("epoch") == std::to_string(state.bestEpoch);
    } catch (const Error &) {
        return false;
    }
}

// A resumed run continues the earlier run's best model: it is in the output folder (resumed in
// place), or in the earlier run's folder (resumed into a new one: copied). Without it the next
// finished epoch becomes the best, as a model the final scoring can read must exist.
void Trainer::Impl::restoreBestModel()
{
    if (!state.hasBest || isThisRunsBestModel(folder->bestModel())) return;
    const fs::path earlier = resumeFrom->outputFolder.empty() ? fs::path() : fs::path(resumeFrom->outputFolder) / "best.safetensors";
    std::error_code error;
    if (!earlier.empty() && !fs::equivalent(earlier, folder->bestModel(), error) && isThisRunsBestModel(earlier)) {
        fs::copy_file(earlier, folder->bestModel(), fs::copy_options::overwrite_existing, error);
        if (!error) {
            message({QT_TRANSLATE_NOOP("Trainer", "copied the best model so far (epoch %1) from %2"), {std::to_string(state.bestEpoch), earlier.string()}});
            return;
        }
    }
    if (earlier.empty())
        message({QT_TRANSLATE_NOOP("Trainer", "the best model so far (epoch %1) is not in %2: the next finished epoch's model becomes the best"),
                 {std::to_string(state.bestEpoch), folder->path().string()}});
    else
        message({QT_TRANSLATE_NOOP("Trainer", "the best model so far (epoch %1) is not in %2 or %3: the next finished epoch's model becomes the best"),
                 {std::to_string(state.bestEpoch), folder->path().string(), earlier.parent_path().string()}});
    state.hasBest = false;
}

void Trainer::Impl::prepareModel()
{
    modelConfig = resumeFrom ? resumeFrom->model : config.model;
    std::optional<EncoderWeights> weights;
    if (initialised() && !config.encoderWeights.empty())
        message({QT_TRANSLATE_NOOP("Trainer", "the encoder's weights come from %1; %2 is not used"), {config.initFrom, config.encoderWeights}});
    if (!resumeFrom && !initialised() && !config.encoderWeights.empty()) {
        weights = EncoderWeights::read(config.encoderWeights);
        const bool seed = modelConfig.architecture == ModelConfig::kArchitectureSeed;
        modelConfig.encoder = weights->config();
        if (!seed) modelConfig.encoder.classifierClasses = 0;
        message({QT_TRANSLATE_NOOP("Trainer", "encoder: %1"), {weights->description()}});
    } else if (!resumeFrom && modelConfig.architecture == ModelConfig::kArchitectureSeed && modelConfig.encoder.classifierClasses == 0) {
        modelConfig.encoder.classifierClasses = 1000;
    }
    if (!resumeFrom && !initialised() && frozen() && config.encoderWeights.empty())
        message({QT_TRANSLATE_NOOP("Trainer", "warning: the encoder is frozen but starts from random weights"), {}});
    modelConfig.validate();
    // Weights, gradients and AdamW's two moments: 16 bytes per parameter, before activations.
    const std::int64_t parameters = modelConfig.parameterCount(std::int64_t(vocabulary.size()));
    requireMemory(std::uint64_t(parameters) * 16, "training a model of " + std::to_string(parameters / 1'000'000) + " million parameters");
    torch::manual_seed(config.seed);
    model = CaptionModel(modelConfig, std::int64_t(vocabulary.size()));
    if (resumeFrom) ModelStorage::loadStateDict(*model, resumeFrom->modelTensors, "checkpoint");
    else if (initialised()) ModelStorage::loadStateDict(*model, ModelStorage::stateDict(*ModelStorage::load(config.initFrom).model), config.initFrom);
    else if (weights) model->encoder().loadWeights(EncoderWeightsTensors::of(*weights), config.encoderWeights);
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
        const auto squares = tensors.find(prefix + "exp_avg_sq");
        const auto steps = tensors.find(prefix + "step");
        if (squares == tensors.end() || steps == tensors.end() || steps->second.numel() != 1 || average->second.sizes() != trainable[i].sizes() ||
            squares->second.sizes() != trainable[i].sizes())
            throw Error(ErrorKind::BadModel, "checkpoint: optimiser state does not fit the model");
        auto state = std::make_unique<torch::optim::AdamWParamState>();
        state->exp_avg(average->second.to(torch::kFloat).clone());
        state->exp_avg_sq(squares->second.to(torch::kFloat).clone());
        state->step(steps->second.to(torch::kLong).item<std::int64_t>());
        optimizer->state()[c10::guts::to_string(trainable[i].unsafeGetTensorImpl())] = std::move(state);
    }
}

std::vector<std::int64_t> Trainer::Impl::encodeCaption(const std::string &caption) const
{
    // <START> words <END>, cut to the context: the decoder sees at most contextLength tokens.
    std::vector<std::int64_t> ids = subwords ? subwords->encode(caption) : vocabulary.encode(caption);
    if (ids.size() > std::size_t(modelConfig.decoder.contextLength) + 1) ids.resize(std::size_t(modelConfig.decoder.contextLength) + 1);
    return ids;
}

void Trainer::Impl::noteSkipped(const CaptionedImage &record, const std::string &reason)
{
    state.skippedImages.push_back(record.id + ": " + reason);
    if (state.skippedImages.size() <= kNamedSkippedImages)
        message({QT_TRANSLATE_NOOP("Trainer", "skipped an unreadable image: %1 (%2)"), {record.id, reason}});
    else if (state.skippedImages.size() == kNamedSkippedImages + 1)
        message({QT_TRANSLATE_NOOP("Trainer", "skipping more unreadable images (all are listed in history.json)"), {}});
}

// Decodes every image of an uncached run once before training, as the feature cache does for a
// cached one, so that unreadable images are reported up front instead of failing a step.
// `subset`: the only records to check (a rank's shards), all when null.
void Trainer::Impl::verifyImages(const std::vector<CaptionedImage> &records, std::set<std::int64_t> &unreadable,
                                 const std::vector<std::int64_t> *subset)
{
    if (dataset.isSynthetic()) return; // rendered, not read
    std::vector<std::int64_t> positions;
    if (subset) positions = *subset;
    else
        for (std::size_t i = 0; i < records.size(); ++i) positions.push_back(std::int64_t(i));
    std::vector<std::string> problems(positions.size());
    constexpr std::size_t kChunk = 64;
    for (std::size_t first = 0; first < positions.size(); first += kChunk) {
        if (stop) throw Error(ErrorKind::Cancelled, "training cancelled");
        readInParallel(first, std::min(positions.size(), first + kChunk), config.loaderThreads, problems,
                       [&](std::size_t k) { ImageSource::load(dataset, records[std::size_t(positions[k])]); });
        if (observer) observer->onProgress(int(std::min(positions.size(), first + kChunk)), int(positions.size()));
    }
    for (std::size_t k = 0; k < positions.size(); ++k) {
        if (problems[k].empty()) continue;
        unreadable.insert(positions[k]);
        noteSkipped(records[std::size_t(positions[k])], problems[k]);
    }
}

void Trainer::Impl::prepareData()
{
    if (dataset.train.empty()) throw Error(ErrorKind::BadDataset, dataset.name + ": no training images");
    if (dataset.validation.empty()) throw Error(ErrorKind::BadDataset, dataset.name + ": no validation images");
    trainCaptions.assign(dataset.train.size(), {});
    std::vector<std::int64_t> captioned;
    for (std::size_t i = 0; i < dataset.train.size(); ++i) {
        for (const std::string &caption : dataset.train[i].captions) {
            std::vector<std::int64_t> ids = encodeCaption(caption);
            if (ids.size() > 2) trainCaptions[i].push_back(std::move(ids));
        }
        if (!trainCaptions[i].empty()) captioned.push_back(std::int64_t(i));
    }
    if (config.augment) augmenter = std::make_unique<Augmenter>(config.augmentation);
    if (selfCriticalSteps()) prepareSelfCritical();

    // This process's shards; a rank caches only their images.
    const std::vector<std::vector<std::int64_t>> partition = ShardedSampler::partition(captioned, shards, config.seed);
    std::vector<std::int64_t> own;
    for (const int shard : ownShards) own.insert(own.end(), partition[std::size_t(shard)].begin(), partition[std::size_t(shard)].end());
    std::sort(own.begin(), own.end());

    trainImages.clear();
    validationImages.clear();
    state.skippedImages.clear(); // found again, in the same order, on every start
    const auto progress = [this](int done, int total) {
        if (observer) observer->onProgress(done, total);
    };
    std::vector<bool> trainUsable(dataset.train.size(), true), validationUsable(dataset.validation.size(), true);
    if (cached()) {
        notifyPhase(TrainingPhase::ExtractingFeatures, {QT_TRANSLATE_N_NOOP("Trainer", "computing encoder features of %1 training images (%n view(s) each)"),
                                                        {std::to_string(group ? own.size() : dataset.train.size())}, config.featureViews});
        const std::string disk = config.cacheFolder.empty() ? "" : (fs::path(config.cacheFolder) / "train-features.f16").string();
        trainCache.build(*model, dataset, dataset.train, config.featureViews, augmenter.get(), config.seed, config.loaderThreads, disk,
                         progress, stop, group ? &own : nullptr);
        trainUsable = trainCache.usable();
        if (leads()) { // only rank 0 scores
            notifyPhase(TrainingPhase::ExtractingFeatures,
                        {QT_TRANSLATE_NOOP("Trainer", "computing encoder features of %1 validation images"), {std::to_string(dataset.validation.size())}});
            const std::string validationDisk = config.cacheFolder.empty() ? "" : (fs::path(config.cacheFolder) / "validation-features.f16").string();
            validationCache.build(*model, dataset, dataset.validation, 1, nullptr, config.seed, config.loaderThreads, validationDisk, progress, stop);
            validationUsable = validationCache.usable();
        }
        for (std::size_t i = 0; i < dataset.train.size(); ++i)
            if (!trainUsable[i] && !trainCache.problems()[i].empty()) noteSkipped(dataset.train[i], trainCache.problems()[i]);
        for (std::size_t i = 0; leads() && i < dataset.validation.size(); ++i)
            if (!validationUsable[i]) noteSkipped(dataset.validation[i], validationCache.problems()[i]);
    } else {
        notifyPhase(TrainingPhase::Preparing, {QT_TRANSLATE_NOOP("Trainer", "checking that the images can be read"), {}});
        unreadableTrain.clear();
        unreadableValidation.clear();
        verifyImages(dataset.train, unreadableTrain, group ? &own : nullptr);
        if (leads()) verifyImages(dataset.validation, unreadableValidation);
        for (const std::int64_t i : unreadableTrain) trainUsable[std::size_t(i)] = false;
        for (const std::int64_t i : unreadableValidation) validationUsable[std::size_t(i)] = false;
    }
    shardImages.assign(std::size_t(shards), {});
    std::int64_t largestShard = 0;
    for (const int shard : ownShards) {
        for (const std::int64_t i : partition[std::size_t(shard)])
            if (trainUsable[std::size_t(i)]) shardImages[std::size_t(shard)].push_back(i);
        largestShard = std::max<std::int64_t>(largestShard, std::int64_t(shardImages[std::size_t(shard)].size()));
        trainImages.insert(trainImages.end(), shardImages[std::size_t(shard)].begin(), shardImages[std::size_t(shard)].end());
    }
    std::sort(trainImages.begin(), trainImages.end());
    for (std::size_t i = 0; leads() && i < dataset.validation.size(); ++i) {
        if (validationUsable[i]) validationImages.push_back(std::int64_t(i));
    }
    usableTrainImages = std::int64_t(trainImages.size());
    if (group) { // every rank steps the same number of times, and reports global numbers
        std::vector<double> counts{double(usableTrainImages)};
        group->sum(counts, "counting the usable training images");
        usableTrainImages = std::int64_t(counts[0]);
        largestShard = std::int64_t(group->maximum(double(largestShard), "counting the usable training images"));
    }
    if (!state.skippedImages.empty())
        message({QT_TRANSLATE_N_NOOP("Trainer", "unreadable images skipped: %n; training uses %1 of %2 training images"),
                 {std::to_string(usableTrainImages), std::to_string(dataset.train.size())}, int(state.skippedImages.size())});
    if (usableTrainImages == 0) throw Error(ErrorKind::BadDataset, dataset.name + ": none of the training images is usable");
    if (leads() && validationImages.empty()) throw Error(ErrorKind::BadDataset, dataset.name + ": none of the validation images is usable");
    stepsPerEpoch = ShardedSampler::stepsPerEpoch(largestShard, config.batchSize);
    if (state.batch > stepsPerEpoch) throw Error(ErrorKind::BadModel, "checkpoint: its position lies beyond this dataset's epoch");
    if (resumedWithNewPlan) setPlannedEpochs(std::max(stageEpochLimit(), state.epoch));
}

void Trainer::Impl::prepareSelfCritical()
{
    std::vector<std::vector<CiderDScorer::Tokens>> references(dataset.train.size());
    for (std::size_t i = 0; i < dataset.train.size(); ++i) {
        for (const std::string &caption : dataset.train[i].captions) references[i].push_back(Vocabulary::tokenize(caption));
    }
    selfCritical = std::make_unique<SelfCriticalObjective>(
        references, config.samplesPerImage, [this](const std::vector<std::int64_t> &ids) { return generatedWords(ids); }, config.sampleTemperature);
    char temperature[16];
    std::snprintf(temperature, sizeof temperature, "%g", config.sampleTemperature);
    message({QT_TRANSLATE_NOOP("Trainer", "self-critical training: %1 captions per image sampled at temperature %2, rewarded by CIDEr-D"),
             {std::to_string(config.samplesPerImage), temperature}});
}

// The words of generated ids as Vocabulary::tokenize writes the references.
CiderDScorer::Tokens Trainer::Impl::generatedWords(const std::vector<std::int64_t> &ids) const
{
    std::vector<std::int64_t> finished(ids.begin(), std::find(ids.begin(), ids.end(), Vocabulary::kEnd));
    std::string text;
    if (subwords) {
        for (const SubwordModel::WordPieces &word : subwords->words(finished)) text += word.word + " ";
    } else {
        for (const std::string &word : vocabulary.decode(finished)) text += word + " ";
    }
    return Vocabulary::tokenize(text);
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

// Reads, augments and encodes the images of an uncached batch. An image that fails (its file
// changed since it was checked) is left out of this and every later batch.
EncodedBatch Trainer::Impl::loadAndEncode(const std::vector<std::int64_t> &records, int epoch, bool training)
{
    const std::vector<CaptionedImage> &split = training ? dataset.train : dataset.validation;
    std::set<std::int64_t> &unreadable = training ? unreadableTrain : unreadableValidation;
    std::vector<std::int64_t> wanted;
    for (const std::int64_t record : records)
        if (!unreadable.count(record)) wanted.push_back(record);
    std::vector<RgbImage> images(wanted.size());
    std::vector<std::string> problems(wanted.size());
    readInParallel(0, wanted.size(), config.loaderThreads, problems, [&](std::size_t i) {
        const std::uint64_t seed = training ? (config.seed + 1) * 7919ull + std::uint64_t(epoch) * 1000003ull + std::uint64_t(wanted[i]) : 0;
        RgbImage image = ImageSource::load(dataset, split[std::size_t(wanted[i])]);
        images[i] = augmenter && seed ? augmenter->apply(image, seed) : std::move(image);
    });
    EncodedBatch batch;
    std::vector<RgbImage> readable;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (!problems[i].empty()) {
            unreadable.insert(wanted[i]);
            noteSkipped(split[std::size_t(wanted[i])], problems[i]);
            continue;
        }
        batch.records.push_back(wanted[i]);
        readable.push_back(std::move(images[i]));
    }
    if (batch.records.empty()) return batch;
    std::optional<torch::NoGradGuard> noGrad;
    if (frozen()) noGrad.emplace();
    const EncoderConfig &encoder = modelConfig.encoder;
    batch.outputs = model->encoderOutput(ImageBatch::preprocess(readable, encoder.inputSize, encoder.normalization));
    return batch;
}

// Encoder outputs of records: from the cache (frozen), computed again (frozen, no cache) or
// computed with gradients.
EncodedBatch Trainer::Impl::encoderOutputs(const std::vector<std::int64_t> &records, int epoch, bool training)
{
    if (!cached()) return loadAndEncode(records, epoch, training);
    std::vector<int> views;
    for (const std::int64_t record : records) {
        SplitMix random(config.seed ^ 0x5EEDull, std::uint64_t(epoch) * 1000003ull + std::uint64_t(record));
        // Self-critical steps see each image as it is: the samples, not augmentation, vary them.
        views.push_back(training && !selfCritical ? random.below(trainCache.views()) : 0);
    }
    return {training ? trainCache.gather(records, views) : validationCache.gather(records, views), records};
}

torch::Tensor Trainer::Impl::batchLoss(const torch::Tensor &encoderOutput, const torch::Tensor &inputs, const torch::Tensor &targets, bool summed)
{
    const Bfloat16Autocast autocast(bfloat16);
    const torch::Tensor memory = model->memoryFromEncoderOutput(encoderOutput);
    const torch::Tensor logits = model->decode(inputs, memory).to(torch::kFloat);
    return torch::nn::functional::cross_entropy(
        logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions()
            .ignore_index(Vocabulary::kPad)
            .label_smoothing(config.labelSmoothing)
            .reduction(summed ? torch::nn::functional::CrossEntropyFuncOptions::reduction_t(torch::kSum)
                              : torch::nn::functional::CrossEntropyFuncOptions::reduction_t(torch::kMean)));
}

EpochRecord Trainer::Impl::evaluateEpoch(int epoch)
{
    notifyPhase(TrainingPhase::Evaluating, {QT_TRANSLATE_NOOP("Trainer", "scoring epoch %1"), {std::to_string(epoch + 1)}});
    EpochRecord record;
    record.epoch = epoch + 1;
    record.trainLoss = epochSums.steps ? epochSums.loss / epochSums.steps : 0;
    if (epochSums.rewardSteps > 0) {
        record.meanReward = epochSums.meanReward / epochSums.rewardSteps;
        record.greedyReward = epochSums.greedyReward / epochSums.rewardSteps;
    }
    record.learningRate = schedule().at(std::max(0, stageStep() - 1));
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
            const std::vector<std::int64_t> wanted(validationImages.begin() + first, validationImages.begin() + std::min(count, first + kBatch));
            const EncodedBatch batch = encoderOutputs(wanted, epoch, false);
            if (batch.records.empty()) continue;
            // Validation loss on each image's first caption, teacher-forced.
            std::vector<std::vector<std::int64_t>> encoded;
            for (const std::int64_t r : batch.records) encoded.push_back(encodeCaption(dataset.validation[std::size_t(r)].captions.front()));
            std::vector<const std::vector<std::int64_t> *> pointers;
            for (const auto &ids : encoded) pointers.push_back(&ids);
            const auto [inputs, targets] = captionTensors(pointers);
            lossSum += batchLoss(batch.outputs, inputs, targets).item<double>();
            ++lossBatches;
            const auto sequences = BeamSearch(*model, options).run(model->memoryFromEncoderOutput(batch.outputs));
            for (std::size_t i = 0; i < sequences.size(); ++i) {
                const CaptionedImage &image = dataset.validation[std::size_t(batch.records[i])];
                const CaptionResult result = CaptionAssembler::assemble(*model, vocabulary, style, subwords, sequences[i], torch::Tensor());
                if (dataset.isSynthetic()) {
                    const int size = dataset.syntheticImageSize;
                    const auto [nouns, hits] = Evaluator::attentionHits(Evaluator::lowerCaseWords(result), result.attention, image.objects, size, size);
                    attentionNouns += nouns;
                    attentionHits += hits;
                }
                candidates.push_back(Vocabulary::tokenize(result.caption));
                std::vector<CaptionMetrics::Tokens> refs;
                for (const std::string &caption : image.captions) refs.push_back(Vocabulary::tokenize(caption));
                references.push_back(std::move(refs));
                if (int(record.samples.size()) < config.sampleImages)
                    record.samples.push_back({image.id, image.imagePath, result.caption, result.words, result.attention});
            }
            if (observer) observer->onProgress(std::min(count, first + kBatch), count);
            if (group) group->beat(); // the other ranks wait while rank 0 scores
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
    notifyPhase(TrainingPhase::Saving, {QT_TRANSLATE_NOOP("Trainer", "writing checkpoint %1"), {path.filename().string()}});
    TrainingCheckpoint::Contents contents;
    contents.config = config;
    contents.model = modelConfig;
    contents.vocabulary = vocabulary;
    contents.subwords = subwords;
    contents.state = state;
    contents.state.elapsedSeconds = elapsed();
    contents.modelTensors = ModelStorage::stateDict(*model);
    contents.optimizerTensors = optimizerTensors();
    contents.randomState = at::detail::getDefaultCPUGenerator().get_state();
    contents.datasetFingerprint = fingerprint(dataset);
    contents.dataSource = dataset.source;
    contents.dataFormat = dataset.format;
    contents.outputFolder = fs::absolute(folder->path()).lexically_normal().string();
    TrainingCheckpoint::save(path.string(), contents);
}

// `role`: "best" or "final". Besides the English "source", the parts are stored alone, so that a
// program can describe the model in its user's language.
void Trainer::Impl::saveModel(const fs::path &path, const std::string &role, int epoch)
{
    const std::string what = role == "best" ? "best epoch (" + std::to_string(epoch) + ")" : epoch > 0 ? "final model" : "final model (no epoch completed)";
    const std::map<std::string, std::string> provenance{
        {"created_by", "snaption training"},
        {"source", what + ", trained on " + dataset.name + " (" + std::to_string(usableTrainImages) + " images, " + std::to_string(epoch) +
                       " epochs)"},
        {"role", role},
        {"dataset", dataset.name},
        {"train_images", std::to_string(usableTrainImages)},
        {"training_config", config.toJson()},
        {"run_id", state.runId},
        {"epoch", std::to_string(epoch)},
    };
    ModelStorage::save(*model, vocabulary, style, subwords, provenance, path.string());
}

void Trainer::Impl::writeHistory()
{
    nlohmann::json json = nlohmann::json::parse(state.toJson());
    json["config"] = nlohmann::json::parse(config.toJson());
    json["dataset"] = {{"name", dataset.name},
                       {"format", dataset.format},
                       {"source", dataset.source},
                       {"train_images", usableTrainImages},
                       {"validation_images", validationImages.size()},
                       {"report", nlohmann::json::parse(dataset.report.toJson())}};
    writeText(folder->history("json"), json.dump(1));
    writeText(folder->history("csv"), state.epochsCsv());
}

// The running stage's learning-rate cycle, over its own steps (stageStep()).
OneCycleSchedule Trainer::Impl::schedule() const
{
    const double peak = inCiderStage() ? config.ciderStageLearningRate : config.learningRate;
    const double warmup = inCiderStage() ? config.ciderStageWarmupFraction : config.warmupFraction;
    return OneCycleSchedule(peak, (state.plannedEpochs - state.stageStartEpoch) * stepsPerEpoch, warmup, {state.scheduleAnchorStep, state.scheduleAnchorProgress});
}

// A new length for the learning-rate cycle, continuing from where it stands now.
void Trainer::Impl::setPlannedEpochs(int epochs)
{
    const OneCycleSchedule::Anchor anchor = schedule().resized(stageStep(), (epochs - state.stageStartEpoch) * stepsPerEpoch).anchor();
    state.scheduleAnchorStep = anchor.step;
    state.scheduleAnchorProgress = anchor.progress;
    state.plannedEpochs = epochs;
}

// How many epochs in all fit the time budget at these rates: the one under way is finished, and
// what scoring every validation image at the end takes (an epoch's scoring of fewer images,
// scaled) plus saving is kept back.
int Trainer::Impl::epochsThatFit(double secondsPerStep, double secondsPerEpochOverhead) const
{
    const double scoredPerEpoch = double(config.epochValidationImages > 0 ? std::min<std::size_t>(std::size_t(config.epochValidationImages), validationImages.size())
                                                                          : validationImages.size());
    const double reserve = 3.0 + secondsPerEpochOverhead * double(validationImages.size()) / std::max(1.0, scoredPerEpoch);
    const double remaining = stageDeadlineSeconds() - reserve - elapsed();
    const double perEpoch = stepsPerEpoch * secondsPerStep + secondsPerEpochOverhead;
    // Between epochs (batch 0 after one finished) no epoch is under way: the plan may end here.
    const bool underWay = state.batch > 0 || state.epoch == state.stageStartEpoch;
    const double currentEpoch = underWay ? (stepsPerEpoch - state.batch) * secondsPerStep + secondsPerEpochOverhead : 0.0;
    const int done = underWay ? state.epoch + 1 : state.epoch;
    const int more = perEpoch > 0 ? int(std::floor((remaining - currentEpoch) / perEpoch)) : 0;
    return std::clamp(done + std::max(0, more), done, stageEpochLimit());
}

// Revises the plan to what fits the budget at the measured rate, in both directions: a machine
// that was busy while the first plan was made gets its epochs back once it is idle again. The
// schedule keeps its progress (no learning-rate jump); growing needs a tenth to spare, so that a
// rate near the border does not flip the plan back and forth.
void Trainer::Impl::replan(double secondsPerStep, double secondsPerEpochOverhead)
{
    if (config.maxMinutes <= 0) return;
    int planned = epochsThatFit(secondsPerStep, secondsPerEpochOverhead);
    if (planned > state.plannedEpochs) planned = std::max(state.plannedEpochs, epochsThatFit(secondsPerStep * 1.1, secondsPerEpochOverhead * 1.1));
    if (planned == state.plannedEpochs) return;
    message({QT_TRANSLATE_N_NOOP("Trainer", "time budget: training %1 of %n epoch(s) (%2 ms per step)"),
             {std::to_string(planned), std::to_string(int(secondsPerStep * 1000))}, stageEpochLimit()});
    setPlannedEpochs(planned);
}

// Cross-entropy on one caption per image. Each record's caption is a function of the seed, epoch
// and record only, whatever else the batch holds, so a resumed run sees exactly what an
// uninterrupted one would.
std::vector<const std::vector<std::int64_t> *> Trainer::Impl::trainingCaptions(const std::vector<std::int64_t> &records, int epoch) const
{
    std::vector<const std::vector<std::int64_t> *> captions;
    for (const std::int64_t record : records) {
        const auto &options = trainCaptions[std::size_t(record)];
        SplitMix pick(config.seed ^ 0xCA9ull, std::uint64_t(epoch) * 1000003ull + std::uint64_t(record));
        captions.push_back(&options[std::size_t(pick.below(int(options.size())))]);
    }
    return captions;
}

torch::Tensor Trainer::Impl::crossEntropyStep(const EncodedBatch &encoded, int epoch)
{
    const auto [inputs, targets] = captionTensors(trainingCaptions(encoded.records, epoch));
    return batchLoss(encoded.outputs, inputs, targets);
}

// A data-parallel step. Each rank's loss is its share of the mean over every rank's target
// tokens, so the averaged gradients are those of one process training the whole global batch.
// Dropout draws from a generator seeded by the seed, step and rank: a resumed rank draws what an
// uninterrupted one would.
void Trainer::Impl::distributedStep(const EncodedBatch &encoded, int epoch, double &lossValue)
{
    optimizer->zero_grad();
    {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        const std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_current_seed(SplitMix(config.seed ^ 0xD0D0ull, std::uint64_t(state.globalStep) * 65537ull + std::uint64_t(distributed.rank)).next());
    }
    torch::Tensor lossSum;
    double tokens = 0;
    if (!encoded.records.empty()) {
        const auto [inputs, targets] = captionTensors(trainingCaptions(encoded.records, epoch));
        lossSum = batchLoss(encoded.outputs, inputs, targets, true);
        tokens = double(targets.ne(Vocabulary::kPad).sum().item<std::int64_t>());
    }
    std::vector<double> totals{tokens, lossSum.defined() ? lossSum.item<double>() : 0.0};
    group->sum(totals, "adding up the step's loss");
    if (lossSum.defined() && totals[0] > 0) (lossSum * (double(group->size()) / totals[0])).backward();
    group->averageGradients(trainable);
    if (config.gradientClip > 0) torch::nn::utils::clip_grad_norm_(trainable, config.gradientClip);
    optimizer->step();
    lossValue = totals[0] > 0 ? totals[1] / totals[0] : 0.0;
}

// Self-critical loss; the samples' seeds are, like the captions above, a function of the seed,
// epoch and record only.
torch::Tensor Trainer::Impl::selfCriticalStep(const EncodedBatch &encoded, int epoch, StepRecord &step)
{
    std::vector<std::uint64_t> seeds;
    for (const std::int64_t record : encoded.records) {
        SplitMix draw(config.seed ^ 0x5C57ull, std::uint64_t(epoch) * 1000003ull + std::uint64_t(record));
        for (int s = 0; s < config.samplesPerImage; ++s) seeds.push_back(draw.next());
    }
    const SelfCriticalObjective::StepResult result = selfCritical->step(*model, encoded.outputs, encoded.records, seeds, bfloat16);
    step.meanReward = result.meanReward;
    step.greedyReward = result.greedyReward;
    return result.loss;
}

void Trainer::Impl::trainStep(int epoch, const std::vector<std::int64_t> &records, int batch, StepMeter &meter)
{
    const auto stepStart = Clock::now();
    const double learningRate = schedule().at(stageStep());
    for (auto &parameters : optimizer->param_groups()) static_cast<torch::optim::AdamWOptions &>(parameters.options()).lr(learningRate);

    const EncodedBatch encoded = encoderOutputs(records, epoch, true);
    state.batch = batch + 1;
    StepRecord step;
    double lossValue = 0;
    if (group) {
        distributedStep(encoded, epoch, lossValue); // every rank steps, with or without images
    } else {
        if (encoded.records.empty()) return; // every image of the batch failed to read: nothing to learn from
        optimizer->zero_grad();
        const torch::Tensor loss = selfCritical ? selfCriticalStep(encoded, epoch, step) : crossEntropyStep(encoded, epoch);
        loss.backward();
        if (config.gradientClip > 0) torch::nn::utils::clip_grad_norm_(trainable, config.gradientClip);
        optimizer->step();
        lossValue = loss.item<double>();
    }
    epochSums.loss += lossValue;
    ++epochSums.steps;
    if (step.meanReward && step.greedyReward) {
        epochSums.meanReward += *step.meanReward;
        epochSums.greedyReward += *step.greedyReward;
        ++epochSums.rewardSteps;
    }
    ++state.globalStep;
    ++stepsThisSession;
    state.steps.push_back({state.globalStep, lossValue, learningRate, step.meanReward, step.greedyReward});
    if ((meter.count(globalBatch(), secondsSince(stepStart)) || meter.revisionDue()) && leads()) replan(meter.recentSecondsPerStep(), epochOverhead);
    if (!observer) return;
    step.epoch = epoch + 1;
    step.step = state.globalStep;
    step.stepsPerEpoch = stepsPerEpoch;
    step.totalSteps = state.stageStartStep + (state.plannedEpochs - state.stageStartEpoch) * stepsPerEpoch;
    step.loss = lossValue;
    step.learningRate = learningRate;
    step.samplesPerSecond = meter.samplesPerSecond(globalBatch());
    step.elapsedSeconds = elapsed();
    step.etaSeconds = (step.totalSteps - step.step) * meter.secondsPerStep() + (state.plannedEpochs - epoch) * epochOverhead;
    if (ciderStageFollows()) {
        // Its steps take several times as long as these: its share of the budget is the estimate.
        step.totalSteps += config.ciderStageEpochs * stepsPerEpoch;
        step.etaSeconds += config.maxMinutes > 0 ? config.maxMinutes * 60.0 * config.ciderStageBudgetShare
                                                 : config.ciderStageEpochs * (stepsPerEpoch * meter.secondsPerStep() + epochOverhead);
    }
    observer->onStep(step);
}

// The steps of one epoch, from where the state stands. False when stopped or out of time.
bool Trainer::Impl::trainEpoch(int epoch, StepMeter &meter)
{
    // This epoch's order of each shard: a function of the seed, shard and epoch only.
    std::vector<std::vector<std::int64_t>> orders;
    for (const int shard : ownShards) orders.push_back(ShardedSampler::shuffled(shardImages[std::size_t(shard)], config.seed, shard, epoch));
    for (int batch = state.batch; batch < stepsPerEpoch; ++batch) {
        waitWhilePaused();
        if (group ? !agreeBeforeStep() : stop.load()) return false;
        if (!group && overBudget()) {
            message({QT_TRANSLATE_NOOP("Trainer", "time budget reached: stopping training"), {}});
            return false;
        }
        std::vector<std::int64_t> records; // batch `batch` of each of this process's shards
        for (const auto &order : orders) {
            const std::vector<std::int64_t> part = ShardedSampler::batch(order, batch, config.batchSize);
            records.insert(records.end(), part.begin(), part.end());
        }
        trainStep(epoch, records, batch, meter);
    }
    // A stop during the last step leaves the epoch unscored, to be finished on resume. Ranks get
    // the signal each at its own moment, so they decide it together: one rank scoring while
    // another has left would end the run with an error instead of a stop.
    if (group) return !agreeOnStop("agreeing whether to score the epoch");
    return !stop;
}

// The ranks of a data-parallel run; the shards this process trains (all of them without ranks).
void Trainer::Impl::joinRanks()
{
    // Checkpoints before data_shards (0 there) come from single-process runs.
    if (config.dataShards == 0) config.dataShards = resumeFrom ? 1 : distributed.worldSize;
    shards = config.dataShards;
    if (shards % distributed.worldSize != 0)
        throw Error(ErrorKind::InvalidArgument, "this run's training data is laid out in " + std::to_string(shards) +
                                                    " shards (data_shards): train it with a number of processes that divides " + std::to_string(shards) +
                                                    ", not " + std::to_string(distributed.worldSize));
    ownShards.clear();
    for (int shard = distributed.rank; shard < shards; shard += distributed.worldSize) ownShards.push_back(shard);
    if (!distributed.distributed()) return;
    if (config.objective == "cider")
        throw Error(ErrorKind::InvalidArgument, "the cider objective does not train data-parallel yet: train it in one process");
    if (config.ciderStageEpochs > 0)
        throw Error(ErrorKind::InvalidArgument,
                    "a CIDEr stage does not train data-parallel yet: train the run in one process, or leave the stage out (\"cider_stage_epochs\": 0)");
    message({QT_TRANSLATE_NOOP("Trainer", "rank %1 of %2: joining the run at %3"),
             {std::to_string(distributed.rank), std::to_string(distributed.worldSize), distributed.masterAddress + ":" + std::to_string(distributed.masterPort)}});
    group = std::make_unique<RankGroup>(distributed);
}

// Ranks given different data or settings would step apart: each compares its own with rank 0's.
void Trainer::Impl::checkRanksAgree()
{
    std::string vocabularyText;
    for (std::size_t i = 0; i < vocabulary.size(); ++i) vocabularyText += vocabulary.token(std::int64_t(i)) + '\n';
    const auto digest = [](const std::string &text) { return double(std::hash<std::string>{}(text) % (std::uint64_t(1) << 52)); };
    const std::vector<double> own{digest(fingerprint(dataset)), digest(vocabularyText),
                                  digest(std::to_string(config.batchSize) + "/" + std::to_string(config.seed) + "/" + std::to_string(config.epochs) + "/" +
                                         std::to_string(shards) + "/" + config.objective),
                                  double(state.globalStep)};
    std::vector<double> leader = leads() ? own : std::vector<double>(own.size(), 0.0);
    group->sum(leader, "comparing the ranks' data and settings");
    static const char *const what[] = {"dataset", "vocabulary", "settings (batch size, seed, epochs, data shards, objective)", "checkpoint"};
    for (std::size_t i = 0; i < own.size(); ++i)
        if (own[i] != leader[i])
            throw Error(ErrorKind::InvalidArgument, "rank " + std::to_string(distributed.rank) + ": its " + what[i] +
                                                        " differs from rank 0's: give every rank the same --data, settings and --resume");
    std::vector<torch::Tensor> parameters = model->parameters();
    group->broadcastFromLeader(parameters, "copying rank 0's weights");
}

// Before each data-parallel step every rank takes the same decision: stop when any rank was
// asked to, or when rank 0's clock says the budget is spent; every rank follows rank 0's plan
// (a sum with zeros from the others is rank 0's value).
bool Trainer::Impl::agreeBeforeStep()
{
    std::vector<double> control{stop ? 1.0 : 0.0, leads() && overBudget() ? 1.0 : 0.0};
    agree(control, "agreeing on the next step");
    if (control[0] > 0) {
        stop = true;
        return false;
    }
    if (control[1] > 0) {
        message({QT_TRANSLATE_NOOP("Trainer", "time budget reached: stopping training"), {}});
        return false;
    }
    return true;
}

// True when any rank was asked to stop; every rank then stops.
bool Trainer::Impl::agreeOnStop(const char *during)
{
    std::vector<double> control{stop ? 1.0 : 0.0};
    agree(control, during);
    if (control[0] > 0) stop = true;
    return control[0] > 0;
}

// After an epoch rank 0 scores and saves while the others wait; then all take its decision
// (early stopping) and its revised plan.
bool Trainer::Impl::agreeAfterEpoch(bool leaderContinues)
{
    const std::string phase = "scoring epoch " + std::to_string(state.epoch);
    if (leads()) group->leaderFinished(phase);
    else group->waitForLeader(phase);
    std::vector<double> control{leads() && leaderContinues ? 1.0 : 0.0};
    agree(control, "agreeing on the next epoch");
    return control[0] > 0;
}

// Sums `decisions` across the ranks and gives every rank rank 0's plan (planned epochs and the
// schedule's anchor), in one all-reduce: the other ranks add zeros to rank 0's values.
void Trainer::Impl::agree(std::vector<double> &decisions, const char *during)
{
    const std::size_t count = decisions.size();
    std::vector<double> values = decisions;
    for (const double planned : {double(state.plannedEpochs), double(state.scheduleAnchorStep), state.scheduleAnchorProgress})
        values.push_back(leads() ? planned : 0.0);
    group->sum(values, during);
    state.plannedEpochs = int(values[count]);
    state.scheduleAnchorStep = int(values[count + 1]);
    state.scheduleAnchorProgress = values[count + 2];
    decisions.assign(values.begin(), values.begin() + std::ptrdiff_t(count));
}

// Scores the epoch, keeps the best model, writes the checkpoint and history. False to stop early.
bool Trainer::Impl::finishEpoch(int epoch, const StepMeter &meter, TrainingResult &result)
{
    const auto evaluationStart = Clock::now();
    restoreThreads();
    EpochRecord record = evaluateEpoch(epoch);
    useTrainingThreads();
    const double value = config.bestMetric == "loss" ? -record.validationLoss : (config.bestMetric == "bleu4" ? record.scores.bleu[3] : record.scores.cider);
    record.best = !state.hasBest || value > state.bestValue;
    state.epoch = epoch + 1;
    state.batch = 0;
    if (record.best) {
        state.hasBest = true;
        state.bestValue = value;
        state.bestEpoch = epoch + 1;
        state.epochsWithoutImprovement = 0;
        saveModel(folder->bestModel(), "best", epoch + 1);
    } else {
        ++state.epochsWithoutImprovement;
    }
    const bool checkpoint = config.checkpointEvery > 0 && (epoch + 1) % config.checkpointEvery == 0;
    char name[32];
    std::snprintf(name, sizeof name, "epoch-%03d.ckpt", epoch + 1);
    if (checkpoint) record.checkpoint = folder->checkpoint(name).string();
    // The epoch joins the history before the checkpoint is written, so a run resumed from this
    // checkpoint keeps this epoch's record.
    EpochRecord stored = record;
    stored.samples.clear();
    state.epochs.push_back(stored);
    if (checkpoint) {
        saveCheckpoint(folder->checkpoint(name));
        result.lastCheckpoint = record.checkpoint;
    }
    writeHistory();
    if (observer) observer->onEpoch(record);
    result.epochs = state.epoch;
    epochOverhead = secondsSince(evaluationStart);
    replan(meter.recentSecondsPerStep(), epochOverhead);
    if (config.earlyStoppingPatience > 0 && state.epochsWithoutImprovement >= config.earlyStoppingPatience) {
        message({QT_TRANSLATE_N_NOOP("Trainer", "early stopping: no better %1 for %n epoch(s)"), {config.bestMetric}, config.earlyStoppingPatience});
        return false;
    }
    return true;
}

// The best model's confidence threshold, from its validation captions, written into its file.
ConfidenceCalibration Trainer::Impl::calibrateBestModel(const EvaluationResult &evaluation, const DecodingOptions &decoding,
                                                        const std::string &bestModel)
{
    const ConfidenceCalibration calibration =
        ConfidenceCalibrator::fit(evaluation.captionMeasures, evaluation.captionCiderD, "dev", decoding.describe());
    calibration.storeIn(bestModel);
    const ConfidenceCheck &fitted = calibration.fitted;
    if (calibration.unsureBelow)
        message({QT_TRANSLATE_NOOP("Trainer", "confidence: %1% of the validation captions are marked unsure (mean CIDEr-D %2, confident ones %3)"),
                 {fixed(fitted.unsureShare * 100, 0), fixed(fitted.unsureMeanCiderD, 3), fixed(fitted.confidentMeanCiderD, 3)}});
    else
        message({QT_TRANSLATE_NOOP("Trainer", "confidence: the caption scores do not single out poor captions; no caption will be marked unsure"), {}});
    return calibration;
}

// Saves what a stop needs to continue, the final and (if none) best model, and scores the best.
void Trainer::Impl::finishRun(bool budgetCut, TrainingResult &result)
{
    result.steps = state.globalStep;
    result.stopped = stop;
    if (group) {
        result.ranks = group->size();
        result.allReducedBytesPerStep = group->bytesPerAverage();
        result.allReduceSecondsPerStep = group->secondsInAverages() / std::max(1, stepsThisSession);
    }
    if (!leads()) { // rank 0 saves and scores
        result.completed = !stop && !budgetCut;
        result.epochs = state.epoch;
        result.elapsedSeconds = elapsed();
        notifyPhase(TrainingPhase::Finished, {QT_TRANSLATE_NOOP("Trainer", "done"), {}});
        return;
    }
    if (stop) {
        const fs::path path = folder->checkpoint("stopped.ckpt");
        saveCheckpoint(path);
        result.lastCheckpoint = path.string();
        writeHistory();
        message({QT_TRANSLATE_NOOP("Trainer", "stopped: resume with %1"), {path.string()}});
    }
    notifyPhase(TrainingPhase::Saving, {QT_TRANSLATE_NOOP("Trainer", "writing the final model"), {}});
    saveModel(folder->finalModel(), "final", state.epoch);
    result.finalModel = folder->finalModel().string();
    if (!state.hasBest) saveModel(folder->bestModel(), "final", state.epoch);
    result.bestModel = folder->bestModel().string();
    result.completed = !stop && !budgetCut;
    result.skippedImages = state.skippedImages;

    if (!stop) {
        notifyPhase(TrainingPhase::Evaluating,
                    {QT_TRANSLATE_NOOP("Trainer", "scoring the best model on all %1 validation images"), {std::to_string(dataset.validation.size())}});
        const Captioner captioner(result.bestModel);
        const auto progress = [this](int done, int total) {
            if (observer) observer->onProgress(done, total);
        };
        const DecodingOptions decoding = DecodingOptions::beam(config.evaluationBeam);
        const EvaluationResult evaluation = Evaluator::evaluate(captioner, dataset, "dev", decoding, 0, progress, &stop);
        result.validationScores = evaluation.scores;
        result.calibration = calibrateBestModel(evaluation, decoding, result.bestModel);
    }
    result.elapsedSeconds = elapsed();
    notifyPhase(TrainingPhase::Finished, {QT_TRANSLATE_NOOP("Trainer", "done"), {}});
}

// The running stage's epochs, from where the state stands. True when the time budget cut them.
bool Trainer::Impl::trainEpochs(TrainingResult &result)
{
    StepMeter meter; // a stage's own: self-critical steps take several times as long
    // Ranks act on a stop only where they agree on it (before each step, after an epoch's last).
    while (state.epoch < state.plannedEpochs && (group || !stop)) {
        const int epoch = state.epoch;
        epochSums = {};
        if (!trainEpoch(epoch, meter)) return !stop;
        bool more = true;
        if (leads()) {
            more = finishEpoch(epoch, meter, result);
        } else {
            state.epoch = epoch + 1;
            state.batch = 0;
            result.epochs = state.epoch;
        }
        if (group) more = agreeAfterEpoch(more);
        if (!more) break;
    }
    return false;
}

// The second stage: self-critical training from the best model of the cross-entropy epochs (the
// weights just trained when none was scored), with a fresh optimiser and learning-rate cycle. An
// epoch the budget cut short is dropped: the stage begins a new one.
void Trainer::Impl::startCiderStage()
{
    if (state.hasBest) {
        const std::string best = folder->bestModel().string();
        ModelStorage::loadStateDict(*model, ModelStorage::stateDict(*ModelStorage::load(best).model), best);
    }
    message({QT_TRANSLATE_NOOP("Trainer", "second stage: CIDEr-D, self-critical, from the model of epoch %1, up to %2 more epochs"),
             {std::to_string(state.hasBest ? state.bestEpoch : state.epoch), std::to_string(config.ciderStageEpochs)}});
    state.stage = 1;
    state.stageStartEpoch = state.epoch;
    state.stageStartStep = state.globalStep;
    state.batch = 0;
    state.scheduleAnchorStep = 0;
    state.scheduleAnchorProgress = 0;
    state.plannedEpochs = state.epoch + config.ciderStageEpochs;
    state.epochsWithoutImprovement = 0;
    optimizer = std::make_unique<torch::optim::AdamW>(
        trainable, torch::optim::AdamWOptions(config.ciderStageLearningRate).betas({config.beta1, config.beta2}).weight_decay(config.weightDecay));
    prepareSelfCritical();
}

TrainingResult Trainer::Impl::run(const std::string &outputFolder)
{
    started = Clock::now();
    joinRanks();
    if (leads()) folder = std::make_unique<RunFolder>(outputFolder); // the other ranks write nothing
    startRun();
    prepareModel();
    if (group) checkRanksAgree();
    bfloat16 = config.usesBfloat16();
    if (bfloat16) message({QT_TRANSLATE_NOOP("Trainer", "decoder matrix products in bfloat16 (mixed_precision \"%1\")"), {config.mixedPrecision}});
    prepareData();
    if (resumeFrom) {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        generator.set_state(resumeFrom->randomState);
        message({QT_TRANSLATE_NOOP("Trainer", "resuming at epoch %1, step %2"), {std::to_string(state.epoch + 1), std::to_string(state.globalStep)}});
        resumeFrom.reset(); // frees the checkpoint's tensors
    }

    TrainingResult result;
    notifyPhase(TrainingPhase::Training,
                {QT_TRANSLATE_N_NOOP("Trainer", "training on %1 images, %n step(s) per epoch"), {std::to_string(usableTrainImages)}, stepsPerEpoch});
    if (shards > 1)
        message({QT_TRANSLATE_NOOP("Trainer", "data parallel: %1 shards of the training images, %2 per rank; %3 images per step"),
                 {std::to_string(shards), std::to_string(ownShards.size()), std::to_string(globalBatch())}});
    useTrainingThreads();
    bool budgetCut = trainEpochs(result);
    if (ciderStageFollows() && !stop) {
        startCiderStage();
        budgetCut = trainEpochs(result);
    }
    restoreThreads();
    finishRun(budgetCut, result);
    folder.reset(); // releases the output folder
    return result;
}

Trainer::Trainer() : m_impl(std::make_unique<Impl>()) {}

Trainer::Trainer(TrainingConfig config, Dataset dataset) : Trainer()
{
    config.validate();
    // A preset may name the objective before the user has chosen the model it fine-tunes.
    if (config.objective == "cider" && config.initFrom.empty())
        throw Error(ErrorKind::InvalidArgument, "the cider objective fine-tunes a trained model: name it with init_from (--init-from)");
    m_impl->config = std::move(config);
    m_impl->dataset = std::move(dataset);
}

Trainer Trainer::resume(const std::string &checkpoint, Dataset dataset, const TrainingConfig *settings)
{
    Trainer trainer;
    Impl &d = *trainer.m_impl;
    d.resumeFrom = TrainingCheckpoint::load(checkpoint);
    d.config = d.resumeFrom->config;
    if (d.resumeFrom->datasetFingerprint != fingerprint(dataset))
        throw Error(ErrorKind::BadDataset, checkpoint + ": the checkpoint was trained on different data (" + d.resumeFrom->datasetFingerprint +
                                               ", now " + fingerprint(dataset) + ")");
    if (settings) {
        settings->validate();
        d.resumeChanges = ResumeSettings::changes(d.config, *settings);
        const TrainingState &state = d.resumeFrom->state;
        const int stageEpochs = state.stage > 0 ? settings->ciderStageEpochs : settings->epochs;
        if (stageEpochs < state.epoch - state.stageStartEpoch)
            throw Error(ErrorKind::InvalidArgument, checkpoint + ": the run's stage has trained " + std::to_string(state.epoch - state.stageStartEpoch) +
                                                        " epochs already, more than " + std::to_string(stageEpochs));
        d.config = *settings;
    }
    d.dataset = std::move(dataset);
    return trainer;
}

CheckpointInfo Trainer::inspectCheckpoint(const std::string &checkpoint)
{
    const TrainingCheckpoint::Contents contents = TrainingCheckpoint::loadMetadata(checkpoint);
    CheckpointInfo info;
    info.config = contents.config;
    info.dataSource = contents.dataSource;
    info.dataFormat = contents.dataFormat;
    info.outputFolder = contents.outputFolder;
    info.epochsDone = contents.state.epoch;
    info.globalStep = contents.state.globalStep;
    return info;
}

Trainer::~Trainer() = default;
Trainer::Trainer(Trainer &&) noexcept = default;
Trainer &Trainer::operator=(Trainer &&) noexcept = default;

const TrainingConfig &Trainer::config() const { return m_impl->config; }
void Trainer::setObserver(TrainingObserver *observer) { m_impl->observer = observer; }
void Trainer::setDistributed(const DistributedSetup &setup)
{
    setup.validate();
    m_impl->distributed = setup;
}

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
    // LibTorch and the standard library report failures in their own exception types; a caller
    // of the training library sees Error only, and the output folder is released either way.
    try {
        return m_impl->run(outputFolder);
    } catch (const Error &) {
        m_impl->folder.reset();
        throw;
    } catch (const std::exception &error) {
        m_impl->folder.reset();
        throw Error(ErrorKind::Internal, "training failed: " + Error::describe(error));
    }
}

} // namespace snaption::training
