// Self-critical training's pieces: the policy-gradient loss moves probability towards samples
// rewarded above their baseline, the rewards are the evaluator's CIDEr-D (with end marks), and
// sampling is a function of the seeds.
#include "selfcriticalobjective.h"

#include <snaption/error.h>
#include <snaption/training/captionmetrics.h>
#include <snaption/vocabulary.h>

#include <QtTest>

#include <numeric>

using namespace snaption;
using namespace snaption::training;

namespace {

using Tokens = CiderDScorer::Tokens;
using Ids = std::vector<std::int64_t>;

// A word per id: ids from 4 on are the words of kWords.
const std::vector<std::string> kWords{"a", "dog", "runs", "on", "the", "grass", "black", "cat", "sits", "mat", "field"};

Ids idsOf(const std::string &caption, bool finished = true)
{
    Ids ids;
    for (const std::string &word : Vocabulary::tokenize(caption))
        ids.push_back(std::int64_t(std::find(kWords.begin(), kWords.end(), word) - kWords.begin()) + 4);
    if (finished) ids.push_back(Vocabulary::kEnd);
    return ids;
}

Tokens wordsOf(const Ids &ids)
{
    Tokens words;
    for (const std::int64_t id : ids) {
        if (id == Vocabulary::kEnd) break;
        words.push_back(kWords[std::size_t(id - 4)]);
    }
    return words;
}

std::vector<std::vector<Tokens>> references()
{
    const std::vector<std::vector<std::string>> captions{
        {"a dog runs on the grass", "a black dog runs on grass", "the dog runs on the field"},
        {"a cat sits on the mat", "a black cat sits on a mat", "the cat sits on the mat"},
        {"a black dog sits on the grass", "a dog sits on grass", "the black dog on the field"},
    };
    std::vector<std::vector<Tokens>> result;
    for (const auto &image : captions) {
        result.emplace_back();
        for (const std::string &caption : image) result.back().push_back(Vocabulary::tokenize(caption));
    }
    return result;
}

// Each row's summed log probability of its target tokens under `logits`, real tokens only.
torch::Tensor sequenceLogProbabilities(const torch::Tensor &logits, const torch::Tensor &targets, const torch::Tensor &mask)
{
    return (torch::log_softmax(logits, -1).gather(2, targets.unsqueeze(2)).squeeze(2) * mask.to(torch::kFloat)).sum(1);
}

} // namespace

class TestSelfCriticalObjective : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Two images, two samples each: the better sample of each image gains probability, the worse
    // loses it, and the loss is -sum(advantage x log p) over real tokens / their number.
    void lossRaisesSamplesAboveTheirBaseline()
    {
        torch::manual_seed(3);
        torch::Tensor logits = torch::randn({4, 3, 6}).requires_grad_(true);
        const torch::Tensor targets = torch::tensor({1, 2, 3, 4, 5, 0, 2, 2, 1, 3, 4, 0}, torch::kLong).reshape({4, 3});
        torch::Tensor mask = torch::ones({4, 3}, torch::kBool);
        mask[3][2] = false; // a shorter fourth sample
        const std::vector<double> rewards{0.9, 0.1, 0.3, 0.5};

        const torch::Tensor before = sequenceLogProbabilities(logits, targets, mask).detach();
        const torch::Tensor loss = SelfCriticalObjective::loss(torch::log_softmax(logits, -1).gather(2, targets.unsqueeze(2)).squeeze(2), mask, rewards, 2);
        // Advantages: 0.9 - 0.1, 0.1 - 0.9, 0.3 - 0.5, 0.5 - 0.3; 11 real tokens.
        const auto lp = before.accessor<float, 1>();
        const double expected = -(0.8 * lp[0] - 0.8 * lp[1] - 0.2 * lp[2] + 0.2 * lp[3]) / 11.0;
        QVERIFY2(std::abs(loss.item<double>() - expected) < 1e-5, qPrintable(QStringLiteral("%1 vs %2").arg(loss.item<double>()).arg(expected)));
        loss.backward();
        QCOMPARE(logits.grad()[3][2].abs().sum().item<float>(), 0.0f); // no gradient through padding
        {
            torch::NoGradGuard noGrad;
            logits -= 0.5 * logits.grad();
        }
        const torch::Tensor after = sequenceLogProbabilities(logits, targets, mask);
        QVERIFY(after[0].item<float>() > lp[0]);
        QVERIFY(after[1].item<float>() < lp[1]);
        QVERIFY(after[2].item<float>() < lp[2]);
        QVERIFY(after[3].item<float>() > lp[3]);
    }

    // With three samples the baseline is the mean of the other two: a sample at it learns nothing.
    void baselineIsTheMeanOfTheOtherSamples()
    {
        torch::Tensor logProbabilities = torch::full({3, 2}, -1.0).requires_grad_(true);
        SelfCriticalObjective::loss(logProbabilities, torch::ones({3, 2}, torch::kBool), {1.0, 0.0, 0.5}, 3).backward();
        const torch::Tensor gradient = logProbabilities.grad();
        // d loss / d log p = -advantage / 6: advantages 0.75, -0.75, 0.
        QVERIFY(std::abs(gradient[0][0].item<double>() + 0.75 / 6) < 1e-6);
        QVERIFY(std::abs(gradient[1][1].item<double>() - 0.75 / 6) < 1e-6);
        QCOMPARE(gradient[2].abs().sum().item<float>(), 0.0f);
        QVERIFY_THROWS_EXCEPTION(Error, SelfCriticalObjective::loss(logProbabilities, torch::ones({3, 2}, torch::kBool), {1.0, 0.0, 0.5}, 2));
        QVERIFY_THROWS_EXCEPTION(Error, SelfCriticalObjective(references(), 1, wordsOf));
    }

    // A sample's reward is the evaluator's CIDEr-D (CaptionMetrics) of the caption with an end
    // mark against the references with one, document frequencies from all training images: with
    // one candidate per training image the mean reward equals the evaluator's corpus score.
    void rewardsAreTheEvaluatorsCiderD()
    {
        const SelfCriticalObjective objective(references(), 5, wordsOf);
        const std::vector<Ids> candidates{idsOf("a dog runs on the grass"), idsOf("a cat sits on a mat"), idsOf("a black dog on the", false)};
        std::vector<Tokens> marked;
        std::vector<std::vector<Tokens>> markedReferences = references();
        double meanReward = 0;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const std::vector<double> reward = objective.rewards(std::int64_t(i), {candidates[i]});
            QCOMPARE(reward.size(), std::size_t(1));
            meanReward += reward.front() / double(candidates.size());
            marked.push_back(wordsOf(candidates[i]));
            if (candidates[i].back() == Vocabulary::kEnd) marked.back().push_back("<END>");
            for (Tokens &reference : markedReferences[i]) reference.push_back("<END>");
        }
        const double evaluator = CaptionMetrics::ciderD(marked, markedReferences);
        QVERIFY2(std::abs(meanReward - evaluator) < 1e-12, qPrintable(QStringLiteral("%1 vs %2").arg(meanReward).arg(evaluator)));
        QVERIFY(meanReward > 0.5);
        QVERIFY_THROWS_EXCEPTION(Error, objective.rewards(3, {candidates[0]}));
    }

    // The end mark is the guard against captions that stop after "on the": such an ending loses
    // reward against a finished caption compared with plain CIDEr-D, which pays for its n-grams.
    void endMarksPenaliseUnfinishedPhrases()
    {
        const SelfCriticalObjective objective(references(), 5, wordsOf);
        const std::vector<double> marked = objective.rewards(0, {idsOf("a dog runs on the"), idsOf("a dog runs on the grass")});
        const CiderDScorer plain(references());
        const std::vector<double> unmarked =
            plain.scores({Vocabulary::tokenize("a dog runs on the"), Vocabulary::tokenize("a dog runs on the grass")}, references()[0]);
        QVERIFY2(marked[0] < marked[1], qPrintable(QStringLiteral("%1 %2").arg(marked[0]).arg(marked[1])));
        QVERIFY2(marked[0] / marked[1] < unmarked[0] / unmarked[1],
                 qPrintable(QStringLiteral("marked %1/%2, plain %3/%4").arg(marked[0]).arg(marked[1]).arg(unmarked[0]).arg(unmarked[1])));
    }

    // A step samples K captions per image from the seeds: the same seeds give the same loss and
    // rewards; the loss has gradients for the decoder.
    void stepsAreFunctionsOfTheirSeeds()
    {
        ModelConfig config;
        config.encoder.name = EncoderConfig::kSimpleCnn;
        config.encoder.inputSize = 64;
        config.decoder.layers = 1;
        config.decoder.dim = 32;
        config.decoder.heads = 2;
        config.decoder.feedForward = 64;
        config.decoder.contextLength = 10;
        torch::manual_seed(5);
        CaptionModel model(config, std::int64_t(kWords.size() + 4));
        torch::Tensor output;
        {
            torch::NoGradGuard noGrad;
            output = model->encoderOutput(torch::randn({3, 3, 64, 64}));
        }
        SelfCriticalObjective objective(references(), 4, [](const Ids &ids) {
            Tokens words;
            for (const std::int64_t id : ids) {
                if (id == Vocabulary::kEnd) break;
                words.push_back(id >= 4 ? kWords[std::size_t(id - 4)] : "<special>");
            }
            return words;
        });
        std::vector<std::uint64_t> seeds(12);
        std::iota(seeds.begin(), seeds.end(), 100);
        const auto first = objective.step(*model, output, {0, 1, 2}, seeds, false);
        const auto again = objective.step(*model, output, {0, 1, 2}, seeds, false);
        QVERIFY(std::isfinite(first.loss.item<double>()));
        QCOMPARE(first.loss.item<double>(), again.loss.item<double>());
        QCOMPARE(first.meanReward, again.meanReward);
        QVERIFY(first.meanReward >= 0 && first.greedyReward >= 0);
        QVERIFY(!model->is_training()); // sampled without dropout
        // The loss sees the distribution the sampler drew from: each sample's recomputed token log
        // probabilities are the sampler's, also after the weights changed (the inference engine is
        // then stale and must not be used).
        const auto checkSameDistribution = [&] {
            const SelfCriticalObjective::Samples samples = objective.sample(*model, output, {0, 1, 2}, seeds);
            const auto [logProbabilities, mask] = objective.tokenLogProbabilities(*model, output, samples.sequences, false);
            for (std::size_t r = 0; r < samples.sequences.size(); ++r) {
                const DecodedSequence &sequence = samples.sequences[r];
                for (std::size_t t = 0; t < sequence.tokens.size(); ++t) {
                    const double recomputed = logProbabilities[std::int64_t(r)][std::int64_t(t)].item<double>();
                    QVERIFY2(std::abs(recomputed - std::log(double(sequence.probabilities[t]))) < 1e-4,
                             qPrintable(QStringLiteral("row %1 token %2: %3 vs %4").arg(r).arg(t).arg(recomputed).arg(std::log(sequence.probabilities[t]))));
                }
                QCOMPARE(mask[std::int64_t(r)].sum().item<std::int64_t>(), std::int64_t(sequence.tokens.size()));
            }
        };
        first.loss.backward();
        QVERIFY(model->vocabProjection()->weight.grad().defined());
        QVERIFY(model->vocabProjection()->weight.grad().abs().sum().item<double>() > 0);
        checkSameDistribution();
        model->prepareForInference();
        checkSameDistribution();
        {
            torch::NoGradGuard noGrad;
            model->vocabProjection()->weight.add_(0.05);
        }
        checkSameDistribution();
        QVERIFY_THROWS_EXCEPTION(Error, objective.step(*model, output, {0, 1, 2}, {1, 2, 3}, false));
    }
};

QTEST_GUILESS_MAIN(TestSelfCriticalObjective)
#include "tst_selfcriticalobjective.moc"
