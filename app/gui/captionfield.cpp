#include "captionfield.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QFocusEvent>
#include <QLocale>

#include <mutex>

namespace snaption::gui {
namespace {

// What Qt's private QAccessibleLineEdit offers (name, value, text, caret, selection, editing),
// with a truthful attribute run.
class CaptionFieldAccessible : public QAccessibleWidget, public QAccessibleTextInterface, public QAccessibleEditableTextInterface {
public:
    explicit CaptionFieldAccessible(QLineEdit *field) : QAccessibleWidget(field, QAccessible::EditableText) {}

    QLineEdit *field() const { return static_cast<QLineEdit *>(widget()); }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TextInterface) return static_cast<QAccessibleTextInterface *>(this);
        if (type == QAccessible::EditableTextInterface && !field()->isReadOnly()) return static_cast<QAccessibleEditableTextInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QString text(QAccessible::Text kind) const override
    {
        if (kind == QAccessible::Value) return field()->text();
        if (kind == QAccessible::Name && field()->accessibleName().isEmpty()) return field()->placeholderText();
        return QAccessibleWidget::text(kind);
    }

    void setText(QAccessible::Text kind, const QString &text) override
    {
        if (kind == QAccessible::Value && !field()->isReadOnly()) field()->setText(text);
        else QAccessibleWidget::setText(kind, text);
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.editable = !field()->isReadOnly();
        s.readOnly = field()->isReadOnly();
        s.selectableText = true;
        return s;
    }

    // QAccessibleTextInterface
    void selection(int index, int *start, int *end) const override
    {
        *start = *end = 0;
        if (index != 0 || !field()->hasSelectedText()) return;
        *start = field()->selectionStart();
        *end = *start + int(field()->selectedText().size());
    }
    int selectionCount() const override { return field()->hasSelectedText() ? 1 : 0; }
    void addSelection(int start, int end) override { setSelection(0, start, end); }
    void removeSelection(int index) override
    {
        if (index == 0) field()->deselect();
    }
    void setSelection(int index, int start, int end) override
    {
        if (index == 0) field()->setSelection(start, end - start);
    }
    int cursorPosition() const override { return field()->cursorPosition(); }
    void setCursorPosition(int position) override { field()->setCursorPosition(position); }
    QString text(int start, int end) const override { return field()->text().mid(start, end - start); }
    int characterCount() const override { return int(field()->text().size()); }
    QRect characterRect(int offset) const override { return static_cast<const CaptionField *>(field())->characterRect(offset); }
    int offsetAtPoint(const QPoint &point) const override { return field()->cursorPositionAt(field()->mapFromGlobal(point)); }
    void scrollToSubstring(int start, int) override { field()->setCursorPosition(start); }
    QString attributes(int, int *start, int *end) const override
    {
        *start = 0;
        *end = characterCount();
        return QStringLiteral("language:%1;").arg(static_cast<const CaptionField *>(field())->language());
    }

    // QAccessibleEditableTextInterface
    void deleteText(int start, int end) override { replaceText(start, end, QString()); }
    void insertText(int offset, const QString &text) override { replaceText(offset, offset, text); }
    void replaceText(int start, int end, const QString &text) override
    {
        if (field()->isReadOnly()) return;
        field()->setText(field()->text().replace(start, end - start, text));
    }
};

QAccessibleInterface *captionFieldFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("snaption::gui::CaptionField") && object && object->isWidgetType())
        return new CaptionFieldAccessible(static_cast<QLineEdit *>(object));
    return nullptr;
}

} // namespace

CaptionField::CaptionField(QWidget *parent) : QLineEdit(parent)
{
    static std::once_flag installed;
    std::call_once(installed, [] { QAccessible::installFactory(captionFieldFactory); });
}

void CaptionField::setLanguage(const QString &language)
{
    m_language = language;
    setLocale(QLocale(language));
}

QRect CaptionField::characterRect(int offset) const
{
    // Where the character's left edge is at the current scroll position, one character wide.
    const QFontMetrics metrics = fontMetrics();
    const QString shown = text();
    const QRect caret = cursorRect();
    const int left = caret.left() - metrics.horizontalAdvance(shown.left(cursorPosition())) + metrics.horizontalAdvance(shown.left(offset));
    const QRect local(left, caret.top(), metrics.horizontalAdvance(shown.mid(offset, 1)), caret.height());
    return QRect(mapToGlobal(local.topLeft()), local.size());
}

void CaptionField::focusInEvent(QFocusEvent *event)
{
    if (event->reason() != Qt::TabFocusReason && event->reason() != Qt::BacktabFocusReason && event->reason() != Qt::ShortcutFocusReason)
        return QLineEdit::focusInEvent(event);
    QFocusEvent withoutSelection(QEvent::FocusIn, Qt::OtherFocusReason);
    QLineEdit::focusInEvent(&withoutSelection);
}

} // namespace snaption::gui
