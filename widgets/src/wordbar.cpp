#include <snaption/widgets/wordbar.h>

#include "flowlayout.h"
#include "wordbutton.h"

#include <snaption/widgets/announcer.h>

#include <QAccessible>
#include <QAccessibleWidget>
#include <QButtonGroup>
#include <QKeyEvent>
#include <QTimer>

#include <mutex>

namespace snaption::widgets {
namespace {

QAccessibleInterface *wordListFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("snaption::widgets::WordBar") && object && object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::List);
    return nullptr;
}

} // namespace

WordBar::WordBar(QWidget *parent) : QWidget(parent), m_group(new QButtonGroup(this)), m_layout(new FlowLayout(this)), m_timer(new QTimer(this))
{
    static std::once_flag installed;
    std::call_once(installed, [] { QAccessible::installFactory(wordListFactory); });
    m_group->setExclusive(true);
    // Wraps a long caption onto more rows instead of widening the window.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    m_timer->setInterval(900);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Caption words"));
    setAccessibleDescription(tr("Left and Right select a word and show where the model looked for it. Space says its confidence."));
    connect(m_group, &QButtonGroup::idClicked, this, &WordBar::select);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_words.empty()) return setPlaying(false);
        select((m_current + 1) % int(m_words.size()));
    });
}

void WordBar::setWords(const std::vector<std::string> &words, const std::vector<float> &probabilities)
{
    setPlaying(false);
    for (QAbstractButton *old : m_group->buttons()) {
        m_group->removeButton(old);
        delete old;
    }
    m_words = words;
    m_current = -1;
    for (std::size_t i = 0; i < words.size(); ++i) {
        auto *word = new WordButton(QString::fromStdString(words[i]), i < probabilities.size() ? probabilities[i] : 0.0f, this);
        m_group->addButton(word, int(i));
        m_layout->addWidget(word);
    }
    // A new caption is said as a whole by whoever shows it, not word by word.
    if (!words.empty()) moveTo(0, false);
}

WordButton *WordBar::button(int index) const
{
    return static_cast<WordButton *>(m_group->button(index));
}

void WordBar::select(int index)
{
    moveTo(index, true);
}

void WordBar::moveTo(int index, bool tell)
{
    if (index < 0 || index >= int(m_words.size())) return;
    const bool moved = index != m_current;
    m_current = index;
    if (WordButton *word = button(index)) word->setChecked(true);
    Q_EMIT wordSelected(index);
    if (tell && moved) tellScreenReader();
}

// In the focused bar the word becomes the focused item, which a screen reader speaks as it
// speaks any focus move; from elsewhere (Alt+Right, Play) the word is announced.
void WordBar::tellScreenReader()
{
    WordButton *word = button(m_current);
    if (!word) return;
    if (hasFocus()) {
        QAccessibleEvent event(word, QAccessible::Focus);
        QAccessible::updateAccessibility(&event);
    } else {
        Announcer::announce(this, word->word());
    }
}

void WordBar::announceConfidence()
{
    if (WordButton *word = button(m_current))
        Announcer::announce(this, tr("%1, word %2 of %3, %4").arg(word->word()).arg(m_current + 1).arg(count()).arg(word->confidenceText()));
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
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter: announceConfidence(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

// The bar's own focus event names the list; the selected word follows as its focused item.
// Queued: Qt sends the bar's focus event after this handler, and the last focus event wins.
void WordBar::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    QMetaObject::invokeMethod(this, [this] {
        if (hasFocus()) tellScreenReader();
    }, Qt::QueuedConnection);
}

} // namespace snaption::widgets
