#pragma once

#include <QApplication>

namespace snaption::gui {

// The desktop app's last line of defence: an exception that escapes an event handler or a queued
// slot (on any thread: Qt delivers every thread's events through notify()) is reported instead
// of aborting the program, which would lose the user's queue and training run. Work is caught
// closer to where it fails; this is for what nobody expected.
class GuardedApplication : public QApplication {
    Q_OBJECT

public:
    GuardedApplication(int &argc, char **argv);
    bool notify(QObject *receiver, QEvent *event) override;

Q_SIGNALS:
    // Emitted (queued to the GUI thread) with the failure's message.
    void unexpectedFailure(const QString &message);
};

} // namespace snaption::gui
