#pragma once

#include <QToolButton>

namespace snaption::widgets {

// One word of the word bar: a checkable button with a confidence bar along its bottom edge. To
// screen readers it is an item of the "Caption words" list (the word, its confidence as the
// description), focused while it is the selected word of the focused bar.
class WordButton : public QToolButton {
    Q_OBJECT

public:
    WordButton(const QString &word, float probability, QWidget *bar);

    QString word() const { return text(); }
    int confidencePercent() const;
    QString confidenceText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    float m_probability;
};

} // namespace snaption::widgets
