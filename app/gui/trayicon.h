#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace snaption::gui {

// Background mode's system-tray icon: a click shows or hides the window; its menu holds the
// actions that work without the window (caption the clipboard, the screen, watch the clipboard,
// quit). Nothing appears where the desktop has no system tray.
class TrayIcon : public QObject {
    Q_OBJECT

public:
    TrayIcon(QWidget *window, const QList<QAction *> &actions, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    bool isVisible() const;
    QMenu *menu() const { return m_menu; }
    QAction *showWindowAction() const { return m_showWindow; }

private:
    void toggleWindow();

    QWidget *m_window;
    QMenu *m_menu;
    QAction *m_showWindow;
    QSystemTrayIcon *m_icon = nullptr;
};

} // namespace snaption::gui
