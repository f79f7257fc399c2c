#pragma once

#include <QLabel>

namespace snaption::widgets {

// A one-line label for status text of any length: it shows what fits, shortened in the middle
// with "…", and never widens the window. text() (and so the screen reader) keeps the whole text,
// which is also the tooltip when it does not fit.
class ElidedLabel : public QLabel {
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;
    // The text as painted at the current width.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace snaption::widgets
