#include <snaption/widgets/unsurecaption.h>

#include <QLocale>
#include <QTranslator>

namespace snaption::widgets {

QString UnsureCaption::hedged(const QString &caption, const QString &captionLanguage)
{
    static const char *const kPhrase = QT_TRANSLATE_NOOP("UnsureCaption", "Possibly: %1");
    const QLocale locale(captionLanguage);
    QString phrase;
    if (locale.language() == QLocale::English) {
        phrase = QString::fromLatin1(kPhrase);
    } else {
        // The programs embed their catalogues under :/i18n (see translations/translators.cpp).
        QTranslator catalogue;
        if (locale.language() != QLocale::C && catalogue.load(locale, QStringLiteral("snaption"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            phrase = catalogue.translate("UnsureCaption", kPhrase);
        if (phrase.isEmpty()) phrase = tr(kPhrase);
    }
    return phrase.arg(caption);
}

} // namespace snaption::widgets
