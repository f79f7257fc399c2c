#include "wordbutton.h"

#include <snaption/widgets/wordbar.h>

#include <QAccessible>
#include <QAccessibleWidget>
#include <QPainter>

#include <cmath>
#include <mutex>

namespace snaption::widgets {
namespace {

// The word as a list item: its name is the word, its description the confidence (Orca's Where
// Am I reads it). Without this it was a check box nobody could focus, whose toggling no screen
// reader speaks.
class WordItemAccessible : public QAccessibleWidget {
public:
    explicit WordItemAccessible(WordButton *button) : QAccessibleWidget(button, QAccessible::ListItem) {}

    QString text(QAccessible::Text kind) const override
    {
        const auto *button = static_cast<const WordButton *>(widget());
        if (kind == QAccessible::Name) return button->word();
        if (kind == QAccessible::Description) return button->confidenceText();
        return {};
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        const auto *button = static_cast<const WordButton *>(widget());
        const QWidget *bar = button->parentWidget();
        s.selectable = true;
        s.selected = button->isChecked();
        s.focusable = true;
        s.focused = button->isChecked() && bar && bar->hasFocus();
        s.checkable = false;
        s.checked = false;
        return s;
    }
};

QAccessibleInterface *wordItemFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("snaption::widgets::WordButton") && object && object->isWidgetType())
        return new WordItemAccessible(static_cast<WordButton *>(object));
    return nullptr;
}

} // namespace

WordButton::WordButton(const QString &word, float probability, QWidget *bar) : QToolButton(bar), m_probability(probability)
{
    static std::once_flag installed;
    std::call_once(installed, [] { QAccessible::installFactory(wordItemFactory); });
    setText(word);
    setCheckable(true);
    setAutoRaise(true);
    setFocusPolicy(Qt::NoFocus); // the bar takes the focus and moves the selection with the arrow keys
    setToolTip(WordBar::tr("%1 (confidence %2 %)").arg(word, QString::number(confidencePercent())));
}

int WordButton::confidencePercent() const
{
    return int(std::lround(double(m_probability) * 100));
}

QString WordButton::confidenceText() const
{
    return WordBar::tr("confidence %1 percent").arg(confidencePercent());
}

void WordButton::paintEvent(QPaintEvent *event)
{
    QToolButton::paintEvent(event);
    QPainter painter(this);
    const int width = int(std::lround((this->width() - 4) * double(m_probability)));
    painter.fillRect(QRect(2, height() - 3, width, 2), palette().color(QPalette::Highlight));
}

} // namespace snaption::widgets
