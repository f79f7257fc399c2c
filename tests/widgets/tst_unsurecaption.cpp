// "Possibly: ..." in the caption's language, from the real catalogues embedded under :/i18n.
#include <snaption/widgets/unsurecaption.h>

#include "translators.h"

#include <QtTest>

using snaption::widgets::UnsureCaption;

class TestUnsureCaption : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void englishAndGermanCaptionsGetTheirOwnLanguagesWording()
    {
        // No interface catalogue installed: the caption's language alone decides.
        QCOMPARE(UnsureCaption::hedged(QStringLiteral("A dog runs through the grass."), QStringLiteral("en")),
                 QStringLiteral("Possibly: A dog runs through the grass."));
        QCOMPARE(UnsureCaption::hedged(QStringLiteral("Ein Hund rennt über die Wiese."), QStringLiteral("de")),
                 QStringLiteral("Möglicherweise: Ein Hund rennt über die Wiese."));
        QCOMPARE(UnsureCaption::hedged(QStringLiteral("Ein Hund."), QStringLiteral("de-AT")), QStringLiteral("Möglicherweise: Ein Hund."));
    }

    void theInterfaceLanguageDoesNotChangeACaptionsWording()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        {
            const snaption::Translators german{QLocale()};
            QCOMPARE(UnsureCaption::hedged(QStringLiteral("A dog."), QStringLiteral("en")), QStringLiteral("Possibly: A dog."));
            QCOMPARE(UnsureCaption::hedged(QStringLiteral("Ein Hund."), QStringLiteral("de")), QStringLiteral("Möglicherweise: Ein Hund."));
            // A caption language without a catalogue gets the interface language's wording.
            QCOMPARE(UnsureCaption::hedged(QStringLiteral("Un chien."), QStringLiteral("fr")), QStringLiteral("Möglicherweise: Un chien."));
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const snaption::Translators english{QLocale()};
        QCOMPARE(UnsureCaption::hedged(QStringLiteral("Un chien."), QStringLiteral("fr")), QStringLiteral("Possibly: Un chien."));
        QCOMPARE(UnsureCaption::hedged(QStringLiteral("Ein Hund."), QStringLiteral("de")), QStringLiteral("Möglicherweise: Ein Hund."));
    }
};

QTEST_GUILESS_MAIN(TestUnsureCaption)
#include "tst_unsurecaption.moc"
