#pragma once

#include <QByteArray>
#include <QImage>
#include <QObject>

namespace snaption::gui {

// Watch the Clipboard: every image copied in any application (the X11 clipboard tells Qt through
// XFixes) is handed on once. Snaption's own copies (caption text) and the same image copied again
// are left out.
class ClipboardWatcher : public QObject {
    Q_OBJECT

public:
    explicit ClipboardWatcher(QObject *parent = nullptr);

    bool isWatching() const { return m_watching; }
    void setWatching(bool on);

Q_SIGNALS:
    void imageCopied(const QImage &image);
    void watchingChanged(bool on);

private:
    void onClipboardChanged();

    bool m_watching = false;
    QByteArray m_lastImage; // a digest of the image handed on last
};

} // namespace snaption::gui
