#include "captionspeaker.h"

#include <QLocale>
#include <QPointer>
#include <QThread>

#include <algorithm>

#ifdef SNAPTION_HAVE_SPEECH
#include <QTextToSpeech>
#endif

namespace snaption::gui {
namespace {

#ifdef SNAPTION_HAVE_SPEECH
// A voice of the caption's language where the engine has one; otherwise the engine's own choice.
void useVoiceFor(QTextToSpeech *speech, const QString &language)
{
    const QLocale::Language wanted = QLocale(language).language();
    if (speech->locale().language() == wanted) return;
    const QList<QLocale> locales = speech->availableLocales();
    const auto found = std::find_if(locales.begin(), locales.end(), [&](const QLocale &locale) { return locale.language() == wanted; });
    if (found != locales.end()) speech->setLocale(*found);
}
#endif

constexpr unsigned long kStopWaitMs = 3000;

} // namespace

CaptionSpeaker::CaptionSpeaker(QObject *parent) : QObject(parent) {}

CaptionSpeaker::~CaptionSpeaker()
{
    if (!m_thread) return;
    m_thread->quit();
    // A speech service that does not answer must not keep Snaption from ending: then the thread is
    // left to the process's exit.
    if (m_thread->wait(kStopWaitMs)) delete m_thread;
}

bool CaptionSpeaker::isBuiltIn()
{
#ifdef SNAPTION_HAVE_SPEECH
    return true;
#else
    return false;
#endif
}

void CaptionSpeaker::say(const QString &text, const QString &language)
{
#ifdef SNAPTION_HAVE_SPEECH
    if (!m_thread) {
        m_thread = new QThread; // not a child: it may outlive this object (see the destructor)
        m_thread->setObjectName(QStringLiteral("speech"));
        m_engine = new QObject;
        m_engine->moveToThread(m_thread);
        connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
        m_thread->start();
    }
    const QPointer<CaptionSpeaker> self(this);
    QObject *engine = m_engine;
    QMetaObject::invokeMethod(m_engine, [self, engine, text, language] {
        // Made on first use, on this thread: looking for engines is slow where there are none.
        auto *speech = engine->findChild<QTextToSpeech *>();
        if (!speech) {
            if (QTextToSpeech::availableEngines().isEmpty()) {
                if (!self) return;
                QMetaObject::invokeMethod(self, [self] {
                    if (self) Q_EMIT self->failed(tr("Text-to-speech is not available on this system"));
                }, Qt::QueuedConnection);
                return;
            }
            speech = new QTextToSpeech(engine);
        }
        useVoiceFor(speech, language);
        speech->say(text);
    }, Qt::QueuedConnection);
#else
    Q_UNUSED(text)
    Q_UNUSED(language)
    Q_EMIT failed(tr("This build of Snaption cannot speak"));
#endif
}

} // namespace snaption::gui
