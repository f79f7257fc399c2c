#include "captionspeaker.h"

#include <QLocale>

#include <algorithm>

#ifdef SNAPTION_HAVE_SPEECH
#include <QTextToSpeech>
#endif

namespace snaption::gui {

#ifdef SNAPTION_HAVE_SPEECH
namespace {

// A voice of the caption's language where the engine has one; otherwise the engine's own choice.
void useVoiceFor(QTextToSpeech *speech, const QString &language)
{
    const QLocale::Language wanted = QLocale(language).language();
    if (speech->locale().language() == wanted) return;
    const QList<QLocale> locales = speech->availableLocales();
    const auto found = std::find_if(locales.begin(), locales.end(), [&](const QLocale &locale) { return locale.language() == wanted; });
    if (found != locales.end()) speech->setLocale(*found);
}

} // namespace
#endif

CaptionSpeaker::CaptionSpeaker(QObject *parent) : QObject(parent) {}

bool CaptionSpeaker::isBuiltIn()
{
#ifdef SNAPTION_HAVE_SPEECH
    return true;
#else
    return false;
#endif
}

bool CaptionSpeaker::say(const QString &text, const QString &language, QString *error)
{
#ifdef SNAPTION_HAVE_SPEECH
    // Made on first use: looking for speech engines is slow and noisy where there are none.
    if (!m_speech) {
        if (QTextToSpeech::availableEngines().isEmpty()) {
            *error = tr("Text-to-speech is not available on this system");
            return false;
        }
        m_speech = new QTextToSpeech(this);
    }
    auto *speech = static_cast<QTextToSpeech *>(m_speech);
    useVoiceFor(speech, language);
    speech->say(text);
    return true;
#else
    Q_UNUSED(text)
    Q_UNUSED(language)
    *error = tr("This build of Snaption cannot speak");
    return false;
#endif
}

} // namespace snaption::gui
