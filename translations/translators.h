#pragma once

#include <QLocale>
#include <QTranslator>

namespace snaption {

// Installs Qt's own catalogue and Snaption's (embedded under :/i18n) for a locale, for as long as
// this object lives: every program creates one at the start of main(). English and languages
// without a catalogue get snaption_en, which holds the English plural forms.
class Translators
{
public:
    explicit Translators(const QLocale &locale);
    ~Translators();
    Translators(const Translators &) = delete;
    Translators &operator=(const Translators &) = delete;

private:
    QTranslator m_qt;
    QTranslator m_snaption;
};

} // namespace snaption
