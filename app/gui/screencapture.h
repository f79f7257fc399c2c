#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>

namespace snaption::gui {

class PortalScreenshot;
class RegionSelector;

// Caption the Screen: the whole screen, the active window or a region chosen on a screenshot.
// On X11 Qt reads the pixels itself (QScreen::grabWindow); on Wayland, which gives no application
// other windows' pixels, the desktop portal takes the screenshot (there the user chooses the
// window or area in the portal's own dialog). Every refusal ends in failed(), in words.
class ScreenCapture : public QObject {
    Q_OBJECT

public:
    enum class Target { Screen, ActiveWindow, Region };

    explicit ScreenCapture(QObject *parent = nullptr);

    void capture(Target target);
    // The portal on Wayland (or when SNAPTION_SCREENSHOT_PORTAL=1), Qt's own grab elsewhere.
    bool usesPortal() const { return m_usePortal; }
    void setUsePortal(bool use) { m_usePortal = use; }
    // The region chooser while one is open (for tests and keyboard focus).
    RegionSelector *regionSelector() const;
    QString sourceName(Target target) const;

Q_SIGNALS:
    void captured(const QImage &image, const QString &source);
    void failed(const QString &message);

private:
    void captureWithQt(Target target);
    QImage grabScreen(QString *error) const;
    QImage grabActiveWindow(QString *error) const;
    void chooseRegion(const QImage &screenshot);

    bool m_usePortal;
    PortalScreenshot *m_portal;
    Target m_portalTarget = Target::Screen;
    QPointer<RegionSelector> m_selector;
};

} // namespace snaption::gui
