#include "trayicon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace snaption::gui {

TrayIcon::TrayIcon(QWidget *window, const QList<QAction *> &actions, QObject *parent)
    : QObject(parent), m_window(window), m_menu(new QMenu), m_showWindow(new QAction(tr("&Show Snaption"), this))
{
    connect(m_showWindow, &QAction::triggered, this, &TrayIcon::toggleWindow);
    m_menu->addAction(m_showWindow);
    m_menu->addSeparator();
    for (QAction *action : actions) {
        if (action) m_menu->addAction(action);
        else m_menu->addSeparator();
    }
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        m_showWindow->setText(m_window->isVisible() && !m_window->isMinimized() ? tr("&Hide Snaption") : tr("&Show Snaption"));
    });
    if (!isAvailable()) return;
    m_icon = new QSystemTrayIcon(window->windowIcon(), this);
    m_icon->setToolTip(tr("Snaption: describes images"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) toggleWindow();
    });
    m_icon->show();
}

TrayIcon::~TrayIcon() { delete m_menu; }

bool TrayIcon::isAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }

bool TrayIcon::isVisible() const { return m_icon && m_icon->isVisible(); }

void TrayIcon::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
        return;
    }
    if (m_window->isMinimized()) m_window->showNormal();
    else m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace snaption::gui
