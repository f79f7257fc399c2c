#include <snaption/widgets/elidedlabel.h>

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace snaption::widgets {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextFormat(Qt::PlainText);
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("…")) * 4, QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    return {minimumSizeHint().width(), QLabel::sizeHint().height()};
}

QString ElidedLabel::shownText() const
{
    const int room = contentsRect().width();
    return fontMetrics().elidedText(text(), Qt::ElideMiddle, room);
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    drawFrame(&painter);
    painter.setPen(palette().color(foregroundRole()));
    painter.drawText(contentsRect(), int(alignment()) | Qt::TextSingleLine, shownText());
}

bool ElidedLabel::event(QEvent *event)
{
    // The whole text as the tooltip, only when it was shortened.
    if (event->type() == QEvent::ToolTip) {
        if (shownText() != text()) QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), text(), this);
        else QToolTip::hideText();
        return true;
    }
    return QLabel::event(event);
}

} // namespace snaption::widgets
