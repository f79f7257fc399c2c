#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>
#include <QStringList>

class QLocalSocket;

namespace snaption::gui {

// One Snaption per user and display: a second `snaption IMAGE` hands its images (and --model) to
// the one running, over a local socket only this user can open, and exits. The request is one
// line of JSON, {"images": [absolute paths], "model": path, "switches": ["background",
// "watch-clipboard"]} (model and switches optional); the answer {"opened": n} or
// {"error": text}. Neither side trusts the other's sizes: lines are capped, and a request that is
// not that shape is refused.
class SingleInstance : public QObject {
    Q_OBJECT

public:
    enum class HandOff { Delivered, NoneRunning, Failed };

    // Per user (in the runtime folder) and per display: a second X display (a test's Xvfb) runs
    // its own Snaption.
    static QString defaultName();
    explicit SingleInstance(QString name = defaultName(), QObject *parent = nullptr);

    // Sends images (made absolute here: the running one has another working folder) and a model
    // to the running instance and waits up to timeoutMs for its answer.
    // switches: the command-line switches the running one honours (knownSwitches()).
    HandOff handOff(const QStringList &images, const QString &model, QString *error, int timeoutMs = 5000, const QStringList &switches = {}) const;
    static QStringList knownSwitches();
    // Becomes the running instance (a socket left by one that crashed is replaced); false with
    // *error when another one answers there or the socket cannot be made.
    bool listen(QString *error);
    QString name() const { return m_name; }

    static constexpr qint64 maxRequestBytes = 1 << 20;

Q_SIGNALS:
    // model is empty unless the second command line named one.
    void requested(const QStringList &images, const QString &model, const QStringList &switches);

private:
    void accept();
    void answer(QLocalSocket *socket);

    QString m_name;
    QLocalServer m_server;
};

} // namespace snaption::gui
