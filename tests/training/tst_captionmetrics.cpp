// BLEU and CIDEr-D against cases computed by hand with coco-caption's definitions.
#include <snaption/error.h>
#include <snaption/training/captionmetrics.h>
#include <snaption/vocabulary.h>

#include <QtTest>

#include <cmath>

using namespace snaption;
using namespace snaption::training;

namespace {

CaptionMetrics::Tokens words(const char *text)
{
    return Vocabulary::tokenize(text);
}

} // namespace

class TestCaptionMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bleuByHand()
    {
        // "the cat sat on the mat" against two references: clipped matches 5/6, 3/5, 1/4, 0/3;
        // the closest reference length is 6, so there is no brevity penalty.
        const auto bleu = CaptionMetrics::bleu({words("the cat sat on the mat")},
                                               {{words("the cat is on the mat"), words("there is a cat on the mat")}});
        QVERIFY(std::abs(bleu[0] - 5.0 / 6.0) < 1e-9);
        QVERIFY(std::abs(bleu[1] - std::sqrt(0.5)) < 1e-9);
        QVERIFY(std::abs(bleu[2] - 0.5) < 1e-9);
        QVERIFY(bleu[3] < 1e-3 && bleu[3] > 0); // no 4-gram matches: only the 1e-15 smoothing remains
    }

    void bleuBrevityPenalty()
    {
        // Two words against six: BP = exp(1 - 6/2) = e^-2.
        const auto bleu = CaptionMetrics::bleu({words("the cat")}, {{words("the cat is on the mat")}});
        QVERIFY(std::abs(bleu[0] - std::exp(-2.0)) < 1e-9);
        // The ratio uses the closest reference (4 words, not 6): 3 / 4.
        const CaptionScores scores = CaptionMetrics::compute({words("a red cat")}, {{words("the cat is on the mat"), words("a cat sits here")}});
        QVERIFY(std::abs(scores.lengthRatio - 0.75) < 1e-9);
    }

    void bleuIsCorpusLevel()
    {
        // Counts are pooled over images before dividing: (2 + 0) / (2 + 2), not the mean of 1 and 0.
        const auto bleu = CaptionMetrics::bleu({words("a b"), words("c d")}, {{words("a b")}, {words("x y")}});
        QVERIFY(std::abs(bleu[0] - 0.5) < 1e-9);
    }

    void ciderPerfectCaptions()
    {
        // Perfect two-word captions: unigram and bigram similarity 1, trigram and 4-gram 0;
        // (1 + 1 + 0 + 0) / 4 * 10 = 5.
        QVERIFY(std::abs(CaptionMetrics::ciderD({words("a b"), words("c d")}, {{words("a b")}, {words("c d")}}) - 5.0) < 1e-9);
        // A caption sharing nothing with its reference scores 0: the mean is 2.5.
        QVERIFY(std::abs(CaptionMetrics::ciderD({words("a b"), words("a b")}, {{words("a b")}, {words("c d")}}) - 2.5) < 1e-9);
        // Caption by caption: 5 and 0 (the confidence calibration compares these).
        const std::vector<double> each = CaptionMetrics::ciderDPerCaption({words("a b"), words("a b")}, {{words("a b")}, {words("c d")}});
        QCOMPARE(each.size(), std::size_t(2));
        QVERIFY(std::abs(each[0] - 5.0) < 1e-9);
        QVERIFY(std::abs(each[1]) < 1e-9);
    }

    void ciderLengthPenaltyAndClipping()
    {
        // "a b" against "a b c": unigrams 2/sqrt(6), bigrams 1/sqrt(2), times exp(-1/72) for the
        // length difference (coco-caption counts length in bigrams); mean over n, x10.
        const double first = (2.0 / std::sqrt(6.0) + 1.0 / std::sqrt(2.0)) * std::exp(-1.0 / 72.0) / 4.0 * 10.0;
        const double cider = CaptionMetrics::ciderD({words("a b"), words("d e")}, {{words("a b c")}, {words("d e")}});
        QVERIFY2(std::abs(cider - (first + 5.0) / 2.0) < 1e-9, qPrintable(QString::number(cider)));
        // Repeating a word does not earn more than the reference has (clipping): "a a b" < "a b".
        const double repeated = CaptionMetrics::ciderD({words("a a b"), words("d e")}, {{words("a b")}, {words("d e")}});
        QVERIFY(repeated < 5.0);
    }

    void emptyCandidatesAndErrors()
    {
        const CaptionScores scores = CaptionMetrics::compute({{}, words("c d")}, {{words("a b")}, {words("c d")}});
        QCOMPARE(scores.images, 2);
        QVERIFY(scores.bleu[0] > 0 && scores.bleu[0] < 1);
        QVERIFY_THROWS_EXCEPTION(Error, CaptionMetrics::bleu({words("a")}, {}));
        QVERIFY_THROWS_EXCEPTION(Error, CaptionMetrics::ciderD({words("a")}, {{}}));
    }
};

QTEST_GUILESS_MAIN(TestCaptionMetrics)
#include "tst_captionmetrics.moc"
