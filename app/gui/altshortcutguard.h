#pragma once

#include <QObject>

namespace snaption::gui {

// Keeps an Alt shortcut (Alt+Right: next word) from also opening the menu bar. Qt's menu bar
// arms "Alt alone focuses the menu" when Alt is pressed and disarms on the next key press or
// focus change; a key taken by a shortcut never arrives as a key press, so releasing Alt moved
// the focus to the File menu (Orca said "File", and the next Alt+P went to the menu bar). With
// a screen reader it is worse: Qt holds each key until the accessibility bus has seen it and
// then delivers it again, so the Alt press arms the menu bar a second time after the shortcut.
// After an Alt shortcut this disarms the menu bar (an ActivationChange reaches its filter), and
// again at each Alt press delivered after it, until Alt is released.
class AltShortcutGuard : public QObject {
public:
    explicit AltShortcutGuard(QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void disarmMenuBar();

    bool m_altShortcutUsed = false;
};

} // namespace snaption::gui
