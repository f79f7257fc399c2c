#include "portalscreenshot.h"

#include "portalrequest.h"

#include <QImageReader>
#include <QUrl>

namespace snaption::gui {
namespace {

constexpr int kMaxScreenshotMegabytes = 1024; // eight 4K screens of 32-bit pixels

} // namespace

PortalScreenshot::PortalScreenshot(QObject *parent) : QObject(parent) {}

void PortalScreenshot::request(bool interactive)
{
    if (isBusy()) return Q_EMIT failed(tr("A screenshot is already being taken"));
    m_request = PortalRequest::start(QStringLiteral("org.freedesktop.portal.Screenshot"), QStringLiteral("Screenshot"), {QString()},
                                     {{QStringLiteral("interactive"), interactive}, {QStringLiteral("modal"), true}}, this);
    connect(m_request, &PortalRequest::responded, this, &PortalScreenshot::onResponse);
    connect(m_request, &PortalRequest::callFailed, this, [this](bool missing, const QString &message) {
        m_request.clear();
        Q_EMIT failed(missing ? tr("No screenshot: this desktop has no screenshot portal (xdg-desktop-portal)")
                              : tr("No screenshot: the desktop portal refused (%1)").arg(message));
    });
}

void PortalScreenshot::onResponse(uint response, const QVariantMap &results)
{
    m_request.clear(); // answered: the next screenshot may be asked for at once
    if (response == 1) return Q_EMIT failed(tr("The screenshot was cancelled"));
    if (response != 0) return Q_EMIT failed(tr("No screenshot: the desktop refused to take one"));
    const QUrl uri(results.value(QStringLiteral("uri")).toString());
    if (!uri.isLocalFile()) return Q_EMIT failed(tr("No screenshot: the desktop portal gave no file (%1)").arg(uri.toDisplayString()));
    QImageReader reader(uri.toLocalFile());
    reader.setAllocationLimit(kMaxScreenshotMegabytes);
    const QImage image = reader.read();
    if (image.isNull()) return Q_EMIT failed(tr("Cannot read the screenshot %1: %2").arg(uri.toLocalFile(), reader.errorString()));
    Q_EMIT finished(image);
}

} // namespace snaption::gui
