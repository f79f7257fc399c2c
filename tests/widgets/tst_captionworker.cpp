// The inference worker's description of a model: where a trained model came from, in the user's
// language when the file says it in parts, else the file's own English words.
#include <snaption/widgets/captionworker.h>

#include "translators.h"

#include <QtTest>

using snaption::widgets::CaptionWorker;

class TestCaptionWorker : public QObject {
    Q_OBJECT

private:
    const std::map<std::string, std::string> m_trained{{"source", "best epoch (5), trained on synthetic (1500 images, 5 epochs)"},
                                                       {"role", "best"},
                                                       {"dataset", "synthetic"},
                                                       {"train_images", "1500"},
                                                       {"epoch", "5"}};

private Q_SLOTS:
    void describesATrainedModelInTheUsersLanguage()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        {
            const snaption::Translators english{QLocale()}; // the English plural forms
            QCOMPARE(CaptionWorker::describeSource(m_trained), QStringLiteral("best epoch (5), trained on synthetic (1,500 images, 5 epochs)"));
        }
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const snaption::Translators german{QLocale()};
        QCOMPARE(CaptionWorker::describeSource(m_trained), QStringLiteral("beste Epoche (5), trainiert auf synthetic (1.500 Bilder, 5 Epochen)"));
        auto one = m_trained;
        one["role"] = "final";
        one["epoch"] = "1";
        QCOMPARE(CaptionWorker::describeSource(one), QStringLiteral("Endmodell, trainiert auf synthetic (1.500 Bilder, 1 Epoche)"));
        QLocale::setDefault(QLocale::c());
    }

    void otherModelsKeepTheirOwnWords()
    {
        QCOMPARE(CaptionWorker::describeSource({{"source", "imported from the seed project"}}), QStringLiteral("imported from the seed project"));
        auto odd = m_trained;
        odd["epoch"] = "five"; // not a number: not ours to rephrase
        QCOMPARE(CaptionWorker::describeSource(odd), QString::fromStdString(m_trained.at("source")));
        QCOMPARE(CaptionWorker::describeSource({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestCaptionWorker)
#include "tst_captionworker.moc"
