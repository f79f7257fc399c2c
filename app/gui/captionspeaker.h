#pragma once

#include <QObject>
#include <QString>

namespace snaption::gui {

// Captions read aloud through Qt TextToSpeech (speech-dispatcher on Linux, the service Orca
// itself speaks through), in a voice of the caption's language where the engine has one.
class CaptionSpeaker : public QObject {
    Q_OBJECT

public:
    explicit CaptionSpeaker(QObject *parent = nullptr);

    // False when this build has no speech (Qt TextToSpeech was missing when it was built).
    static bool isBuiltIn();
    // False, with the reason in *error, when nothing can speak here.
    bool say(const QString &text, const QString &language, QString *error);

private:
    QObject *m_speech = nullptr; // the QTextToSpeech, made on first use
};

} // namespace snaption::gui
