#include "altshortcutguard.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QShortcutEvent>

namespace snaption::gui {

AltShortcutGuard::AltShortcutGuard(QObject *parent) : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this);
}

void AltShortcutGuard::disarmMenuBar()
{
    QEvent disarm(QEvent::ActivationChange);
    QCoreApplication::sendEvent(this, &disarm);
}

bool AltShortcutGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == this) return false;
    switch (event->type()) {
    case QEvent::Shortcut: {
        const QKeySequence &keys = static_cast<QShortcutEvent *>(event)->key();
        if (!keys.isEmpty() && keys[0].keyboardModifiers().testFlag(Qt::AltModifier)) {
            m_altShortcutUsed = true;
            disarmMenuBar();
        }
        break;
    }
    case QEvent::KeyPress:
        // Delivered again, the Alt press armed the menu bar in its ShortcutOverride, just before
        // this; the menu bar's own filter, installed later, has already let it pass.
        if (m_altShortcutUsed && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Alt && watched->isWidgetType()) disarmMenuBar();
        break;
    case QEvent::KeyRelease:
        if (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Alt)
            QMetaObject::invokeMethod(this, [this] { m_altShortcutUsed = false; }, Qt::QueuedConnection);
        break;
    default: break;
    }
    return false;
}

} // namespace snaption::gui
