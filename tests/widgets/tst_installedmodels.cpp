// Which installed model captions in which language, and which language is offered first.
#include <snaption/captionstyle.h>
#include <snaption/modelfactory.h>
#include <snaption/vocabulary.h>
#include <snaption/widgets/installedmodels.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::widgets;

namespace {

void createModel(const QString &path, const std::string &language)
{
    ModelConfig config;
    config.encoder.name = EncoderConfig::kMobileNetV2;
    config.decoder.layers = 1;
    config.decoder.dim = 16;
    config.decoder.heads = 2;
    config.decoder.feedForward = 32;
    const std::vector<std::string> captions{"ein Hund", "a dog"};
    const Vocabulary vocabulary = Vocabulary::fromCaptions(captions);
    ModelFactory::Options options;
    options.style = CaptionStyle::learn(language, captions, vocabulary);
    ModelFactory::createRandom(config, vocabulary, path.toStdString(), options);
}

InstalledModel model(const QString &path, const QString &language, int minutesAgo)
{
    return {path, language, QDateTime::currentDateTime().addSecs(-60 * minutesAgo)};
}

} // namespace

class TestInstalledModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scanReadsEachModelsLanguageAndSkipsOtherFiles()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("models"));
        QVERIFY(QDir().mkpath(folder));
        createModel(folder + QStringLiteral("/b-german.safetensors"), "de");
        createModel(folder + QStringLiteral("/a-english.safetensors"), "en");
        snaption::test::writeBytes(folder + QStringLiteral("/broken.safetensors"), "not a model");
        snaption::test::writeBytes(folder + QStringLiteral("/notes.txt"), "hello");
        const QString elsewhere = dir.filePath(QStringLiteral("mine.safetensors"));
        createModel(elsewhere, "de");
        const QString gone = dir.filePath(QStringLiteral("deleted.safetensors"));

        const QStringList candidates = InstalledModels::candidates(folder, {elsewhere, gone, folder + QStringLiteral("/a-english.safetensors")});
        // Recent ones first and each file once.
        QCOMPARE(candidates.size(), 5);
        QCOMPARE(candidates.first(), QFileInfo(elsewhere).canonicalFilePath());
        QCOMPARE(candidates.count(QFileInfo(folder + QStringLiteral("/a-english.safetensors")).canonicalFilePath()), 1);

        const QList<InstalledModel> models = InstalledModels::scan(candidates);
        QCOMPARE(models.size(), 3); // neither the broken file nor the deleted one
        QCOMPARE(InstalledModels::languages(models), (QStringList{QStringLiteral("de"), QStringLiteral("en")}));
        QCOMPARE(InstalledModels::languageOf(models, elsewhere), QStringLiteral("de"));
        QCOMPARE(InstalledModels::languageOf(models, folder + QStringLiteral("/a-english.safetensors")), QStringLiteral("en"));
        QVERIFY(InstalledModels::languageOf(models, gone).isEmpty());
    }

    void theDefaultLanguageIsTheRememberedOneThenTheInterfacesThenEnglish()
    {
        const QList<InstalledModel> both{model(QStringLiteral("/m/en"), QStringLiteral("en"), 1), model(QStringLiteral("/m/de"), QStringLiteral("de"), 2)};
        const QList<InstalledModel> englishOnly{both.first()};
        const QList<InstalledModel> germanOnly{both.last()};
        QCOMPARE(InstalledModels::defaultLanguage(both, QString(), QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(InstalledModels::defaultLanguage(both, QStringLiteral("en"), QStringLiteral("de")), QStringLiteral("en"));
        QCOMPARE(InstalledModels::defaultLanguage(both, QStringLiteral("fr"), QStringLiteral("de")), QStringLiteral("de")); // no French model
        QCOMPARE(InstalledModels::defaultLanguage(englishOnly, QString(), QStringLiteral("de")), QStringLiteral("en"));
        QCOMPARE(InstalledModels::defaultLanguage(both, QString(), QStringLiteral("fr")), QStringLiteral("en"));
        QCOMPARE(InstalledModels::defaultLanguage(germanOnly, QString(), QStringLiteral("fr")), QStringLiteral("de"));
        QVERIFY(InstalledModels::defaultLanguage({}, QStringLiteral("en"), QStringLiteral("en")).isEmpty());
    }

    void aLanguagesModelIsTheMostRecentlyUsedElseTheNewest()
    {
        QTemporaryDir dir;
        const QString old = dir.filePath(QStringLiteral("old")), fresh = dir.filePath(QStringLiteral("fresh")), english = dir.filePath(QStringLiteral("en"));
        const QList<InstalledModel> models{model(old, QStringLiteral("de"), 90), model(fresh, QStringLiteral("de"), 5), model(english, QStringLiteral("en"), 1)};
        QCOMPARE(InstalledModels::modelFor(models, QStringLiteral("de"), {}), fresh);
        QCOMPARE(InstalledModels::modelFor(models, QStringLiteral("de"), {english, old}), old);
        QCOMPARE(InstalledModels::modelFor(models, QStringLiteral("en"), {old}), english);
        QVERIFY(InstalledModels::modelFor(models, QStringLiteral("fr"), {old}).isEmpty());
    }

    void languagesAreNamedInTheirOwnLanguage()
    {
        QCOMPARE(InstalledModels::displayName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(InstalledModels::displayName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(InstalledModels::displayName(QStringLiteral("fr")), QStringLiteral("français"));
    }
};

QTEST_GUILESS_MAIN(TestInstalledModels)
#include "tst_installedmodels.moc"
