#include "buildfeatures.h"

#include <QCoreApplication>

#ifdef SNAPTION_HAVE_SPEECH
#include <QTextToSpeech>
#endif

namespace snaption::gui {

bool BuildFeatures::hasSpeech()
{
#ifdef SNAPTION_HAVE_SPEECH
    return true;
#else
    return false;
#endif
}

QStringList BuildFeatures::describe()
{
#ifdef SNAPTION_HAVE_SPEECH
    const QStringList engines = QTextToSpeech::availableEngines();
    const QString speech = engines.isEmpty()
        ? QCoreApplication::translate("BuildFeatures", "Speak captions aloud: built, but no speech engine is installed "
                                                       "(install qt6-speech-speechd-plugin and speech-dispatcher)")
        : QCoreApplication::translate("BuildFeatures", "Speak captions aloud: yes (engines: %1)").arg(engines.join(QStringLiteral(", ")));
#else
    const QString speech = QCoreApplication::translate("BuildFeatures", "Speak captions aloud: not built (Qt TextToSpeech was missing at "
                                                                         "build time: install qt6-speech-dev and qt6-declarative-dev, then rebuild)");
#endif
    return {speech};
}

} // namespace snaption::gui
