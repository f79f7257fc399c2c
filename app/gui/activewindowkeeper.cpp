#include "activewindowkeeper.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace snaption::gui {

ActiveWindowKeeper::ActiveWindowKeeper(QObject *parent) : QObject(parent) { qApp->installEventFilter(this); }

void ActiveWindowKeeper::restoreActiveWindow()
{
    if (QApplication::activeWindow()) return; // Qt saw the focus come back
    QWindow *focused = QGuiApplication::focusWindow();
    if (!focused) return; // another application has the focus
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (window->isVisible() && window->windowHandle() == focused) {
            QApplication::setActiveWindow(window);
            return;
        }
    }
}

bool ActiveWindowKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Hide && qobject_cast<QDialog *>(watched) && static_cast<QWidget *>(watched)->isWindow())
        // Queued: the dialog's own hiding (and a focus event that does come) happen first.
        QTimer::singleShot(0, this, &ActiveWindowKeeper::restoreActiveWindow);
    return QObject::eventFilter(watched, event);
}

} // namespace snaption::gui
