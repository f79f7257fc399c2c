#pragma once

#include "globalshortcuts.h"

#include <QDialog>
#include <QHash>

class QKeySequenceEdit;
class QLabel;

namespace snaption::gui {

// Settings › Global Shortcuts: one key combination per action, each with what became of it
// (works everywhere, taken by another application, not possible here). OK applies them; a
// dialog with a problem stays open to show it.
class GlobalShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit GlobalShortcutsDialog(GlobalShortcuts *shortcuts, QWidget *parent = nullptr);

    QKeySequenceEdit *editor(GlobalShortcuts::Action action) const { return m_editors.value(action); }
    QLabel *state(GlobalShortcuts::Action action) const { return m_states.value(action); }
    void accept() override;

protected:
    // A key-sequence field records every key: Tab, Shift+Tab and Escape keep their dialog meaning.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showState(GlobalShortcuts::Action action);

    GlobalShortcuts *m_shortcuts;
    QHash<GlobalShortcuts::Action, QKeySequenceEdit *> m_editors;
    QHash<GlobalShortcuts::Action, QLabel *> m_states;
};

} // namespace snaption::gui
