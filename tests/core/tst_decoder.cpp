// The caption decoder: against PyTorch's nn.TransformerDecoder, cached against full
// recomputation, the step engine against LibTorch, and the searches against each other.
#include "beamsearch.h"
#include "captionmodel.h"
#include "greedysearch.h"
#include "incrementaldecoder.h"
#include "inferencelinear.h"
#include "modelstorage.h"
#include "tensorconversion.h"

#include <snaption/error.h>
#include <snaption/modelfactory.h>
#include <snaption/safetensorsfile.h>
#include <snaption/vocabulary.h>

#include "testsupport.h"

#include <QtTest>

#include <set>

using namespace snaption;
using namespace snaption::test;

namespace {

ModelConfig smallConfig(const std::string &activation = "relu")
{
    ModelConfig config;
    config.encoder.name = EncoderConfig::kMobileNetV2;
    config.decoder.layers = 2;
    config.decoder.dim = 32;
    config.decoder.heads = 4;
    config.decoder.feedForward = 64;
    config.decoder.contextLength = 8;
    config.decoder.activation = activation;
    config.decoder.dropout = 0.0;
    return config;
}

double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestDecoder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A decoder with the fixture's weights (the encoder stays random: these tests feed memory directly).
    CaptionModel loadReference(const QString &folder, const std::string &activation)
    {
        CaptionModel model(smallConfig(activation), 23);
        const SafetensorsFile file = SafetensorsFile::read(QDir(folder).filePath(QStringLiteral("decoder.safetensors")).toStdString());
        TensorMap targets = ModelStorage::stateDict(*model);
        torch::NoGradGuard noGrad;
        int copied = 0;
        for (const auto &[name, tensor] : TensorConversion::readAll(file)) {
            const auto target = targets.find(name);
            if (target == targets.end()) qFatal("fixture tensor %s has no counterpart", name.c_str());
            target->second.copy_(tensor);
            ++copied;
        }
        if (copied != int(file.entries().size())) qFatal("not all fixture tensors copied");
        model->eval();
        return model;
    }

    torch::Tensor fixtureMemory(const QString &folder)
    {
        const std::vector<float> values = readFloats(QDir(folder).filePath(QStringLiteral("memory.f32")));
        return torch::from_blob(const_cast<float *>(values.data()), {2, 9, 32}).clone();
    }

    torch::Tensor fixtureTokens(const QString &folder)
    {
        const QByteArray bytes = readBytes(QDir(folder).filePath(QStringLiteral("tokens.i64")));
        return torch::from_blob(const_cast<char *>(bytes.data()), {2, 6}, torch::kLong).clone();
    }

    // Logits of every position, one step at a time through the cache.
    torch::Tensor stepwise(CaptionModelImpl &model, const torch::Tensor &tokens, const torch::Tensor &memory, torch::Tensor *attention)
    {
        DecoderCache cache = model.startDecoding(memory);
        std::vector<torch::Tensor> logits, weights;
        for (std::int64_t t = 0; t < tokens.size(1); ++t) {
            torch::Tensor stepAttention;
            logits.push_back(model.decodeStep(tokens.select(1, t).contiguous(), cache, &stepAttention));
            weights.push_back(stepAttention);
        }
        if (attention) *attention = torch::stack(weights, 1); // [R, T, L, H, M]
        return torch::stack(logits, 1);
    }

    // A random model with a realistic vocabulary for the search tests.
    static torch::Tensor crossWeights(CaptionModel &model)
    {
        const auto parameters = model->named_parameters();
        const torch::Tensor *weights = parameters.find("decoder.layers.0.multihead_attn.in_proj_weight");
        if (!weights) qFatal("the first layer's cross-attention weights are not where the test looks");
        return *weights;
    }

    CaptionModel randomModel(std::uint64_t seed)
    {
        torch::manual_seed(seed);
        ModelConfig config = smallConfig();
        config.decoder.contextLength = 12;
        CaptionModel model(config, 40);
        model->eval();
        return model;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkdir(QStringLiteral("relu"));
        QDir(m_dir.path()).mkdir(QStringLiteral("gelu"));
        SNAPTION_RUN_FIXTURE(QStringLiteral("decoder_reference.py"), m_dir.filePath(QStringLiteral("relu")), QStringLiteral("relu"));
        SNAPTION_RUN_FIXTURE(QStringLiteral("decoder_reference.py"), m_dir.filePath(QStringLiteral("gelu")), QStringLiteral("gelu"));
    }

    void matchesPyTorchTransformerDecoder_data()
    {
        QTest::addColumn<QString>("activation");
        QTest::newRow("relu") << QStringLiteral("relu");
        QTest::newRow("gelu") << QStringLiteral("gelu");
    }

    void matchesPyTorchTransformerDecoder()
    {
        QFETCH(QString, activation);
        const QString folder = m_dir.filePath(activation);
        CaptionModel model = loadReference(folder, activation.toStdString());
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = model->decode(fixtureTokens(folder), fixtureMemory(folder));
        const std::vector<float> expected = readFloats(QDir(folder).filePath(QStringLiteral("logits.f32")));
        const torch::Tensor reference = torch::from_blob(const_cast<float *>(expected.data()), {2, 6, 23});
        QVERIFY2(maxDifference(logits, reference) < 1e-4, qPrintable(QString::number(maxDifference(logits, reference))));
    }

    void cachedStepsEqualFullRecomputation()
    {
        const QString folder = m_dir.filePath(QStringLiteral("relu"));
        CaptionModel model = loadReference(folder, "relu");
        torch::NoGradGuard noGrad;
        const torch::Tensor tokens = fixtureTokens(folder), memory = fixtureMemory(folder);
        torch::Tensor fullAttention, stepAttention;
        const torch::Tensor full = model->decode(tokens, memory, &fullAttention);
        const torch::Tensor steps = stepwise(*model, tokens, memory, &stepAttention);
        QVERIFY2(maxDifference(full, steps) < 1e-4, qPrintable(QString::number(maxDifference(full, steps))));
        QVERIFY(maxDifference(fullAttention, stepAttention) < 1e-5);
    }

    void stepEngineEqualsLibTorch_data()
    {
        QTest::addColumn<bool>("int8");
        QTest::addColumn<QString>("activation");
        QTest::newRow("float32 relu") << false << QStringLiteral("relu");
        QTest::newRow("float32 gelu") << false << QStringLiteral("gelu");
        QTest::newRow("int8 relu") << true << QStringLiteral("relu");
    }

    void stepEngineEqualsLibTorch()
    {
        QFETCH(bool, int8);
        QFETCH(QString, activation);
        const QString folder = m_dir.filePath(activation);
        CaptionModel model = loadReference(folder, activation.toStdString());
        model->prepareForInference(int8 ? WeightPrecision::Int8 : WeightPrecision::Float32);
        c10::InferenceMode inference;
        const torch::Tensor tokens = fixtureTokens(folder), memory = fixtureMemory(folder);
        torch::Tensor fullAttention, engineAttention;
        // decode() runs on LibTorch, decodeStep() on the engine (the model is prepared).
        const torch::Tensor full = model->decode(tokens, memory, &fullAttention);
        const torch::Tensor engine = stepwise(*model, tokens, memory, &engineAttention);
        QVERIFY2(maxDifference(full, engine) < 1e-4, qPrintable(QString::number(maxDifference(full, engine))));
        QVERIFY(maxDifference(fullAttention, engineAttention) < 1e-5);
        if (int8) {
            // Int8 weights are a different model: the logits move, but only a little.
            const std::vector<float> expected = readFloats(QDir(folder).filePath(QStringLiteral("logits.f32")));
            const torch::Tensor reference = torch::from_blob(const_cast<float *>(expected.data()), {2, 6, 23});
            const double shift = maxDifference(full, reference);
            QVERIFY2(shift > 1e-6 && shift < 0.1, qPrintable(QString::number(shift)));
        }
    }

    void stepEngineProjectsMemoryAsLibTorchDoes_data()
    {
        QTest::addColumn<bool>("int8");
        QTest::newRow("float32") << false;
        QTest::newRow("int8") << true;
    }

    // The image memory, and its keys and values for cross-attention: the prepared model projects
    // all images' rows at once with the engine's products; LibTorch, image by image, agrees.
    void stepEngineProjectsMemoryAsLibTorchDoes()
    {
        QFETCH(bool, int8);
        CaptionModel model = randomModel(17);
        model->prepareForInference(int8 ? WeightPrecision::Int8 : WeightPrecision::Float32);
        c10::InferenceMode inference;
        // The encoder's 7 x 7 cells projected to the memory: the engine's rows against LibTorch's
        // product (which a model in training mode uses).
        const torch::Tensor cells = torch::randn({5, 1280, 7, 7});
        const torch::Tensor projected = model->memoryFromEncoderOutput(cells);
        model->train();
        const torch::Tensor byLibTorch = model->memoryFromEncoderOutput(cells);
        model->eval();
        QVERIFY2(maxDifference(projected, byLibTorch) < 1e-4, qPrintable(QString::number(maxDifference(projected, byLibTorch))));
        const torch::Tensor memory = torch::randn({5, 49, 32}) * 2;
        const DecoderCache cache = model->startDecoding(memory);
        QCOMPARE(cache.layers.size(), model->layers().size());
        for (std::size_t layer = 0; layer < model->layers().size(); ++layer) {
            for (std::int64_t image = 0; image < memory.size(0); ++image) {
                const auto [keys, values] = model->layers()[layer]->memoryKeysValues(memory.narrow(0, image, 1));
                QVERIFY2(maxDifference(cache.layers[layer].memoryKeys.narrow(0, image, 1), keys) < 1e-4,
                         qPrintable(QString::number(maxDifference(cache.layers[layer].memoryKeys.narrow(0, image, 1), keys))));
                QVERIFY(maxDifference(cache.layers[layer].memoryValues.narrow(0, image, 1), values) < 1e-4);
            }
        }
    }

    // A loaded model's weights are copy-on-write views of its mapped file: changing one model's
    // weights changes neither the file nor another model loaded from it, and replacing the file
    // (renamed over, as every writer here does) leaves a loaded model as it was.
    void loadedWeightsAreTheirOwnCopyOnWrite()
    {
        const std::string path = m_dir.filePath(QStringLiteral("cow.safetensors")).toStdString();
        const ModelConfig config = smallConfig();
        const Vocabulary vocabulary = Vocabulary::fromCaptions({"a dog runs", "a cat sits"});
        ModelFactory::Options options;
        options.seed = 21;
        ModelFactory::createRandom(config, vocabulary, path, options);
        ModelStorage::Loaded first = ModelStorage::load(path), second = ModelStorage::load(path);
        const std::string name = "vocab_projection.weight";
        torch::Tensor changed = ModelStorage::stateDict(*first.model).at(name), kept = ModelStorage::stateDict(*second.model).at(name);
        const SafetensorsFile file = SafetensorsFile::read(path);
        const torch::Tensor stored = TensorConversion::read(file, *file.find(name)).clone();
        QVERIFY(torch::equal(changed, stored));
        {
            torch::NoGradGuard noGrad;
            changed.add_(1.0);
        }
        QVERIFY(torch::equal(kept, stored));
        QVERIFY(torch::equal(TensorConversion::read(SafetensorsFile::read(path), *file.find(name)), stored));
        options.seed = 22;
        ModelFactory::createRandom(config, vocabulary, path, options);
        QVERIFY(!torch::equal(TensorConversion::read(SafetensorsFile::read(path), *file.find(name)), stored));
        QVERIFY(torch::equal(kept, stored));
        QVERIFY(torch::equal(changed, stored + 1.0));
    }

    void crossAttentionRowsSumToOne()
    {
        CaptionModel model = randomModel(3);
        model->prepareForInference();
        c10::InferenceMode inference;
        const torch::Tensor memory = torch::randn({3, 49, 32});
        torch::Tensor attention;
        stepwise(*model, torch::randint(4, 40, {3, 5}), memory, &attention);
        QCOMPARE(attention.sizes().vec(), (std::vector<std::int64_t>{3, 5, 2, 4, 49}));
        QVERIFY((attention.sum(-1) - 1).abs().max().item<double>() < 1e-5);
        QVERIFY(attention.min().item<double>() >= 0);
    }

    void beamWidthOneEqualsGreedy()
    {
        for (std::uint64_t seed = 0; seed < 5; ++seed) {
            CaptionModel model = randomModel(seed);
            model->prepareForInference();
            c10::InferenceMode inference;
            const torch::Tensor memory = torch::randn({4, 49, 32}) * 3;
            const auto greedy = GreedySearch(*model, DecodingOptions::greedy()).run(memory);
            const auto beam = BeamSearch(*model, DecodingOptions::beam(1)).run(memory);
            for (std::size_t i = 0; i < greedy.size(); ++i) {
                QCOMPARE(beam[i].tokens, greedy[i].tokens);
                QCOMPARE(beam[i].probabilities.size(), greedy[i].probabilities.size());
            }
        }
    }

    void scoresAreMeanLogProbabilities()
    {
        CaptionModel model = randomModel(4);
        model->prepareForInference();
        c10::InferenceMode inference;
        const torch::Tensor memory = torch::randn({2, 49, 32}) * 3;
        for (const DecodingOptions &options : {DecodingOptions::greedy(), DecodingOptions::beam(4)}) {
            const auto sequences = options.strategy == DecodingOptions::Strategy::Beam ? BeamSearch(*model, options).run(memory)
                                                                                        : GreedySearch(*model, options).run(memory);
            for (const DecodedSequence &sequence : sequences) {
                QVERIFY(!sequence.tokens.empty());
                QCOMPARE(sequence.probabilities.size(), sequence.tokens.size());
                QCOMPARE(sequence.attention.size(), sequence.tokens.size());
                double sum = 0;
                for (const float p : sequence.probabilities) {
                    QVERIFY(p > 0 && p <= 1);
                    sum += std::log(double(p));
                }
                QVERIFY(std::abs(sequence.score - sum / double(sequence.tokens.size())) < 1e-4);
            }
        }
    }

    // With a beam wider than the number of possible captions, beam search is exhaustive: it must
    // return the caption that maximises log probability / length^lengthPenalty over all of them,
    // enumerated here from the model's full forward pass.
    void beamRanksCaptionsByLengthPenalty()
    {
        torch::manual_seed(21);
        ModelConfig config = smallConfig();
        constexpr std::int64_t kWords = 3, kMaxTokens = 3;
        CaptionModel model(config, Vocabulary::kEnd + 1 + kWords);
        model->eval();
        c10::InferenceMode inference;
        const torch::Tensor memory = torch::randn({12, 49, 32}) * 3;

        struct Candidate {
            std::vector<std::int64_t> tokens;
            double logProbability;
        };
        // Every caption of at most kMaxTokens tokens: ended by <END>, or cut off at the limit.
        const auto enumerate = [&](const torch::Tensor &imageMemory) {
            std::vector<Candidate> all, open{{{}, 0.0}};
            for (std::int64_t step = 0; step < kMaxTokens; ++step) {
                std::vector<Candidate> next;
                for (const Candidate &prefix : open) {
                    std::vector<std::int64_t> history{Vocabulary::kStart};
                    history.insert(history.end(), prefix.tokens.begin(), prefix.tokens.end());
                    torch::Tensor logits = model->decode(torch::tensor(history, torch::kLong).unsqueeze(0), imageMemory).select(1, -1).squeeze(0);
                    const torch::Tensor logProbabilities = torch::log_softmax(logits.narrow(0, Vocabulary::kEnd, kWords + 1), 0);
                    for (std::int64_t choice = 0; choice <= kWords; ++choice) {
                        Candidate child = prefix;
                        child.tokens.push_back(Vocabulary::kEnd + choice);
                        child.logProbability += logProbabilities[choice].item<double>();
                        (choice == 0 || step + 1 == kMaxTokens ? all : next).push_back(std::move(child));
                    }
                }
                open = std::move(next);
            }
            return all;
        };

        int differences = 0;
        for (std::int64_t image = 0; image < memory.size(0); ++image) {
            const torch::Tensor imageMemory = memory.narrow(0, image, 1);
            const std::vector<Candidate> all = enumerate(imageMemory);
            QCOMPARE(int(all.size()), 1 + 3 + 9 + 27); // 13 ended by <END>, 27 cut off after three words
            std::vector<std::int64_t> previous;
            for (const double penalty : {0.0, 0.5, 1.0}) {
                const Candidate *best = nullptr;
                double bestRank = -std::numeric_limits<double>::infinity();
                for (const Candidate &c : all) {
                    const double rank = c.logProbability / std::pow(double(c.tokens.size()), penalty);
                    if (rank > bestRank) bestRank = rank, best = &c;
                }
                DecodingOptions options = DecodingOptions::beam(64);
                options.lengthPenalty = penalty;
                options.maxTokens = int(kMaxTokens);
                const DecodedSequence found = BeamSearch(*model, options).run(imageMemory).front();
                QCOMPARE(found.tokens, best->tokens);
                // The reported score stays the mean log probability per token, whatever the ranking.
                QVERIFY(std::abs(found.score - best->logProbability / double(best->tokens.size())) < 1e-4);
                if (!previous.empty() && previous != found.tokens) ++differences;
                previous = found.tokens;
            }
        }
        QVERIFY2(differences > 0, "the penalties never changed the chosen caption: the test would not notice the option being ignored");
    }

    void searchesWithoutCacheGiveTheSameCaptions()
    {
        CaptionModel model = randomModel(11);
        model->prepareForInference();
        c10::InferenceMode inference;
        const torch::Tensor memory = torch::randn({3, 49, 32}) * 3;
        for (DecodingOptions options : {DecodingOptions::greedy(), DecodingOptions::beam(3)}) {
            const auto cached = options.strategy == DecodingOptions::Strategy::Beam ? BeamSearch(*model, options).run(memory)
                                                                                     : GreedySearch(*model, options).run(memory);
            options.useKvCache = false;
            const auto recomputed = options.strategy == DecodingOptions::Strategy::Beam ? BeamSearch(*model, options).run(memory)
                                                                                         : GreedySearch(*model, options).run(memory);
            for (std::size_t i = 0; i < cached.size(); ++i) {
                QCOMPARE(cached[i].tokens, recomputed[i].tokens);
                QVERIFY(std::abs(cached[i].score - recomputed[i].score) < 1e-4);
            }
        }
    }

    void batchEqualsSingleImages_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<bool>("int8");
        for (const InferenceLinear::Kernel kernel : {InferenceLinear::Kernel::Scalar, InferenceLinear::Kernel::Avx2, InferenceLinear::Kernel::Avx512})
            for (const bool int8 : {false, true}) QTest::addRow("kernel %d %s", int(kernel), int8 ? "int8" : "fp32") << int(kernel) << int8;
    }

    // Forty images decoded as one batch get what each gets alone: tokens, probabilities, scores and
    // attention bit for bit, for every beam width, on each kernel the CPU has.
    void batchEqualsSingleImages()
    {
        QFETCH(int, kernel);
        QFETCH(bool, int8);
        const auto chosen = InferenceLinear::Kernel(kernel);
        if ((chosen == InferenceLinear::Kernel::Avx512 && !__builtin_cpu_supports("avx512bw")) ||
            (chosen == InferenceLinear::Kernel::Avx2 && !__builtin_cpu_supports("avx2")))
            QSKIP("this CPU lacks the instruction set");
        InferenceLinear::setKernel(chosen);
        CaptionModel model = randomModel(5);
        model->prepareForInference(int8 ? WeightPrecision::Int8 : WeightPrecision::Float32);
        c10::InferenceMode inference;
        const torch::Tensor memory = torch::randn({40, 49, 32}) * 3;
        std::vector<DecodingOptions> searches{DecodingOptions::greedy(), DecodingOptions::sample(5, 1.0f, 9)};
        for (const int width : {1, 2, 3, 5}) searches.push_back(DecodingOptions::beam(width));
        for (const DecodingOptions &options : searches) {
            const auto run = [&](const torch::Tensor &m) {
                return options.strategy == DecodingOptions::Strategy::Beam ? BeamSearch(*model, options).run(m)
                                                                           : GreedySearch(*model, options).run(m);
            };
            const auto batch = run(memory);
            for (std::int64_t i = 0; i < memory.size(0); ++i) {
                const DecodedSequence alone = run(memory.narrow(0, i, 1)).front(), &together = batch[std::size_t(i)];
                QCOMPARE(together.tokens, alone.tokens);
                QCOMPARE(together.probabilities, alone.probabilities);
                QCOMPARE(together.score, alone.score);
                for (std::size_t t = 0; t < alone.attention.size(); ++t) QVERIFY(torch::equal(together.attention[t], alone.attention[t]));
            }
        }
        InferenceLinear::setKernel(InferenceLinear::Kernel::Auto);
    }

    // The LibTorch step (used while training) reads each row's image memory through the cache's
    // row map after re-ranking, as the step engine does.
    void libTorchStepsFollowTheRowMap()
    {
        CaptionModel model = randomModel(13);
        model->prepareForInference();
        torch::NoGradGuard noGrad;
        const torch::Tensor memory = torch::randn({5, 49, 32}) * 3;
        const auto engine = BeamSearch(*model, DecodingOptions::beam(3)).run(memory);
        model->train(); // dropout is 0: the same arithmetic, through LibTorch's operations
        const auto libTorch = BeamSearch(*model, DecodingOptions::beam(3)).run(memory);
        for (std::size_t i = 0; i < engine.size(); ++i) {
            QCOMPARE(libTorch[i].tokens, engine[i].tokens);
            QVERIFY(std::abs(libTorch[i].score - engine[i].score) < 1e-4);
        }
    }

    // Exact ties go to the earlier hypothesis, then to the lower token id: with every word scored
    // alike in pairs, the search keeps choosing the first word of the best pair.
    void beamTiesGoToTheLowerTokenId()
    {
        CaptionModel model = randomModel(3);
        {
            torch::NoGradGuard noGrad;
            model->vocabProjection()->weight.zero_();
            torch::Tensor bias = model->vocabProjection()->bias;
            for (std::int64_t t = 0; t < bias.size(0); ++t) bias[t] = -double((t - Vocabulary::kEnd - 1) / 2);
            bias[Vocabulary::kEnd] = -100.0; // never ends: the length limit decides
        }
        model->prepareForInference();
        c10::InferenceMode inference;
        const torch::Tensor memory = torch::randn({4, 49, 32});
        for (const int width : {2, 3, 4}) {
            for (const DecodedSequence &sequence : BeamSearch(*model, DecodingOptions::beam(width)).run(memory))
                QCOMPARE(sequence.tokens, std::vector<std::int64_t>(11, Vocabulary::kEnd + 1));
        }
    }

    void samplingIsSeeded()
    {
        CaptionModel model = randomModel(8);
        model->prepareForInference();
        c10::InferenceMode inference;
        const torch::Tensor memory = torch::randn({1, 49, 32});
        const auto first = GreedySearch(*model, DecodingOptions::sample(0, 2.0f, 42)).run(memory).front().tokens;
        QCOMPARE(GreedySearch(*model, DecodingOptions::sample(0, 2.0f, 42)).run(memory).front().tokens, first);
        bool differs = false;
        for (std::uint64_t seed = 43; seed < 53 && !differs; ++seed)
            differs = GreedySearch(*model, DecodingOptions::sample(0, 2.0f, seed)).run(memory).front().tokens != first;
        QVERIFY2(differs, "ten other seeds all produced the same caption at temperature 2");
        // Top-1 sampling is greedy decoding.
        QCOMPARE(GreedySearch(*model, DecodingOptions::sample(1, 1.0f, 3)).run(memory).front().tokens,
                 GreedySearch(*model, DecodingOptions::greedy()).run(memory).front().tokens);
    }

    // Several rows per image (self-critical training's samples) read one copy of the image's
    // memory: the same captions, with and without the step engine, as rows of repeated memory.
    void rowsPerImageEqualRepeatedMemory()
    {
        CaptionModel model = randomModel(9);
        const torch::Tensor memory = torch::randn({3, 49, 32}) * 2;
        constexpr std::int64_t k = 4;
        std::vector<std::uint64_t> seeds;
        for (std::uint64_t i = 0; i < 3 * k; ++i) seeds.push_back(100 + i);
        for (const bool engine : {false, true}) {
            if (engine) model->prepareForInference();
            c10::InferenceMode inference;
            const DecodingOptions options = DecodingOptions::sample(0, 1.5f, 0);
            const auto shared = GreedySearch(*model, options).run(memory, seeds, k);
            const auto repeated = GreedySearch(*model, options).run(memory.repeat_interleave(k, 0), seeds);
            QCOMPARE(shared.size(), repeated.size());
            std::set<std::vector<std::int64_t>> distinct;
            for (std::size_t i = 0; i < shared.size(); ++i) {
                QCOMPARE(shared[i].tokens, repeated[i].tokens);
                QCOMPARE(shared[i].probabilities, repeated[i].probabilities);
                distinct.insert(shared[i].tokens);
            }
            QVERIFY2(distinct.size() > 3, "the rows of an image drew the same caption: the seeds would not matter");
        }
        QVERIFY_THROWS_EXCEPTION(Error, GreedySearch(*model, DecodingOptions::greedy()).run(memory, seeds, 2));
    }

    // Teacher-forced decoding with a row map: the logits and the gradients of repeated memory.
    void decodeWithRowMapEqualsRepeatedMemory()
    {
        CaptionModel model = randomModel(10);
        model->train();
        const torch::Tensor tokens = torch::randint(Vocabulary::kEnd, 40, {6, 7}, torch::kLong);
        const torch::Tensor rows = torch::tensor(std::vector<std::int64_t>{0, 0, 1, 1, 1, 0});
        const torch::Tensor memory = (torch::randn({2, 49, 32}) * 2).requires_grad_();
        const torch::Tensor mapped = model->decode(tokens, memory, nullptr, rows);
        mapped.pow(2).sum().backward();
        const torch::Tensor mappedGradient = memory.grad().clone();
        const torch::Tensor weightGradient = crossWeights(model).grad().clone();
        memory.mutable_grad().zero_();
        model->zero_grad();
        const torch::Tensor plain = model->decode(tokens, memory.index_select(0, rows));
        plain.pow(2).sum().backward();
        QVERIFY(maxDifference(mapped, plain) < 1e-5);
        QVERIFY(maxDifference(mappedGradient, memory.grad()) < 1e-3 * (1 + memory.grad().abs().max().item<double>()));
        const torch::Tensor plainWeightGradient = crossWeights(model).grad();
        QVERIFY(maxDifference(weightGradient, plainWeightGradient) < 1e-3 * (1 + plainWeightGradient.abs().max().item<double>()));
        QVERIFY(memory.grad().abs().max().item<double>() > 0);
    }

    void stepEngineNoticesChangedWeights()
    {
        CaptionModel model = randomModel(2);
        model->prepareForInference();
        const torch::Tensor memory = torch::randn({1, 49, 32});
        const torch::Tensor tokens = torch::full({1, 3}, Vocabulary::kStart, torch::kLong);
        torch::Tensor before, after;
        {
            torch::NoGradGuard noGrad;
            model->layers()[0]->linear1->weight.mul_(2.0); // as an optimiser step would
            before = model->decode(tokens, memory).select(1, 2);
            after = stepwise(*model, tokens, memory, nullptr).select(1, 2);
        }
        QVERIFY(maxDifference(before, after) < 1e-4);
    }
};

QTEST_GUILESS_MAIN(TestDecoder)
#include "tst_decoder.moc"
