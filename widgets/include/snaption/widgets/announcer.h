#pragma once

#include <QString>
#include <QWidget>

namespace snaption::widgets {

// Tells screen readers about a change they would not notice on their own (a caption arriving,
// an epoch ending) wherever the focus is. Qt >= 6.8 has a dedicated announcement event. Before
// that there is no such thing on AT-SPI, so the window holds one Announcer: a one-pixel,
// transparent object with the Notification role inside the status bar, shown anew with each
// message as its name. Orca speaks a notification as it becomes showing, whatever has the focus,
// and, inside a status bar, without saying "notification" (see README, "Accessibility").
class Announcer : public QWidget {
    Q_OBJECT

public:
    // Put it in the window's status bar: there Orca speaks the message alone.
    explicit Announcer(QWidget *statusBar);

    void say(const QString &message);
    QString lastMessage() const { return m_message; }

    // Says message through the Announcer of context's window; without one (a widget used on its
    // own) nothing is said.
    static void announce(QWidget *context, const QString &message);
    static Announcer *of(QWidget *context);

Q_SIGNALS:
    void announced(const QString &message);

private:
    QString m_message;
};

} // namespace snaption::widgets
