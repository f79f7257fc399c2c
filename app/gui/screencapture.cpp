#include "screencapture.h"

#include "portalscreenshot.h"
#include "regionselector.h"
#include "x11desktop.h"

#include <QCursor>
#include <QGuiApplication>
#include <QScreen>

namespace snaption::gui {

ScreenCapture::ScreenCapture(QObject *parent)
    : QObject(parent),
      m_usePortal(QGuiApplication::platformName() == QLatin1String("wayland") || qEnvironmentVariable("SNAPTION_SCREENSHOT_PORTAL") == QLatin1String("1")),
      m_portal(new PortalScreenshot(this))
{
    connect(m_portal, &PortalScreenshot::finished, this, [this](const QImage &image) { Q_EMIT captured(image, sourceName(m_portalTarget)); });
    connect(m_portal, &PortalScreenshot::failed, this, &ScreenCapture::failed);
}

RegionSelector *ScreenCapture::regionSelector() const { return m_selector.data(); }

QString ScreenCapture::sourceName(Target target) const
{
    switch (target) {
    case Target::Screen: return tr("Screen");
    case Target::ActiveWindow: return tr("Active window");
    case Target::Region: return tr("Screen region");
    }
    return {};
}

void ScreenCapture::capture(Target target)
{
    if (m_selector) {
        m_selector->activateWindow();
        return;
    }
    if (!m_usePortal) return captureWithQt(target);
    // The portal has no "active window" without asking: the user picks it in its dialog.
    m_portalTarget = target;
    m_portal->request(target != Target::Screen);
}

void ScreenCapture::captureWithQt(Target target)
{
    QString error;
    if (target == Target::ActiveWindow) {
        const QImage image = grabActiveWindow(&error);
        if (image.isNull()) return Q_EMIT failed(error);
        return Q_EMIT captured(image, sourceName(target));
    }
    const QImage screen = grabScreen(&error);
    if (screen.isNull()) return Q_EMIT failed(error);
    if (target == Target::Region) return chooseRegion(screen);
    Q_EMIT captured(screen, sourceName(target));
}

QImage ScreenCapture::grabScreen(QString *error) const
{
    QScreen *screen = QGuiApplication::screenAt(QCursor::pos());
    if (!screen) screen = QGuiApplication::primaryScreen();
    const QImage image = screen ? screen->grabWindow(0).toImage() : QImage();
    if (image.isNull()) *error = tr("No screenshot: this session does not let applications read the screen");
    return image;
}

QImage ScreenCapture::grabActiveWindow(QString *error) const
{
    if (!X11Desktop::isX11()) {
        *error = tr("No screenshot of the active window: only X11 sessions tell applications which window is active");
        return {};
    }
    const quintptr window = X11Desktop::activeWindow();
    if (window == 0) {
        *error = tr("No screenshot of the active window: the window manager does not say which window is active");
        return {};
    }
    QScreen *screen = QGuiApplication::primaryScreen();
    const QImage image = screen ? screen->grabWindow(WId(window)).toImage() : QImage();
    if (image.isNull()) *error = tr("No screenshot of the active window: the X server gave no pixels of it");
    return image;
}

void ScreenCapture::chooseRegion(const QImage &screenshot)
{
    m_selector = new RegionSelector(screenshot);
    connect(m_selector, &RegionSelector::chosen, this, [this](const QImage &region) { Q_EMIT captured(region, sourceName(Target::Region)); });
    connect(m_selector, &RegionSelector::cancelled, this, [this] { Q_EMIT failed(tr("No region chosen")); });
    QScreen *screen = QGuiApplication::screenAt(QCursor::pos());
    if (screen) m_selector->setGeometry(screen->geometry());
    m_selector->showFullScreen();
    m_selector->activateWindow();
    m_selector->setFocus();
}

} // namespace snaption::gui
