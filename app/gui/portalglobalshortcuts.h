#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariantMap>

class QDBusMessage;

namespace snaption::gui {

// Global shortcuts where the desktop offers them through the XDG desktop portal
// (org.freedesktop.portal.GlobalShortcuts: Wayland sessions, where no application may grab keys).
// Snaption proposes a trigger per shortcut; the desktop asks the user, may choose another, and
// says which it bound. One session holds the bindings; binding again starts a new session, since
// the portal lets a session bind once.
class PortalGlobalShortcuts : public QObject {
    Q_OBJECT

public:
    struct Binding {
        QString id;
        QString description;
        QKeySequence preferred;
    };

    explicit PortalGlobalShortcuts(QObject *parent = nullptr);
    ~PortalGlobalShortcuts() override;

    // On Wayland, or when SNAPTION_GLOBAL_SHORTCUTS_PORTAL=1.
    static bool shouldUse();
    // The shortcuts specification's form of a key sequence: "CTRL+ALT+SHIFT+w".
    static QString triggerOf(const QKeySequence &sequence);

    void bind(const QList<Binding> &bindings);
    bool isBinding() const { return m_binding; }

Q_SIGNALS:
    // What the desktop bound: shortcut id to its trigger in the desktop's words.
    void bound(const QHash<QString, QString> &triggers);
    void failed(const QString &message);
    void activated(const QString &id);

private Q_SLOTS:
    void onActivated(const QDBusMessage &message);

private:
    void createSession();
    void bindInSession();
    void closeSession();
    void onBindResponse(uint response, const QVariantMap &results);

    QList<Binding> m_wanted;
    QString m_session;
    bool m_binding = false;
};

} // namespace snaption::gui
