// The SentencePiece subword vocabulary: learnt from captions, stored as bytes, pieces back to words.
#include <snaption/error.h>
#include <snaption/subwordmodel.h>

#include "germancaptions.h"

#include <QtTest>

using namespace snaption;
using snaption::test::repeatedGermanCaptions;

class TestSubwordModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learnsPiecesWithTheSpecialTokensFirst()
    {
        const SubwordModel model = SubwordModel::train(repeatedGermanCaptions(), 60);
        const Vocabulary vocabulary = model.vocabulary();
        QCOMPARE(vocabulary.size(), std::size_t(60));
        for (std::size_t i = 0; i < Vocabulary::specialTokens().size(); ++i) QCOMPARE(vocabulary.token(std::int64_t(i)), Vocabulary::specialTokens()[i]);
    }

    void encodesAndJoinsBackIntoTheWords()
    {
        const SubwordModel model = SubwordModel::train(repeatedGermanCaptions(), 60);
        const std::vector<std::int64_t> ids = model.encode("Zwei Hunde spielen im Schwimmbecken!");
        QCOMPARE(ids.front(), Vocabulary::kStart);
        QCOMPARE(ids.back(), Vocabulary::kEnd);
        const std::vector<std::int64_t> pieces(ids.begin() + 1, ids.end() - 1);
        QVERIFY(pieces.size() > 5); // 60 pieces cannot hold every word whole
        std::vector<std::string> words;
        std::size_t covered = 0;
        for (const SubwordModel::WordPieces &word : model.words(pieces)) {
            QCOMPARE(word.firstPiece, covered);
            covered += word.pieceCount;
            words.push_back(word.word);
        }
        QCOMPARE(covered, pieces.size());
        QCOMPARE(words, (std::vector<std::string>{"zwei", "hunde", "spielen", "im", "schwimmbecken"}));
    }

    void theSameCaptionsGiveTheSameModel()
    {
        QCOMPARE(SubwordModel::train(repeatedGermanCaptions(), 60).serialized(), SubwordModel::train(repeatedGermanCaptions(), 60).serialized());
        const SubwordModel model = SubwordModel::train(repeatedGermanCaptions(), 60);
        const SubwordModel reloaded = SubwordModel::fromSerialized(model.serialized());
        QCOMPARE(reloaded.vocabulary(), model.vocabulary());
        QCOMPARE(reloaded.encode("Ein Hund im Park"), model.encode("Ein Hund im Park"));
    }

    void badInputIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(Error, SubwordModel::fromSerialized("not a model"));
        try {
            SubwordModel::train({"ein hund"}, 5000);
            QFAIL("learnt 5000 pieces from two words");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::InvalidArgument);
            QVERIFY2(QString::fromStdString(error.what()).startsWith(QLatin1String("cannot learn a subword vocabulary of 5000 pieces")), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, SubwordModel::train(repeatedGermanCaptions(), 31));
        QVERIFY_THROWS_EXCEPTION(Error, SubwordModel::train(repeatedGermanCaptions(), 100'001));
    }

    // A lone word mark ("▁" as a piece of its own) starts the word its next pieces fill; one that
    // no piece follows joins the word before it (or, first of all, the word after it).
    void loneWordMarksJoinANeighbour()
    {
        const SubwordModel model = SubwordModel::train(repeatedGermanCaptions(), 60);
        const Vocabulary pieces = model.vocabulary();
        QVERIFY(pieces.contains(SubwordModel::kWordStart) && pieces.contains("h") && pieces.contains("u"));
        const std::int64_t mark = pieces.index(SubwordModel::kWordStart), h = pieces.index("h"), u = pieces.index("u");
        const auto described = [&](const std::vector<std::int64_t> &ids) {
            QStringList words;
            for (const SubwordModel::WordPieces &word : model.words(ids))
                words << QStringLiteral("%1@%2+%3").arg(QString::fromStdString(word.word)).arg(word.firstPiece).arg(word.pieceCount);
            return words.join(QLatin1Char(' '));
        };
        QCOMPARE(described({mark, h, u, mark, mark, h, Vocabulary::kEnd, mark}), QStringLiteral("hu@0+4 h@4+2 <END>@6+2"));
        QCOMPARE(described({mark, Vocabulary::kUnknown, h}), QStringLiteral("<UNKNOWN>@0+2 h@2+1"));
        QCOMPARE(described({h, u}), QStringLiteral("hu@0+2")); // a first piece without a mark still begins a word
        QCOMPARE(described({}), QString());
    }

    void specialTokensAndUnknownIdsAreWordsOfTheirOwn()
    {
        const SubwordModel model = SubwordModel::train(repeatedGermanCaptions(), 60);
        const std::vector<SubwordModel::WordPieces> words = model.words({Vocabulary::kUnknown, 999999});
        QCOMPARE(words.size(), std::size_t(2));
        QCOMPARE(words[0].word, std::string("<UNKNOWN>"));
        QCOMPARE(words[1].word, std::string("<UNKNOWN>")); // an id beyond the pieces
    }
};

QTEST_GUILESS_MAIN(TestSubwordModel)
#include "tst_subwordmodel.moc"
