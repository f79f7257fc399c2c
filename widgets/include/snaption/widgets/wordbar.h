#pragma once

#include <QWidget>

#include <string>
#include <vector>

class QButtonGroup;
class QTimer;

namespace snaption::widgets {
class FlowLayout;
class WordButton;

// The caption as rows of word buttons (wrapped to the width): selecting one (click, or Left/Right) shows its heatmap;
// Play steps through the words. Each button shows the word's confidence as a thin bar and in its
// tooltip. To screen readers the bar is the "Caption words" list: while it has the focus the
// selected word is its focused item (Orca speaks it); moved from elsewhere (Alt+Right), the word
// is announced. The confidence is the item's description and is said on request
// (announceConfidence: Space or Enter in the bar).
class WordBar : public QWidget {
    Q_OBJECT

public:
    explicit WordBar(QWidget *parent = nullptr);

    void setWords(const std::vector<std::string> &words, const std::vector<float> &probabilities);
    int count() const { return int(m_words.size()); }
    int current() const { return m_current; }
    bool isPlaying() const;

public Q_SLOTS:
    void select(int index);
    void next();
    void previous();
    void setPlaying(bool playing);
    // "dog, word 3 of 8, confidence 87 percent", through the window's Announcer.
    void announceConfidence();

Q_SIGNALS:
    void wordSelected(int index);
    void playingChanged(bool playing);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void moveTo(int index, bool tellScreenReader);
    void tellScreenReader();
    WordButton *button(int index) const;

    std::vector<std::string> m_words;
    QButtonGroup *m_group;
    FlowLayout *m_layout;
    QTimer *m_timer;
    int m_current = -1;
};

} // namespace snaption::widgets
