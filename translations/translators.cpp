#include "translators.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace snaption {

Translators::Translators(const QLocale &locale)
{
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    // A language without a catalogue gets the English one: it holds the plural forms.
    if (m_snaption.load(locale, QStringLiteral("snaption"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        m_snaption.load(QStringLiteral(":/i18n/snaption_en.qm")))
        QCoreApplication::installTranslator(&m_snaption);
}

Translators::~Translators()
{
    QCoreApplication::removeTranslator(&m_snaption);
    QCoreApplication::removeTranslator(&m_qt);
}

} // namespace snaption
