#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantMap>

namespace snaption::gui {

class PortalRequest;

// A screenshot through the XDG desktop portal (org.freedesktop.portal.Screenshot): how Wayland
// sessions, which give applications no pixels of other windows, let one have the screen. The
// portal answers later with the file it saved.
class PortalScreenshot : public QObject {
    Q_OBJECT

public:
    explicit PortalScreenshot(QObject *parent = nullptr);

    // interactive: the portal lets the user choose the window or area (and confirm).
    void request(bool interactive);
    bool isBusy() const { return !m_request.isNull(); }

Q_SIGNALS:
    void finished(const QImage &image);
    void failed(const QString &message);

private:
    void onResponse(uint response, const QVariantMap &results);

    QPointer<PortalRequest> m_request;
};

} // namespace snaption::gui
