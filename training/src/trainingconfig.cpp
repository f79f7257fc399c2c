#include <snaption/training/trainingconfig.h>

#include <snaption/captionstyle.h>
#include <snaption/error.h>

#include "bfloat16autocast.h"
#include "jsonfield.h"
#include "jsontemplate.h"
#include "translatable.h"

#include <nlohmann/json.hpp>

namespace snaption::training {
namespace {

template <typename T>
void read(const nlohmann::json &object, const char *key, T &target)
{
    readJsonField(object, key, target, "training configuration");
}

Error unknownPreset(const std::string &name)
{
    std::string known;
    for (const std::string &preset : TrainingConfig::presetNames()) known += (known.empty() ? "" : ", ") + preset;
    return Error(ErrorKind::InvalidArgument, "unknown preset \"" + name + "\" (presets: " + known + ")");
}

void require(bool condition, const std::string &what)
{
    if (!condition) throw Error(ErrorKind::InvalidArgument, "training configuration: " + what);
}

} // namespace

const std::vector<std::string> &TrainingConfig::presetNames()
{
    static const std::vector<std::string> names{"synthetic-demo", "synthetic-accurate", "flickr8k-mobilenet", "flickr8k-mobilenet-scst", "flickr8k-de-mobilenet", "flickr8k-efficientnet", "flickr8k-seed-arch"};
    return names;
}

std::string TrainingConfig::presetTitle(const std::string &name)
{
    if (name == "synthetic-demo") return QT_TRANSLATE_NOOP("TrainingConfig", "Synthetic demo — about a minute");
    if (name == "synthetic-accurate") return QT_TRANSLATE_NOOP("TrainingConfig", "Synthetic scenes — accurate, 5 minutes");
    if (name == "flickr8k-mobilenet") return QT_TRANSLATE_NOOP("TrainingConfig", "Flickr8k, frozen MobileNetV2");
    if (name == "flickr8k-mobilenet-scst") return QT_TRANSLATE_NOOP("TrainingConfig", "Flickr8k, CIDEr fine-tuning of a trained model");
    if (name == "flickr8k-de-mobilenet") return QT_TRANSLATE_NOOP("TrainingConfig", "Flickr8k in German, frozen MobileNetV2");
    if (name == "flickr8k-efficientnet") return QT_TRANSLATE_NOOP("TrainingConfig", "Flickr8k, frozen EfficientNet-B0");
    if (name == "flickr8k-seed-arch") return QT_TRANSLATE_NOOP("TrainingConfig", "Flickr8k, the original project's recipe");
    throw unknownPreset(name);
}

std::string TrainingConfig::presetDescription(const std::string &name)
{
    if (name == "synthetic-demo")
        return QT_TRANSLATE_NOOP("TrainingConfig", "Generated shapes; a small model trained from scratch in about a minute, no downloads. Rough captions.");
    if (name == "synthetic-accurate")
        return QT_TRANSLATE_NOOP("TrainingConfig", "Generated shapes; a small model trained from scratch in up to 5 minutes, with accurate captions and attention.");
    if (name == "flickr8k-mobilenet")
        return QT_TRANSLATE_NOOP("TrainingConfig", "Flickr8k photos with a frozen pretrained MobileNetV2 (e.g. the TFLite file): 3 decoder layers, 49 image regions; about an hour.");
    if (name == "flickr8k-mobilenet-scst")
        return QT_TRANSLATE_NOOP("TrainingConfig", "Second stage for a model trained with Flickr8k, frozen MobileNetV2: self-critical training that optimises CIDEr-D directly, five sampled captions per photo; up to 30 minutes.");
    if (name == "flickr8k-de-mobilenet")
        return QT_TRANSLATE_NOOP("TrainingConfig", "German captions of the Flickr8k photos (Flickr8k.de.token.txt) with a frozen pretrained MobileNetV2, then self-critical CIDEr-D training of the best model in the same run: captions in German; up to an hour.");
    if (name == "flickr8k-efficientnet")
        return QT_TRANSLATE_NOOP("TrainingConfig", "Flickr8k photos with a frozen pretrained EfficientNet-B0 (timm or torchvision weights): 3 decoder layers.");
    if (name == "flickr8k-seed-arch")
        return QT_TRANSLATE_NOOP("TrainingConfig", "The original Python project's architecture: one pooled image vector, 6 decoder layers, width 512, 16 heads.");
    throw unknownPreset(name);
}

TrainingConfig TrainingConfig::preset(const std::string &name)
{
    presetDescription(name); // validates the name
    TrainingConfig c;
    if (name == "synthetic-accurate" || name == "synthetic-demo") {
        c.model.encoder.name = EncoderConfig::kSimpleCnn;
        c.model.encoder.inputSize = 128;
        // One decoder layer: every word must fetch what it needs from the image through its own
        // cross-attention (a second layer could pass it on from the colour word to the noun),
        // which keeps each noun's attention on its object.
        c.model.decoder.layers = 1;
        c.model.decoder.dim = 256;
        c.model.decoder.heads = 2;
        c.model.decoder.feedForward = 512;
        c.model.decoder.contextLength = 24;
        c.model.decoder.dropout = 0.1;
        c.freezeEncoder = false;
        // Ten epochs (3.5 minutes here): BLEU-4 does not improve beyond them. A peak learning rate
        // of 1e-3: at 2e-3 the feature map moves while the rate is high, taking the nouns'
        // attention to the cell above their objects (seeds 0, 1, 2: hit rate 0.96, 0.81, 0.43;
        // at 1e-3 0.94, 0.92, 0.86 with BLEU-4 0.93, 0.91, 0.91; docs/BENCHMARKS.md).
        c.epochs = 10;
        c.batchSize = 32;
        c.learningRate = 1e-3;
        c.weightDecay = 1e-4;
        c.minWordFrequency = 1;
        c.augment = false; // a flip would swap left and right in the captions
        c.augmentation = AugmentationConfig::none();
        c.syntheticTrainScenes = 4000;
        c.syntheticValidationScenes = 200;
        c.syntheticTestScenes = 500;
        c.syntheticImageSize = 128;
        c.epochValidationImages = 100;
        c.maxMinutes = 5;
        if (name == "synthetic-demo") {
            // The GUI's first-run demo: fewer scenes and a one-minute budget; rougher captions.
            c.syntheticTrainScenes = 1500;
            c.syntheticValidationScenes = 100;
            c.syntheticTestScenes = 200;
            c.epochValidationImages = 50;
            c.epochs = 8;
            c.learningRate = 2e-3; // learns the words faster in the minute; localises less well
            c.maxMinutes = 1.3; // five epochs at about 110 samples/s; the Train tab shows one decimal
        }
        return c;
    }
    // Flickr8k presets: frozen pretrained encoder, cached features.
    c.model.decoder.layers = 3;
    c.model.decoder.dim = 512;
    c.model.decoder.heads = 8;
    c.model.decoder.feedForward = 2048;
    c.model.decoder.contextLength = 24;
    c.model.decoder.dropout = 0.2;
    // 22 epochs: flickr8k-mobilenet reaches dev BLEU-4 0.193 / CIDEr-D 0.470 (29 minutes here with
    // bfloat16 products, 49 in fp32); 30 epochs overfit (0.184 / 0.463; docs/BENCHMARKS.md).
    c.epochs = 22;
    c.batchSize = 32;
    c.learningRate = 4e-4;
    c.featureViews = 2;
    c.augmentation = AugmentationConfig::photometric();
    c.maxMinutes = 60;
    c.epochValidationImages = 200;
    if (name == "flickr8k-mobilenet-scst") {
        // The model, vocabulary and encoder come from the model it starts from (initFrom). One
        // view per photo: the samples, not augmentation, vary what a step sees.
        c.objective = "cider";
        c.epochs = 7;
        // Up to 7 epochs, as many as the 30 minutes fit (6 here): on the flickr8k-mobilenet model,
        // dev CIDEr-D 0.470 -> 0.539 in 27:31 (planned 6: 0.525 in 26:00). lr 5e-5 (2e-5 gained
        // less); temperature 0.5: at 1 the samples of a label-smoothed model are mostly noise
        // (docs/BENCHMARKS.md).
        c.learningRate = 5e-5;
        c.sampleTemperature = 0.5;
        c.warmupFraction = 0.05;
        c.featureViews = 1;
        c.augment = false;
        c.maxMinutes = 30;
    }
    if (name == "flickr8k-mobilenet" || name == "flickr8k-mobilenet-scst" || name == "flickr8k-de-mobilenet") c.model.encoder.name = EncoderConfig::kMobileNetV2;
    if (name == "flickr8k-de-mobilenet") {
        // The English recipe on 5,525 photos with German captions, then the CIDEr-D stage of
        // flickr8k-mobilenet-scst in the same run: dev BLEU-4 0.147 after the cross-entropy
        // epochs alone, 0.170 with the stage (27:37 + 22:54 here; docs/BENCHMARKS.md). 27 of the
        // 60 minutes (45 %) are kept for the stage, so a slower machine shortens the first stage.
        c.language = "de";
        c.ciderStageEpochs = 7;
        c.ciderStageBudgetShare = 0.45;
        c.ciderStageLearningRate = 5e-5;
        c.ciderStageWarmupFraction = 0.05;
        c.sampleTemperature = 0.5;
    }
    if (name == "flickr8k-efficientnet") c.model.encoder.name = EncoderConfig::kEfficientNetB0;
    if (name == "flickr8k-seed-arch") {
        c.model = ModelConfig::seedCompatible();
        c.model.encoder.name = EncoderConfig::kMobileNetV2;
        c.model.decoder.dropout = 0.2;
        c.learningRate = 2e-4;
    }
    return c;
}

void TrainingConfig::validate() const
{
    ModelConfig checked = model;
    if (checked.architecture == ModelConfig::kArchitectureSeed && checked.encoder.classifierClasses == 0)
        checked.encoder.classifierClasses = 1000; // taken from the encoder weights when training starts
    checked.validate();
    require(CaptionStyle::isLanguageTag(language), "the caption language \"" + language + "\" is not a language tag (such as en or de)");
    require(epochs >= 1 && epochs <= 10000, "epochs must be 1 to 10000");
    require(batchSize >= 1 && batchSize <= 4096, "batch size must be 1 to 4096");
    require(dataShards >= 0 && dataShards <= 4096, "data_shards must be 0 (one per rank) to 4096");
    require(learningRate > 0 && learningRate < 1, "learning rate must be between 0 and 1");
    require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0, 1)");
    require(weightDecay >= 0 && weightDecay < 1, "weight decay must be in [0, 1)");
    require(warmupFraction >= 0 && warmupFraction < 1, "warm-up fraction must be in [0, 1)");
    require(labelSmoothing >= 0 && labelSmoothing < 1, "label smoothing must be in [0, 1)");
    require(gradientClip >= 0, "gradient clipping must not be negative");
    require(minWordFrequency >= 1, "minimum word frequency must be at least 1");
    require(vocabulary == "words" || vocabulary == "subwords", "the vocabulary must be \"words\" or \"subwords\"");
    require(subwordPieces >= 32 && subwordPieces <= 100000, "a subword vocabulary has 32 to 100000 pieces");
    require(featureViews >= 1 && featureViews <= 32, "feature views must be 1 to 32");
    require(checkpointEvery >= 0 && earlyStoppingPatience >= 0, "checkpoint interval and patience must not be negative");
    require(bestMetric == "cider" || bestMetric == "bleu4" || bestMetric == "loss", "best metric must be cider, bleu4 or loss");
    require(mixedPrecision == "auto" || mixedPrecision == "bf16" || mixedPrecision == "fp32",
            "mixed precision must be \"auto\", \"bf16\" or \"fp32\"");
    require(maxMinutes >= 0, "the time budget must not be negative");
    require(objective == "cross-entropy" || objective == "cider", "the objective must be \"cross-entropy\" or \"cider\"");
    require(samplesPerImage >= 2 && samplesPerImage <= 64, "samples per image must be 2 to 64");
    require(sampleTemperature >= 0.05 && sampleTemperature <= 10, "the sample temperature must be 0.05 to 10");
    require(ciderStageEpochs >= 0 && ciderStageEpochs <= 10000, "CIDEr stage epochs must be 0 to 10000");
    require(ciderStageLearningRate > 0 && ciderStageLearningRate < 1, "the CIDEr stage's learning rate must be between 0 and 1");
    require(ciderStageWarmupFraction >= 0 && ciderStageWarmupFraction < 1, "the CIDEr stage's warm-up fraction must be in [0, 1)");
    require(ciderStageEpochs == 0 || objective == "cross-entropy", "a CIDEr stage follows cross-entropy epochs: the objective must be \"cross-entropy\"");
    require(ciderStageBudgetShare > 0 && ciderStageBudgetShare < 1, "the CIDEr stage's share of the time budget must be between 0 and 1");
    require(evaluationBeam >= 1 && evaluationBeam <= 16, "evaluation beam must be 1 to 16");
    require(loaderThreads >= 1 && loaderThreads <= 64, "loader threads must be 1 to 64");
    require(sampleImages >= 0 && sampleImages <= 64 && epochValidationImages >= 0, "sample and validation image counts must not be negative");
    // Upper bounds keep a typo from allocating the machine away before anything is printed: a
    // synthetic scene's record takes about a kilobyte, so the largest set needs some 300 MB.
    require(syntheticTrainScenes >= 1 && syntheticTrainScenes <= kMaxSyntheticScenes, "synthetic training scenes must be 1 to " + std::to_string(kMaxSyntheticScenes));
    require(syntheticValidationScenes >= 1 && syntheticValidationScenes <= kMaxSyntheticScenes / 10,
            "synthetic validation scenes must be 1 to " + std::to_string(kMaxSyntheticScenes / 10));
    require(syntheticTestScenes >= 0 && syntheticTestScenes <= kMaxSyntheticScenes / 10,
            "synthetic test scenes must be 0 to " + std::to_string(kMaxSyntheticScenes / 10));
    require(syntheticImageSize >= 32 && syntheticImageSize <= 1024, "synthetic image size must be 32 to 1024 pixels");
    require(epochValidationImages <= 1'000'000, "epoch validation images must be at most 1000000");
    require(!(gradientClip > 1e6) && !(maxMinutes > 60.0 * 24 * 365), "gradient clipping or the time budget is implausibly large");
    augmentation.validate();
}

bool TrainingConfig::usesBfloat16() const
{
    if (mixedPrecision == "bf16") return true;
    return mixedPrecision == "auto" && freezeEncoder && Bfloat16Autocast::cpuHasNativeBfloat16();
}

std::string TrainingConfig::toJson() const
{
    nlohmann::json json = {
        {"model", nlohmann::json::parse(model.toJson())},
        {"language", language},
        {"encoder_weights", encoderWeights},
        {"freeze_encoder", freezeEncoder},
        {"cache_features", cacheFeatures},
        {"mixed_precision", mixedPrecision},
        {"objective", objective},
        {"init_from", initFrom},
        {"samples_per_image", samplesPerImage},
        {"sample_temperature", sampleTemperature},
        {"cider_stage_epochs", ciderStageEpochs},
        {"cider_stage_budget_share", ciderStageBudgetShare},
        {"cider_stage_learning_rate", ciderStageLearningRate},
        {"cider_stage_warmup_fraction", ciderStageWarmupFraction},
        {"epochs", epochs},
        {"batch_size", batchSize},
        {"data_shards", dataShards},
        {"learning_rate", learningRate},
        {"betas", {beta1, beta2}},
        {"weight_decay", weightDecay},
        {"warmup_fraction", warmupFraction},
        {"label_smoothing", labelSmoothing},
        {"gradient_clip", gradientClip},
        {"min_word_frequency", minWordFrequency},
        {"vocabulary", vocabulary},
        {"subword_pieces", subwordPieces},
        {"feature_views", featureViews},
        {"augment", augment},
        {"augmentation", nlohmann::json::parse(augmentation.toJson())},
        {"cache_folder", cacheFolder},
        {"checkpoint_every", checkpointEvery},
        {"early_stopping_patience", earlyStoppingPatience},
        {"best_metric", bestMetric},
        {"max_minutes", maxMinutes},
        {"seed", seed},
        {"sample_images", sampleImages},
        {"epoch_validation_images", epochValidationImages},
        {"evaluation_beam", evaluationBeam},
        {"loader_threads", loaderThreads},
        {"synthetic", {{"train", syntheticTrainScenes}, {"validation", syntheticValidationScenes}, {"test", syntheticTestScenes},
                       {"image_size", syntheticImageSize}}},
    };
    return json.dump(2);
}

TrainingConfig TrainingConfig::fromJson(const std::string &text)
{
    return fromJson(text, TrainingConfig());
}

TrainingConfig TrainingConfig::fromJson(const std::string &text, const TrainingConfig &base)
{
    const nlohmann::json json = parseJsonObject(text, "training configuration", ErrorKind::InvalidArgument);
    // Unknown keys, wrong types and fractional counts are refused, each named, before any is read.
    static const nlohmann::json keys = nlohmann::json::parse(TrainingConfig().toJson());
    checkAgainstTemplate(json, keys, "training configuration", ErrorKind::InvalidArgument, {"seed"});
    TrainingConfig c = base;
    if (const auto model = json.find("model"); model != json.end()) {
        // Merge into the base model configuration, so a config may change only the decoder width.
        nlohmann::json merged = nlohmann::json::parse(c.model.toJson());
        merged.merge_patch(*model);
        try {
            c.model = ModelConfig::fromJson(merged.dump());
        } catch (const Error &error) {
            throw Error(ErrorKind::InvalidArgument, std::string("training configuration: ") + error.what());
        }
    }
    read(json, "language", c.language);
    read(json, "encoder_weights", c.encoderWeights);
    read(json, "freeze_encoder", c.freezeEncoder);
    read(json, "cache_features", c.cacheFeatures);
    read(json, "mixed_precision", c.mixedPrecision);
    read(json, "objective", c.objective);
    read(json, "init_from", c.initFrom);
    read(json, "samples_per_image", c.samplesPerImage);
    read(json, "sample_temperature", c.sampleTemperature);
    read(json, "cider_stage_epochs", c.ciderStageEpochs);
    read(json, "cider_stage_budget_share", c.ciderStageBudgetShare);
    read(json, "cider_stage_learning_rate", c.ciderStageLearningRate);
    read(json, "cider_stage_warmup_fraction", c.ciderStageWarmupFraction);
    read(json, "epochs", c.epochs);
    read(json, "batch_size", c.batchSize);
    read(json, "data_shards", c.dataShards);
    read(json, "learning_rate", c.learningRate);
    if (const auto betas = json.find("betas"); betas != json.end()) {
        c.beta1 = (*betas)[0].get<double>();
        c.beta2 = (*betas)[1].get<double>();
    }
    read(json, "weight_decay", c.weightDecay);
    read(json, "warmup_fraction", c.warmupFraction);
    read(json, "label_smoothing", c.labelSmoothing);
    read(json, "gradient_clip", c.gradientClip);
    read(json, "min_word_frequency", c.minWordFrequency);
    read(json, "vocabulary", c.vocabulary);
    read(json, "subword_pieces", c.subwordPieces);
    read(json, "feature_views", c.featureViews);
    read(json, "augment", c.augment);
    if (const auto augmentation = json.find("augmentation"); augmentation != json.end()) {
        nlohmann::json merged = nlohmann::json::parse(c.augmentation.toJson());
        merged.merge_patch(*augmentation);
        c.augmentation = AugmentationConfig::fromJson(merged.dump());
    }
    read(json, "cache_folder", c.cacheFolder);
    read(json, "checkpoint_every", c.checkpointEvery);
    read(json, "early_stopping_patience", c.earlyStoppingPatience);
    read(json, "best_metric", c.bestMetric);
    read(json, "max_minutes", c.maxMinutes);
    read(json, "seed", c.seed);
    read(json, "sample_images", c.sampleImages);
    read(json, "epoch_validation_images", c.epochValidationImages);
    read(json, "evaluation_beam", c.evaluationBeam);
    read(json, "loader_threads", c.loaderThreads);
    if (const auto synthetic = json.find("synthetic"); synthetic != json.end()) {
        read(*synthetic, "train", c.syntheticTrainScenes);
        read(*synthetic, "validation", c.syntheticValidationScenes);
        read(*synthetic, "test", c.syntheticTestScenes);
        read(*synthetic, "image_size", c.syntheticImageSize);
    }
    c.validate();
    return c;
}

} // namespace snaption::training
