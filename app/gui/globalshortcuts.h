#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>
#include <QString>

namespace snaption::gui {

class PortalGlobalShortcuts;
class X11KeyGrabber;

// The shortcuts that work while another application has the focus: "caption the clipboard" and
// "caption the active window". Configurable and remembered (an empty sequence turns one off);
// where one cannot be had (another application holds it, the session offers no global keys)
// the reason is kept for the Settings dialog and the status bar. X11 sessions grab the keys
// directly; Wayland sessions ask the desktop portal, which answers later (changed()).
class GlobalShortcuts : public QObject {
    Q_OBJECT

public:
    enum class Action { CaptionClipboard, CaptionActiveWindow };
    Q_ENUM(Action)
    static constexpr Action allActions[] = {Action::CaptionClipboard, Action::CaptionActiveWindow};

    explicit GlobalShortcuts(QObject *parent = nullptr);
    ~GlobalShortcuts() override;

    static QKeySequence defaultSequence(Action action);
    static QString settingsKey(Action action);
    QString actionName(Action action) const;

    // Grabs every remembered (or default) shortcut; returns the problems, one line each.
    QStringList start();
    QKeySequence sequence(Action action) const { return m_sequences.value(action); }
    // True when the shortcut reaches Snaption from every application.
    bool isActive(Action action) const { return m_active.value(action, false); }
    // The key that triggers it, in the desktop's words where the portal chose it.
    QString triggerText(Action action) const;
    bool usesPortal() const { return m_portal != nullptr; }
    QString problem(Action action) const { return m_problems.value(action); }
    // Sets, grabs and remembers it; returns the problem in words, empty when it works or is off.
    QString setSequence(Action action, const QKeySequence &sequence);

Q_SIGNALS:
    void activated(snaption::gui::GlobalShortcuts::Action action);
    void changed(snaption::gui::GlobalShortcuts::Action action);
    // A problem found later (the portal's answer), in words.
    void problemFound(const QString &message);

private:
    QString apply(Action action);
    void bindWithPortal();
    void onPortalBound(const QHash<QString, QString> &triggers);
    void onPortalFailed(const QString &message);
    static QString portalId(Action action);

    X11KeyGrabber *m_grabber;
    PortalGlobalShortcuts *m_portal = nullptr;
    bool m_portalBindPending = false;
    QHash<Action, QString> m_portalTriggers;
    QHash<Action, QKeySequence> m_sequences;
    QHash<Action, bool> m_active;
    QHash<Action, QString> m_problems;
};

} // namespace snaption::gui
