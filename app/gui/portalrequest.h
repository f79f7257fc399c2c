#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace snaption::gui {

// One call to the XDG desktop portal (org.freedesktop.portal.Desktop on the session bus) that is
// answered later: the call returns a Request object, and the answer comes as that object's
// Response signal. The Request's path follows from a handle_token of ours, so the answer is
// listened for before the call is made and cannot be missed. Deletes itself when answered.
class PortalRequest : public QObject {
    Q_OBJECT

public:
    // Calls interface.method(arguments..., options + handle_token).
    static PortalRequest *start(const QString &interface, const QString &method, const QVariantList &arguments, QVariantMap options,
                                QObject *parent);

    static QString service();
    static QString objectPath();
    // A new token, and the path of the Request object a call with it gets.
    static QString newToken(const QString &prefix = QStringLiteral("snaption"));
    static QString requestPath(const QString &token);

Q_SIGNALS:
    // response 0: done; 1: the user cancelled; 2: refused or failed.
    void responded(uint response, const QVariantMap &results);
    // The call itself failed; missing: there is no portal (or no such interface) on this desktop.
    void callFailed(bool missing, const QString &message);

private Q_SLOTS:
    void onResponse(uint response, const QVariantMap &results);

private:
    explicit PortalRequest(QObject *parent);
    void watch(const QString &path);
    void stopWatching();

    QString m_path;
};

} // namespace snaption::gui
