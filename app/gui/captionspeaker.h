#pragma once

#include <QObject>
#include <QString>

class QThread;

namespace snaption::gui {

// Captions read aloud through Qt TextToSpeech (speech-dispatcher on Linux, the service Orca
// itself speaks through), in a voice of the caption's language where the engine has one. The
// engine lives on a thread of its own: speech-dispatcher's client waits for the service's answer
// to every command, which took seconds on a busy machine and froze the window.
class CaptionSpeaker : public QObject {
    Q_OBJECT

public:
    explicit CaptionSpeaker(QObject *parent = nullptr);
    ~CaptionSpeaker() override;

    // False when this build has no speech (Qt TextToSpeech was missing when it was built).
    static bool isBuiltIn();
    // Returns at once; failed() says later when nothing can speak here.
    void say(const QString &text, const QString &language);

Q_SIGNALS:
    void failed(const QString &message);

private:
    QThread *m_thread = nullptr;
    QObject *m_engine = nullptr; // lives on m_thread; holds the QTextToSpeech, made on first use
};

} // namespace snaption::gui
