#include "portalrequest.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QRandomGenerator>

namespace snaption::gui {
namespace {

const QString kRequestInterface = QStringLiteral("org.freedesktop.portal.Request");

} // namespace

PortalRequest::PortalRequest(QObject *parent) : QObject(parent) {}

QString PortalRequest::service() { return QStringLiteral("org.freedesktop.portal.Desktop"); }

QString PortalRequest::objectPath() { return QStringLiteral("/org/freedesktop/portal/desktop"); }

QString PortalRequest::newToken(const QString &prefix) { return prefix + QString::number(QRandomGenerator::global()->generate()); }

QString PortalRequest::requestPath(const QString &token)
{
    // The portal's documented form: the caller's unique name without ':' and with '.' as '_'.
    QString sender = QDBusConnection::sessionBus().baseService().mid(1);
    sender.replace(QLatin1Char('.'), QLatin1Char('_'));
    return QStringLiteral("%1/request/%2/%3").arg(objectPath(), sender, token);
}

PortalRequest *PortalRequest::start(const QString &interface, const QString &method, const QVariantList &arguments, QVariantMap options,
                                    QObject *parent)
{
    auto *request = new PortalRequest(parent);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        QMetaObject::invokeMethod(request, [request] {
            Q_EMIT request->callFailed(true, tr("there is no D-Bus session to ask the desktop portal"));
            request->deleteLater();
        }, Qt::QueuedConnection);
        return request;
    }
    const QString token = newToken();
    options.insert(QStringLiteral("handle_token"), token);
    request->watch(requestPath(token));
    QDBusMessage call = QDBusMessage::createMethodCall(service(), objectPath(), interface, method);
    call.setArguments(QVariantList(arguments) << options);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), request);
    connect(watcher, &QDBusPendingCallWatcher::finished, request, [request](QDBusPendingCallWatcher *done) {
        done->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *done;
        if (reply.isError()) {
            const QDBusError::ErrorType type = reply.error().type();
            const bool missing = type == QDBusError::ServiceUnknown || type == QDBusError::UnknownInterface || type == QDBusError::UnknownMethod ||
                                 type == QDBusError::UnknownObject;
            request->stopWatching();
            Q_EMIT request->callFailed(missing, reply.error().message());
            request->deleteLater();
            return;
        }
        // Portals before version 0.9 chose the path themselves.
        if (reply.value().path() != request->m_path && !request->m_path.isEmpty()) request->watch(reply.value().path());
    });
    return request;
}

void PortalRequest::watch(const QString &path)
{
    stopWatching();
    m_path = path;
    QDBusConnection::sessionBus().connect(service(), path, kRequestInterface, QStringLiteral("Response"), this, SLOT(onResponse(uint, QVariantMap)));
}

void PortalRequest::stopWatching()
{
    if (m_path.isEmpty()) return;
    QDBusConnection::sessionBus().disconnect(service(), m_path, kRequestInterface, QStringLiteral("Response"), this,
                                             SLOT(onResponse(uint, QVariantMap)));
    m_path.clear();
}

void PortalRequest::onResponse(uint response, const QVariantMap &results)
{
    stopWatching();
    Q_EMIT responded(response, results);
    deleteLater();
}

} // namespace snaption::gui
