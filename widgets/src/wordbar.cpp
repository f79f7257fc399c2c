#include <snaption/widgets/wordbar.h>

#include "flowlayout.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QKeyEvent>
#include <QPainter>
#include <QTimer>
#include <QToolButton>

namespace snaption::widgets {
namespace {

// A checkable word button with a confidence bar along its bottom edge.
class WordButton : public QToolButton {
public:
    WordButton(const QString &word, float probability, QWidget *parent) : QToolButton(parent), m_probability(probability)
    {
        setText(word);
        setCheckable(true);
        setAutoRaise(true);
        setFocusPolicy(Qt::NoFocus); // the bar takes the focus and moves the selection with the arrow keys
        const QString confidence = QString::number(int(std::lround(probability * 100)));
        setToolTip(WordBar::tr("%1 (confidence %2 %)").arg(word, confidence));
        setAccessibleName(word);
        setAccessibleDescription(WordBar::tr("confidence %1 percent").arg(confidence));
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QToolButton::paintEvent(event);
        QPainter painter(this);
        const int width = int(std::lround((this->width() - 4) * double(m_probability)));
        painter.fillRect(QRect(2, height() - 3, width, 2), palette().color(QPalette::Highlight));
    }

private:
    float m_probability;
};

} // namespace

WordBar::WordBar(QWidget *parent) : QWidget(parent), m_group(new QButtonGroup(this)), m_layout(new FlowLayout(this)), m_timer(new QTimer(this))
{
    m_group->setExclusive(true);
    // Wraps a long caption onto more rows instead of widening the window.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    m_timer->setInterval(900);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Caption words"));
    setAccessibleDescription(tr("Left and Right select a word and show where the model looked for it."));
    connect(m_group, &QButtonGroup::idClicked, this, &WordBar::select);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_words.empty()) return setPlaying(false);
        select((m_current + 1) % int(m_words.size()));
    });
}

void WordBar::setWords(const std::vector<std::string> &words, const std::vector<float> &probabilities)
{
    setPlaying(false);
    for (QAbstractButton *button : m_group->buttons()) {
        m_group->removeButton(button);
        delete button;
    }
    m_words = words;
    m_current = -1;
    for (std::size_t i = 0; i < words.size(); ++i) {
        auto *button = new WordButton(QString::fromStdString(words[i]), i < probabilities.size() ? probabilities[i] : 0.0f, this);
        m_group->addButton(button, int(i));
        m_layout->addWidget(button);
    }
    if (!words.empty()) select(0);
}

void WordBar::select(int index)
{
    if (index < 0 || index >= int(m_words.size())) return;
    m_current = index;
    if (QAbstractButton *button = m_group->button(index)) button->setChecked(true);
    Q_EMIT wordSelected(index);
}

void WordBar::next() { select(std::min(m_current + 1, int(m_words.size()) - 1)); }
void WordBar::previous() { select(std::max(m_current - 1, 0)); }
bool WordBar::isPlaying() const { return m_timer->isActive(); }

void WordBar::setPlaying(bool playing)
{
    if (playing == m_timer->isActive()) return;
    if (playing && !m_words.empty()) {
        m_timer->start();
        select(0);
    } else {
        m_timer->stop();
    }
    Q_EMIT playingChanged(m_timer->isActive());
}

void WordBar::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left: previous(); break;
    case Qt::Key_Right: next(); break;
    case Qt::Key_Home: select(0); break;
    case Qt::Key_End: select(int(m_words.size()) - 1); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace snaption::widgets
