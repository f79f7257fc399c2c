#include <snaption/error.h>
#include <snaption/vocabulary.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

class TestVocabulary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void specialTokensComeFirst()
    {
        const Vocabulary vocabulary;
        QCOMPARE(vocabulary.size(), std::size_t(4));
        QCOMPARE(vocabulary.token(Vocabulary::kUnknown), std::string("<UNKNOWN>"));
        QCOMPARE(vocabulary.token(Vocabulary::kPad), std::string("<PAD>"));
        QCOMPARE(vocabulary.token(Vocabulary::kStart), std::string("<START>"));
        QCOMPARE(vocabulary.token(Vocabulary::kEnd), std::string("<END>"));
    }

    void wordsInOrderOfFirstAppearance()
    {
        // As the original VocabMapper numbers Flickr8k: "A child in a pink dress ..." -> a=4, child=5, in=6.
        const Vocabulary vocabulary = Vocabulary::fromCaptions({"A child in a pink dress.", "A dog in the snow, a dog!"});
        const std::vector<std::string> expected{"<UNKNOWN>", "<PAD>", "<START>", "<END>", "a", "child", "in", "pink", "dress", "dog", "the", "snow"};
        QCOMPARE(vocabulary.tokens(), expected);
    }

    void minimumFrequencyDropsRareWords()
    {
        const Vocabulary vocabulary = Vocabulary::fromCaptions({"a dog runs", "a dog sits", "a cat"}, 2);
        QCOMPARE(vocabulary.tokens(), (std::vector<std::string>{"<UNKNOWN>", "<PAD>", "<START>", "<END>", "a", "dog"}));
        QCOMPARE(vocabulary.encode("a cat runs"), (std::vector<std::int64_t>{2, 4, 0, 0, 3}));
        QVERIFY_THROWS_EXCEPTION(Error, Vocabulary::fromCaptions({"x"}, 0));
    }

    void encodeDecodeRoundTrip()
    {
        const Vocabulary vocabulary = Vocabulary::fromCaptions({"Two dogs play in the grass ."});
        const std::vector<std::int64_t> ids = vocabulary.encode("two DOGS play in the grass");
        QCOMPARE(ids.front(), Vocabulary::kStart);
        QCOMPARE(ids.back(), Vocabulary::kEnd);
        const std::vector<std::string> words = vocabulary.decode(ids);
        QCOMPARE(words, (std::vector<std::string>{"two", "dogs", "play", "in", "the", "grass"}));
        QCOMPARE(Vocabulary::cleanUp(words), std::string("Two dogs play in the grass"));
        // Decoding stops at <END> and skips padding.
        QCOMPARE(vocabulary.decode({2, 4, 1, 5, 3, 6, 7}), (std::vector<std::string>{"two", "dogs"}));
    }

    void cleanUpRemovesSpecialTokensAndCapitalises()
    {
        QCOMPARE(Vocabulary::cleanUp({"<START>", "a", "<UNKNOWN>", "dog", "<END>"}), std::string("A dog"));
        QCOMPARE(Vocabulary::cleanUp({"élan", "vital"}), std::string("Élan vital"));
        QCOMPARE(Vocabulary::cleanUp({}), std::string());
    }

    void tokenizerMatchesPython()
    {
        // Python's re with str patterns is Unicode-aware: accents, other scripts, digits, '_'.
        const QStringList lines{QStringLiteral("A man's bike -- parked at 5th Ave."),
                                QStringLiteral("Café CRÈME, naïve Zoë; ÜBER straße"),
                                QStringLiteral("東京の犬 and Москва 42 x_y"),
                                QStringLiteral("tabs\tand  spaces...end"),
                                QStringLiteral("ǅungla ΣΊΣΥΦΟΣ 1½ ②")};
        QTemporaryDir dir;
        writeBytes(dir.filePath(QStringLiteral("in.txt")), lines.join(QLatin1Char('\n')).toUtf8());
        SNAPTION_RUN_FIXTURE(QStringLiteral("tokenize_reference.py"), dir.filePath(QStringLiteral("in.txt")),
                             dir.filePath(QStringLiteral("out.txt")));
        const QStringList expected = QString::fromUtf8(readBytes(dir.filePath(QStringLiteral("out.txt")))).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            QStringList actual;
            for (const std::string &token : Vocabulary::tokenize(lines[i].toStdString())) actual << QString::fromStdString(token);
            QCOMPARE(actual.join(QLatin1Char('\t')), expected[i]);
        }
    }

    void invalidUtf8IsASeparator()
    {
        QCOMPARE(Vocabulary::tokenize("dog\xff\xfe" "cat"), (std::vector<std::string>{"dog", "cat"}));
        QCOMPARE(Vocabulary::tokenize("\xe2\x82"), std::vector<std::string>{}); // truncated sequence
    }

    void jsonRoundTrip()
    {
        const Vocabulary vocabulary = Vocabulary::fromCaptions({"ein Hund läuft"});
        QCOMPARE(Vocabulary::fromJson(vocabulary.toJson()), vocabulary);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("vocab.json")).toStdString();
        vocabulary.save(path);
        QCOMPARE(Vocabulary::load(path), vocabulary);
    }

    void malformedVocabulariesAreRejected_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QStringLiteral("[\"<UNKNOWN>\"") << QStringLiteral("not a JSON list");
        QTest::newRow("object") << QStringLiteral("{}") << QStringLiteral("not a JSON list");
        QTest::newRow("numbers") << QStringLiteral("[1, 2, 3, 4]") << QStringLiteral("non-string");
        QTest::newRow("no specials") << QStringLiteral("[\"a\", \"b\", \"c\", \"d\"]") << QStringLiteral("must start with");
        QTest::newRow("duplicate") << QStringLiteral("[\"<UNKNOWN>\", \"<PAD>\", \"<START>\", \"<END>\", \"a\", \"a\"]") << QStringLiteral("twice");
        QTest::newRow("empty token") << QStringLiteral("[\"<UNKNOWN>\", \"<PAD>\", \"<START>\", \"<END>\", \"\"]") << QStringLiteral("empty");
    }

    void malformedVocabulariesAreRejected()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        try {
            Vocabulary::fromJson(json.toStdString());
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }

    void missingFileIsAnIoError()
    {
        try {
            Vocabulary::load("/nonexistent/vocab.json");
            QFAIL("loaded");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::Io);
        }
    }
};

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
