// The German catalogue is complete: lupdate over today's sources finds no untranslated text, and
// every translation keeps the placeholders (%1, %2, ...) of its source. The trainer's texts (a
// library without Qt) reach the programs translated, with plural forms.
#include "testsupport.h"
#include "trainingtexttranslator.h"
#include "translators.h"

#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

using namespace snaption::test;

class TestTranslations : public QObject {
    Q_OBJECT

private:
    static QStringList placeholders(const QString &text)
    {
        QStringList found;
        auto it = QRegularExpression(QStringLiteral("%\\d")).globalMatch(text);
        while (it.hasNext()) found << it.next().captured();
        found.sort();
        return found;
    }

    // The text of a <translation>, or of each of its <numerusform>s; the reader ends after it.
    static QStringList translationForms(QXmlStreamReader &xml)
    {
        QStringList forms;
        QString text;
        while (!xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::Characters) text += xml.text();
            else if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("numerusform")) forms << xml.readElementText();
            else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("translation")) break;
        }
        if (forms.isEmpty()) forms << text.trimmed();
        return forms;
    }

private Q_SLOTS:
    void germanIsComplete() { checkComplete(QStringLiteral("snaption_de.ts"), {}, 50); }
    // English holds only plural forms ("%n epoch(s)": "1 epoch", "2 epochs").
    void englishPluralsAreComplete() { checkComplete(QStringLiteral("snaption_en.ts"), {QStringLiteral("-pluralonly")}, 10); }

private:
    // Refreshes a copy of the catalogue from today's sources and checks every message in it.
    void checkComplete(const QString &name, const QStringList &options, int leastMessages)
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(name);
        QVERIFY(QFile::copy(QStringLiteral(SNAPTION_SOURCE_DIR "/translations/") + name, ts));
        QFile::setPermissions(ts, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(SNAPTION_SOURCE_DIR));
        QStringList arguments = QStringList{QStringLiteral("-silent"), QStringLiteral("-no-obsolete")} + options;
        // The same sources as translations/CMakeLists.txt.
        for (const QString &folder : {QStringLiteral("app"), QStringLiteral("widgets"), QStringLiteral("training/src/trainingconfig.cpp"),
                                     QStringLiteral("training/src/trainer.cpp"), QStringLiteral("training/src/runfolder.cpp")}) {
            if (QFileInfo::exists(QStringLiteral(SNAPTION_SOURCE_DIR "/") + folder)) arguments << folder;
        }
        lupdate.start(QStringLiteral(SNAPTION_LUPDATE), arguments + QStringList{QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(120'000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString source;
        int messages = 0;
        QStringList problems;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QStringList forms = translationForms(xml); // one, or each plural form
                ++messages;
                if (unfinished || forms.isEmpty() || forms.contains(QString())) problems << QStringLiteral("untranslated: ") + source;
                for (const QString &form : forms)
                    if (!form.isEmpty() && placeholders(source) != placeholders(form)) problems << QStringLiteral("placeholders differ: ") + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber())));
        QVERIFY(messages > leastMessages);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) +
                                                QStringLiteral("\n(cmake --build build --target update_translations, then translate in Qt Linguist)")));
    }

private Q_SLOTS:
    void trainerTextsAreTranslatedWithPluralForms()
    {
        const snaption::training::TrainingText one{"training on %1 images, %n step(s) per epoch", {"1500"}, 1};
        const snaption::training::TrainingText many{"training on %1 images, %n step(s) per epoch", {"1500"}, 47};
        // Without a translation: the library's English, "(s)" resolved.
        QCOMPARE(snaption::TrainingTextTranslator::translate(one), QStringLiteral("training on 1500 images, 1 step per epoch"));
        QCOMPARE(snaption::TrainingTextTranslator::translate(many), QStringLiteral("training on 1500 images, 47 steps per epoch"));
        const snaption::Translators german{QLocale(QLocale::German, QLocale::Germany)};
        QCOMPARE(snaption::TrainingTextTranslator::translate(one), QStringLiteral("Training mit 1500 Bildern, 1 Schritt je Epoche"));
        QCOMPARE(snaption::TrainingTextTranslator::translate(many), QStringLiteral("Training mit 1500 Bildern, 47 Schritte je Epoche"));
        // An argument's own "%2" is not filled in again.
        const snaption::training::TrainingText path{"stopped: resume with %1", {"/tmp/100%2/stopped.ckpt"}};
        QCOMPARE(snaption::TrainingTextTranslator::translate(path), QStringLiteral("angehalten: fortsetzen mit /tmp/100%2/stopped.ckpt"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
