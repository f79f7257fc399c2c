#include "regionselector.h"

#include <QCloseEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace snaption::gui {
namespace {

constexpr int kMinimumSide = 8; // smaller than this is a click, not a region
constexpr int kKeyStep = 16;

} // namespace

RegionSelector::RegionSelector(const QImage &screenshot, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint), m_screenshot(screenshot)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
    setWindowTitle(tr("Select a Screen Region"));
    setAccessibleName(tr("Select a screen region"));
    setAccessibleDescription(tr("Drag with the mouse, or move the rectangle with the arrow keys and resize it with Shift and the arrow keys. "
                                "Enter captions the region, Escape cancels."));
    // The middle half of the screen to begin with: something to move from the keyboard.
    const QSize size = m_screenshot.size();
    setSelection(QRect(size.width() / 4, size.height() / 4, size.width() / 2, size.height() / 2));
}

void RegionSelector::setSelection(const QRect &selection)
{
    m_selection = selection.normalized().intersected(m_screenshot.rect());
    update();
}

QPoint RegionSelector::toImage(const QPointF &widgetPoint) const
{
    if (width() <= 0 || height() <= 0) return {};
    return QPoint(int(widgetPoint.x() * m_screenshot.width() / width()), int(widgetPoint.y() * m_screenshot.height() / height()));
}

QRectF RegionSelector::toWidget(const QRect &imageRect) const
{
    if (m_screenshot.isNull()) return {};
    const double sx = double(width()) / m_screenshot.width(), sy = double(height()) / m_screenshot.height();
    return QRectF(imageRect.x() * sx, imageRect.y() * sy, imageRect.width() * sx, imageRect.height() * sy);
}

void RegionSelector::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.drawImage(rect(), m_screenshot);
    const QRectF chosen = toWidget(m_selection);
    QPainterPath outside;
    outside.addRect(rect());
    outside.addRect(chosen);
    painter.fillPath(outside, QColor(0, 0, 0, 140));
    painter.setPen(QPen(palette().highlight().color(), 2));
    painter.drawRect(chosen);
    painter.setPen(Qt::white);
    painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignTop | Qt::AlignHCenter | Qt::TextWordWrap, accessibleDescription());
}

void RegionSelector::keyPressEvent(QKeyEvent *event)
{
    QPoint step;
    switch (event->key()) {
    case Qt::Key_Escape: return finish(false);
    case Qt::Key_Return:
    case Qt::Key_Enter: return finish(true);
    case Qt::Key_Left: step = {-1, 0}; break;
    case Qt::Key_Right: step = {1, 0}; break;
    case Qt::Key_Up: step = {0, -1}; break;
    case Qt::Key_Down: step = {0, 1}; break;
    default: return QWidget::keyPressEvent(event);
    }
    step *= event->modifiers() & Qt::ControlModifier ? 1 : kKeyStep;
    QRect moved = m_selection;
    if (event->modifiers() & Qt::ShiftModifier) {
        moved.setWidth(std::max(kMinimumSide, moved.width() + step.x()));
        moved.setHeight(std::max(kMinimumSide, moved.height() + step.y()));
    } else {
        moved.translate(step);
        // Moved, not shrunk, at the edges.
        moved.moveLeft(std::clamp(moved.left(), 0, std::max(0, m_screenshot.width() - moved.width())));
        moved.moveTop(std::clamp(moved.top(), 0, std::max(0, m_screenshot.height() - moved.height())));
    }
    setSelection(moved);
}

void RegionSelector::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return finish(false);
    m_dragging = true;
    m_dragStart = toImage(event->position());
    setSelection(QRect(m_dragStart, m_dragStart));
}

void RegionSelector::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) setSelection(QRect(m_dragStart, toImage(event->position())));
}

void RegionSelector::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) return;
    m_dragging = false;
    setSelection(QRect(m_dragStart, toImage(event->position())));
    // A click without a drag is no region: keep choosing.
    if (m_selection.width() >= kMinimumSide && m_selection.height() >= kMinimumSide) finish(true);
}

void RegionSelector::closeEvent(QCloseEvent *event)
{
    if (!m_finished) {
        m_finished = true;
        Q_EMIT cancelled();
    }
    QWidget::closeEvent(event);
}

void RegionSelector::finish(bool take)
{
    if (m_finished) return;
    m_finished = true;
    if (take && m_selection.width() >= kMinimumSide && m_selection.height() >= kMinimumSide) Q_EMIT chosen(selectedImage());
    else Q_EMIT cancelled();
    close();
}

} // namespace snaption::gui
