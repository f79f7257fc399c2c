#include "globalshortcutsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QHBoxLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace snaption::gui {

GlobalShortcutsDialog::GlobalShortcutsDialog(GlobalShortcuts *shortcuts, QWidget *parent) : QDialog(parent), m_shortcuts(shortcuts)
{
    setWindowTitle(tr("Global Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These keys reach Snaption from every application. Press the new combination in a field; Clear turns one off."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (const GlobalShortcuts::Action action : GlobalShortcuts::allActions) {
        auto *editor = new QKeySequenceEdit(m_shortcuts->sequence(action), this);
        editor->setAccessibleName(m_shortcuts->actionName(action));
        editor->installEventFilter(this);
        auto *clear = new QPushButton(tr("Clear"), this);
        clear->setAccessibleName(tr("Clear the shortcut: %1").arg(m_shortcuts->actionName(action)));
        connect(clear, &QPushButton::clicked, editor, &QKeySequenceEdit::clear);
        auto *state = new QLabel(this);
        state->setWordWrap(true);
        state->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        auto *row = new QHBoxLayout;
        row->addWidget(editor, 1);
        row->addWidget(clear);
        auto *label = new QLabel(action == GlobalShortcuts::Action::CaptionClipboard ? tr("Caption the c&lipboard image:") : tr("Caption the active &window:"), this);
        label->setBuddy(editor);
        form->addRow(label, row);
        form->addRow(QString(), state);
        m_editors.insert(action, editor);
        m_states.insert(action, state);
        showState(action);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &GlobalShortcutsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        for (const GlobalShortcuts::Action action : GlobalShortcuts::allActions) m_editors.value(action)->setKeySequence(GlobalShortcuts::defaultSequence(action));
    });
    layout->addWidget(buttons);
    // Not into a field that would take the first key pressed.
    buttons->button(QDialogButtonBox::Ok)->setFocus();
    // The desktop portal answers later.
    connect(m_shortcuts, &GlobalShortcuts::changed, this, &GlobalShortcutsDialog::showState);
}

bool GlobalShortcutsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !qobject_cast<QKeySequenceEdit *>(watched)) return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    if (key->key() == Qt::Key_Escape && modifiers == Qt::NoModifier) {
        reject();
        return true;
    }
    if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) && (modifiers & ~Qt::ShiftModifier) == Qt::NoModifier) {
        focusNextPrevChild(key->key() == Qt::Key_Tab && modifiers == Qt::NoModifier);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void GlobalShortcutsDialog::showState(GlobalShortcuts::Action action)
{
    QString text;
    if (m_shortcuts->sequence(action).isEmpty()) text = tr("Off.");
    else if (m_shortcuts->isActive(action)) text = tr("Works in every application: %1.").arg(m_shortcuts->triggerText(action));
    else text = tr("Does not work: %1.").arg(m_shortcuts->problem(action));
    m_states.value(action)->setText(text);
    m_states.value(action)->setAccessibleName(text);
}

void GlobalShortcutsDialog::accept()
{
    bool allWork = true;
    // Released first, so that two actions can swap their keys.
    for (const GlobalShortcuts::Action action : GlobalShortcuts::allActions) {
        if (m_editors.value(action)->keySequence() != m_shortcuts->sequence(action)) m_shortcuts->setSequence(action, QKeySequence());
    }
    for (const GlobalShortcuts::Action action : GlobalShortcuts::allActions) {
        const QKeySequence wanted = m_editors.value(action)->keySequence();
        if (wanted != m_shortcuts->sequence(action)) m_shortcuts->setSequence(action, wanted);
        showState(action);
        allWork = allWork && (wanted.isEmpty() || m_shortcuts->isActive(action));
    }
    // Through the portal the desktop asks the user itself, and answers later.
    if (allWork || m_shortcuts->usesPortal()) QDialog::accept();
}

} // namespace snaption::gui
