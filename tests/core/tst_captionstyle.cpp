// Caption language and written forms: learning them, applying them, and keeping them in model files.
#include <snaption/captioner.h>
#include <snaption/captionstyle.h>
#include <snaption/error.h>
#include <snaption/modelfactory.h>
#include <snaption/safetensorsfile.h>
#include <snaption/vocabulary.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

namespace {

const std::vector<std::string> kGermanCaptions{
    "Ein Hund rennt über die Wiese.", "Zwei Hunde spielen auf der Wiese", "Ein schwarzer Hund springt über einen Zaun.",
    "Hund im Schnee.", "Die Frau wirft dem Hund einen Ball zu.", "Ein Mädchen läuft mit ihrem Hund am Strand.",
    "Ein Mann im Rot-weißen Hemd fährt Fahrrad.", "ein kleiner Junge und sein Fahrrad",
};

ModelConfig smallConfig()
{
    ModelConfig config;
    config.encoder.name = EncoderConfig::kMobileNetV2;
    config.decoder.layers = 1;
    config.decoder.dim = 32;
    config.decoder.heads = 2;
    config.decoder.feedForward = 64;
    config.decoder.contextLength = 8;
    return config;
}

RgbImage grey(int w, int h)
{
    RgbImage image(w, h);
    for (int y = 0; y < h; ++y) std::fill(image.row(y), image.row(y) + 3 * w, std::uint8_t(90 + y % 50));
    return image;
}

} // namespace

class TestCaptionStyle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learnsEachWordsMostFrequentWrittenForm()
    {
        const Vocabulary vocabulary = Vocabulary::fromCaptions(kGermanCaptions);
        const CaptionStyle style = CaptionStyle::learn("de", kGermanCaptions, vocabulary);
        QCOMPARE(style.language(), std::string("de"));
        QVERIFY(style.isLearnt());
        QCOMPARE(style.writtenForm("hund"), std::string("Hund"));
        QCOMPARE(style.writtenForm("wiese"), std::string("Wiese"));
        QCOMPARE(style.writtenForm("mädchen"), std::string("Mädchen"));
        QCOMPARE(style.writtenForm("über"), std::string("über"));
        // "Die" starts a caption but is lower-case inside one ("über die Wiese").
        QCOMPARE(style.writtenForm("die"), std::string("die"));
        // Seen only first in a caption ("Ein Hund", "ein kleiner", "Zwei Hunde"): the capital is the
        // sentence's, so the word stays lower-case.
        QCOMPARE(style.writtenForm("ein"), std::string("ein"));
        QCOMPARE(style.writtenForm("zwei"), std::string("zwei"));
        // Hyphenated compounds are two words, as re.findall(r"\w+") splits them; each keeps its form.
        QCOMPARE(style.writtenForm("rot"), std::string("Rot"));
        QCOMPARE(style.writtenForm("weißen"), std::string("weißen"));
        // Only forms that differ are stored.
        QVERIFY(!style.writtenForms().count("über"));
        QVERIFY(!style.writtenForms().count("ein"));
        // For a subword vocabulary every caption word gets its form, also one a word vocabulary of
        // frequent words leaves out.
        const Vocabulary frequent = Vocabulary::fromCaptions(kGermanCaptions, 3);
        QVERIFY(!frequent.contains("mädchen"));
        QCOMPARE(CaptionStyle::learn("de", kGermanCaptions, frequent).writtenForm("mädchen"), std::string("mädchen"));
        QCOMPARE(CaptionStyle::learn("de", kGermanCaptions), style);
    }

    void tiesGoToTheFormThatSortsFirst()
    {
        const std::vector<std::string> captions{"a Ball x", "a ball x"};
        const CaptionStyle style = CaptionStyle::learn("en", captions, Vocabulary::fromCaptions(captions));
        QCOMPARE(style.writtenForm("ball"), std::string("Ball")); // 'B' < 'b'
        const std::vector<std::string> reversed{"a ball x", "a Ball x"};
        QCOMPARE(CaptionStyle::learn("en", reversed, Vocabulary::fromCaptions(reversed)).writtenForm("ball"), std::string("Ball"));
    }

    void captionsAreCasedAndEndWithAFullStop()
    {
        const Vocabulary vocabulary = Vocabulary::fromCaptions(kGermanCaptions);
        const CaptionStyle style = CaptionStyle::learn("de", kGermanCaptions, vocabulary);
        const std::vector<std::string> words{"ein", "hund", "rennt", "über", "die", "wiese"};
        QCOMPARE(style.caption(words), std::string("Ein Hund rennt über die Wiese."));
        QCOMPARE(style.writtenWords(words), (std::vector<std::string>{"Ein", "Hund", "rennt", "über", "die", "Wiese"}));
        // Special tokens keep their place among the words (one heatmap per word) but not in the text.
        QCOMPARE(style.writtenWords({"<UNKNOWN>", "hund"}), (std::vector<std::string>{"<UNKNOWN>", "Hund"}));
        QCOMPARE(style.caption({"<UNKNOWN>", "hund", "rennt"}), std::string("Hund rennt."));
        QCOMPARE(style.caption({}), std::string());
        QCOMPARE(style.caption({"über", "alles"}), std::string("Über alles."));
    }

    void aStylelessModelCaptionsAsBefore()
    {
        const CaptionStyle style;
        QCOMPARE(style.language(), std::string("en"));
        QVERIFY(!style.isLearnt());
        const std::vector<std::string> words{"a", "dog", "<UNKNOWN>", "runs"};
        QCOMPARE(style.caption(words), Vocabulary::cleanUp(words));
        QCOMPARE(style.caption(words), std::string("A dog runs"));
    }

    void languageTags_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("valid");
        for (const char *tag : {"en", "de", "pt-BR", "zh-Hant", "sr-Latn-RS", "gsw", "de-1996"}) QTest::newRow(tag) << QString::fromLatin1(tag) << true;
        for (const char *tag : {"", "e", "deutsch", "de_DE", "de-", "-de", "de--at", "d3", "en-toolongsubtag", "de at", "de\n"})
            QTest::newRow(qPrintable(QStringLiteral("bad: \"%1\"").arg(QString::fromLatin1(tag)))) << QString::fromLatin1(tag) << false;
    }

    void languageTags()
    {
        QFETCH(QString, tag);
        QFETCH(bool, valid);
        QCOMPARE(CaptionStyle::isLanguageTag(tag.toStdString()), valid);
        if (valid) return;
        try {
            CaptionStyle(tag.toStdString(), {});
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::InvalidArgument);
        }
    }

    void metadataRoundTrip()
    {
        const CaptionStyle style = CaptionStyle::learn("de", kGermanCaptions, Vocabulary::fromCaptions(kGermanCaptions));
        QCOMPARE(CaptionStyle::fromMetadata(style.language(), style.writtenFormsJson()), style);
        // A file with a language but no forms: that language, words as the vocabulary has them.
        const CaptionStyle plain = CaptionStyle::fromMetadata("de", "");
        QCOMPARE(plain.language(), std::string("de"));
        QVERIFY(!plain.isLearnt());
    }

    void malformedMetadataIsRefused_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("forms");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad tag") << QStringLiteral("de DE") << QString() << QStringLiteral("not a language tag");
        QTest::newRow("not json") << QStringLiteral("de") << QStringLiteral("{\"hund\": ") << QStringLiteral("not a JSON object");
        QTest::newRow("list") << QStringLiteral("de") << QStringLiteral("[\"Hund\"]") << QStringLiteral("not a JSON object");
        QTest::newRow("number") << QStringLiteral("de") << QStringLiteral("{\"hund\": 3}") << QStringLiteral("not a string");
        // A model file must not make a caption say other words than the model chose.
        QTest::newRow("other word") << QStringLiteral("de") << QStringLiteral("{\"hund\": \"Katze\"}") << QStringLiteral("not a written form of");
        QTest::newRow("longer") << QStringLiteral("de") << QStringLiteral("{\"hund\": \"Hund Hund\"}") << QStringLiteral("not a written form of");
    }

    void malformedMetadataIsRefused()
    {
        QFETCH(QString, language);
        QFETCH(QString, forms);
        QFETCH(QString, message);
        try {
            CaptionStyle::fromMetadata(language.toStdString(), forms.toStdString());
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }

    void modelFilesKeepTheStyleAndCaptionWithIt()
    {
        QTemporaryDir dir;
        const Vocabulary vocabulary = Vocabulary::fromCaptions(kGermanCaptions);
        ModelFactory::Options options;
        options.seed = 5;
        options.style = CaptionStyle::learn("de", kGermanCaptions, vocabulary);
        const std::string german = dir.filePath(QStringLiteral("de.safetensors")).toStdString();
        ModelFactory::createRandom(smallConfig(), vocabulary, german, options);
        const ModelInfo info = ModelInfo::read(german);
        QCOMPARE(info.style, options.style);
        QVERIFY(QString::fromStdString(info.toJson()).contains(QLatin1String("\"language\":\"de\"")));

        const Captioner captioner(german);
        const CaptionResult result = captioner.caption(grey(120, 90), DecodingOptions::greedy());
        QCOMPARE(result.language, std::string("de"));
        QVERIFY(!result.words.empty());
        std::vector<std::string> lowerWords;
        for (const std::int64_t id : result.tokenIds) lowerWords.push_back(vocabulary.token(id));
        QCOMPARE(result.words, options.style.writtenWords(lowerWords));
        QCOMPARE(result.caption, options.style.caption(lowerWords));
        QVERIFY2(QString::fromStdString(result.caption).endsWith(QLatin1Char('.')), result.caption.c_str());
    }

    void modelFilesWithoutAStyleAreEnglish()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("old.safetensors")).toStdString();
        ModelFactory::createRandom(smallConfig(), Vocabulary::fromCaptions({"a dog runs"}), path, ModelFactory::Options());
        const SafetensorsFile header = SafetensorsFile::readHeader(path);
        QVERIFY(!header.metadata().count("written_forms"));
        const ModelInfo info = ModelInfo::read(path);
        QCOMPARE(info.style.language(), std::string("en"));
        QVERIFY(!info.style.isLearnt());
        const CaptionResult result = Captioner(path).caption(grey(64, 64), DecodingOptions::greedy());
        QCOMPARE(result.language, std::string("en"));
        QVERIFY(!QString::fromStdString(result.caption).endsWith(QLatin1Char('.')));
    }
};

QTEST_GUILESS_MAIN(TestCaptionStyle)
#include "tst_captionstyle.moc"
