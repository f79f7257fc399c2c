#pragma once

#include <QImage>
#include <QPoint>
#include <QRect>
#include <QWidget>

namespace snaption::gui {

// Caption Screen Region: the screenshot shown over the whole screen, the part outside the chosen
// rectangle dimmed. Drag with the mouse; or move the rectangle with the arrow keys and resize it
// with Shift and the arrow keys (Ctrl: in single pixels); Enter takes it, Escape cancels.
class RegionSelector : public QWidget {
    Q_OBJECT

public:
    explicit RegionSelector(const QImage &screenshot, QWidget *parent = nullptr);

    // In the screenshot's pixels.
    QRect selection() const { return m_selection; }
    void setSelection(const QRect &selection);
    QImage selectedImage() const { return m_screenshot.copy(m_selection); }

Q_SIGNALS:
    void chosen(const QImage &region);
    void cancelled();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QPoint toImage(const QPointF &widgetPoint) const;
    QRectF toWidget(const QRect &imageRect) const;
    void finish(bool take);

    QImage m_screenshot;
    QRect m_selection;
    QPoint m_dragStart;
    bool m_dragging = false;
    bool m_finished = false;
};

} // namespace snaption::gui
