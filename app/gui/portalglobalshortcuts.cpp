#include "portalglobalshortcuts.h"

#include "portalrequest.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCall>
#include <QDBusObjectPath>
#include <QGuiApplication>

namespace snaption::gui {
namespace {

const QString kInterface = QStringLiteral("org.freedesktop.portal.GlobalShortcuts");

// The portal's a(sa{sv}): a shortcut id and its properties.
struct PortalShortcut {
    QString id;
    QVariantMap properties;
};

QDBusArgument &operator<<(QDBusArgument &argument, const PortalShortcut &shortcut)
{
    argument.beginStructure();
    argument << shortcut.id << shortcut.properties;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, PortalShortcut &shortcut)
{
    argument.beginStructure();
    argument >> shortcut.id >> shortcut.properties;
    argument.endStructure();
    return argument;
}

} // namespace
} // namespace snaption::gui

Q_DECLARE_METATYPE(snaption::gui::PortalShortcut)

namespace snaption::gui {

PortalGlobalShortcuts::PortalGlobalShortcuts(QObject *parent) : QObject(parent)
{
    qDBusRegisterMetaType<PortalShortcut>();
    qDBusRegisterMetaType<QList<PortalShortcut>>();
    // The whole message, read here: the signal's arguments are the portal's word, not trusted.
    QDBusConnection::sessionBus().connect(PortalRequest::service(), PortalRequest::objectPath(), kInterface, QStringLiteral("Activated"), this,
                                          SLOT(onActivated(QDBusMessage)));
}

PortalGlobalShortcuts::~PortalGlobalShortcuts() { closeSession(); }

bool PortalGlobalShortcuts::shouldUse()
{
    return QGuiApplication::platformName() == QLatin1String("wayland") || qEnvironmentVariable("SNAPTION_GLOBAL_SHORTCUTS_PORTAL") == QLatin1String("1");
}

QString PortalGlobalShortcuts::triggerOf(const QKeySequence &sequence)
{
    if (sequence.isEmpty()) return {};
    const QKeyCombination combination = sequence[0];
    QStringList parts;
    if (combination.keyboardModifiers() & Qt::ControlModifier) parts << QStringLiteral("CTRL");
    if (combination.keyboardModifiers() & Qt::AltModifier) parts << QStringLiteral("ALT");
    if (combination.keyboardModifiers() & Qt::ShiftModifier) parts << QStringLiteral("SHIFT");
    if (combination.keyboardModifiers() & Qt::MetaModifier) parts << QStringLiteral("LOGO");
    // Keys by their keysym names: letters lower-case, the rest as Qt names them (F9, Print).
    const QString key = QKeySequence(combination.key()).toString(QKeySequence::PortableText);
    parts << (key.size() == 1 ? key.toLower() : key);
    return parts.join(QLatin1Char('+'));
}

void PortalGlobalShortcuts::bind(const QList<Binding> &bindings)
{
    m_wanted = bindings;
    m_binding = true;
    closeSession();
    createSession();
}

void PortalGlobalShortcuts::createSession()
{
    PortalRequest *request = PortalRequest::start(kInterface, QStringLiteral("CreateSession"), {},
                                                  {{QStringLiteral("session_handle_token"), PortalRequest::newToken()}}, this);
    connect(request, &PortalRequest::callFailed, this, [this](bool missing, const QString &message) {
        m_binding = false;
        Q_EMIT failed(missing ? tr("this desktop offers no global shortcuts to applications (no GlobalShortcuts portal)")
                              : tr("the desktop portal refused (%1)").arg(message));
    });
    connect(request, &PortalRequest::responded, this, [this](uint response, const QVariantMap &results) {
        m_session = results.value(QStringLiteral("session_handle")).toString();
        if (response != 0 || m_session.isEmpty()) {
            m_binding = false;
            return Q_EMIT failed(tr("the desktop did not open a shortcuts session"));
        }
        bindInSession();
    });
}

void PortalGlobalShortcuts::bindInSession()
{
    QList<PortalShortcut> shortcuts;
    for (const Binding &binding : std::as_const(m_wanted)) {
        shortcuts.append({binding.id, {{QStringLiteral("description"), binding.description},
                                       {QStringLiteral("preferred_trigger"), triggerOf(binding.preferred)}}});
    }
    PortalRequest *request = PortalRequest::start(kInterface, QStringLiteral("BindShortcuts"),
                                                  {QVariant::fromValue(QDBusObjectPath(m_session)), QVariant::fromValue(shortcuts), QString()}, {}, this);
    connect(request, &PortalRequest::callFailed, this, [this](bool, const QString &message) {
        m_binding = false;
        Q_EMIT failed(tr("the desktop portal refused the shortcuts (%1)").arg(message));
    });
    connect(request, &PortalRequest::responded, this, &PortalGlobalShortcuts::onBindResponse);
}

void PortalGlobalShortcuts::onBindResponse(uint response, const QVariantMap &results)
{
    m_binding = false;
    if (response == 1) return Q_EMIT failed(tr("the shortcuts were not confirmed"));
    if (response != 0) return Q_EMIT failed(tr("the desktop refused the shortcuts"));
    QHash<QString, QString> triggers;
    const QVariant value = results.value(QStringLiteral("shortcuts"));
    if (value.canConvert<QDBusArgument>()) {
        for (const PortalShortcut &shortcut : qdbus_cast<QList<PortalShortcut>>(value.value<QDBusArgument>()))
            triggers.insert(shortcut.id, shortcut.properties.value(QStringLiteral("trigger_description")).toString());
    }
    Q_EMIT bound(triggers);
}

void PortalGlobalShortcuts::closeSession()
{
    if (m_session.isEmpty()) return;
    QDBusConnection::sessionBus().asyncCall(
        QDBusMessage::createMethodCall(PortalRequest::service(), m_session, QStringLiteral("org.freedesktop.portal.Session"), QStringLiteral("Close")));
    m_session.clear();
}

void PortalGlobalShortcuts::onActivated(const QDBusMessage &message)
{
    // (o session_handle, s shortcut_id, t timestamp, a{sv} options)
    const QVariantList arguments = message.arguments();
    if (arguments.size() < 2 || m_session.isEmpty()) return;
    if (arguments[0].value<QDBusObjectPath>().path() == m_session) Q_EMIT activated(arguments[1].toString());
}

} // namespace snaption::gui
