#include "globalshortcuts.h"

#include "portalglobalshortcuts.h"
#include "x11keygrabber.h"

#include <QSettings>
#include <QTimer>

#include <utility>

namespace snaption::gui {

GlobalShortcuts::GlobalShortcuts(QObject *parent) : QObject(parent), m_grabber(new X11KeyGrabber(this))
{
    connect(m_grabber, &X11KeyGrabber::activated, this, [this](int id) { Q_EMIT activated(static_cast<Action>(id)); });
    if (!PortalGlobalShortcuts::shouldUse()) return;
    m_portal = new PortalGlobalShortcuts(this);
    connect(m_portal, &PortalGlobalShortcuts::bound, this, &GlobalShortcuts::onPortalBound);
    connect(m_portal, &PortalGlobalShortcuts::failed, this, &GlobalShortcuts::onPortalFailed);
    connect(m_portal, &PortalGlobalShortcuts::activated, this, [this](const QString &id) {
        for (const Action action : allActions) {
            if (portalId(action) == id) Q_EMIT activated(action);
        }
    });
}

GlobalShortcuts::~GlobalShortcuts() = default;

QKeySequence GlobalShortcuts::defaultSequence(Action action)
{
    // Ctrl+Alt+Shift: free on the common desktops, and one hand reaches it next to the letter.
    switch (action) {
    case Action::CaptionClipboard: return QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_C);
    case Action::CaptionActiveWindow: return QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_W);
    }
    return {};
}

QString GlobalShortcuts::settingsKey(Action action)
{
    return action == Action::CaptionClipboard ? QStringLiteral("shortcuts/captionClipboard") : QStringLiteral("shortcuts/captionActiveWindow");
}

QString GlobalShortcuts::actionName(Action action) const
{
    return action == Action::CaptionClipboard ? tr("Caption the clipboard image") : tr("Caption the active window");
}

QStringList GlobalShortcuts::start()
{
    QStringList problems;
    const QSettings settings;
    for (const Action action : allActions) {
        const QVariant stored = settings.value(settingsKey(action));
        m_sequences.insert(action, stored.isValid() ? QKeySequence::fromString(stored.toString(), QKeySequence::PortableText) : defaultSequence(action));
        const QString problem = apply(action);
        if (!problem.isEmpty()) problems << tr("%1: %2").arg(actionName(action), problem);
    }
    return problems;
}

QString GlobalShortcuts::setSequence(Action action, const QKeySequence &sequence)
{
    m_sequences.insert(action, sequence);
    QSettings().setValue(settingsKey(action), sequence.toString(QKeySequence::PortableText));
    const QString problem = apply(action);
    Q_EMIT changed(action);
    return problem;
}

QString GlobalShortcuts::portalId(Action action)
{
    return action == Action::CaptionClipboard ? QStringLiteral("caption-clipboard") : QStringLiteral("caption-active-window");
}

QString GlobalShortcuts::triggerText(Action action) const
{
    if (m_portal && !m_portalTriggers.value(action).isEmpty()) return m_portalTriggers.value(action);
    return m_sequences.value(action).toString(QKeySequence::NativeText);
}

QString GlobalShortcuts::apply(Action action)
{
    const QKeySequence sequence = m_sequences.value(action);
    if (m_portal) {
        // All at once, after the changes of this turn of the event loop: the portal binds a
        // session's shortcuts once.
        m_active.insert(action, false);
        m_problems.insert(action, sequence.isEmpty() ? QString() : tr("waiting for the desktop to confirm"));
        if (!std::exchange(m_portalBindPending, true)) QTimer::singleShot(0, this, &GlobalShortcuts::bindWithPortal);
        return {};
    }
    QString problem;
    bool active = false;
    if (sequence.isEmpty()) m_grabber->release(int(action));
    else active = m_grabber->grab(int(action), sequence, &problem);
    m_active.insert(action, active);
    m_problems.insert(action, problem);
    return problem;
}

void GlobalShortcuts::bindWithPortal()
{
    m_portalBindPending = false;
    QList<PortalGlobalShortcuts::Binding> bindings;
    for (const Action action : allActions) {
        if (!m_sequences.value(action).isEmpty()) bindings.append({portalId(action), actionName(action), m_sequences.value(action)});
    }
    m_portal->bind(bindings);
}

void GlobalShortcuts::onPortalBound(const QHash<QString, QString> &triggers)
{
    for (const Action action : allActions) {
        if (m_sequences.value(action).isEmpty()) continue;
        const bool bound = triggers.contains(portalId(action));
        m_active.insert(action, bound);
        m_portalTriggers.insert(action, triggers.value(portalId(action)));
        m_problems.insert(action, bound ? QString() : tr("the desktop did not bind it"));
        Q_EMIT changed(action);
    }
}

void GlobalShortcuts::onPortalFailed(const QString &message)
{
    for (const Action action : allActions) {
        if (m_sequences.value(action).isEmpty()) continue;
        m_active.insert(action, false);
        m_problems.insert(action, message);
        Q_EMIT changed(action);
    }
    Q_EMIT problemFound(tr("Global shortcuts: %1").arg(message));
}

} // namespace snaption::gui
