#pragma once

#include <QObject>
#include <QString>

namespace snaption::gui {

// Desktop notifications (org.freedesktop.Notifications on the session bus), which the desktop
// shows and Orca reads: how a result reaches the user while Snaption's window is not in front.
// Asynchronous: the GUI never waits for the notification service.
class DesktopNotifier : public QObject {
    Q_OBJECT

public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    void notify(const QString &summary, const QString &body);

Q_SIGNALS:
    // Once per failure kind, in words for the status bar (no session bus, no service).
    void failed(const QString &message);
    void delivered(uint id);

private:
    QString m_lastError;
};

} // namespace snaption::gui
