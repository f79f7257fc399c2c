#pragma once

#include <QWidget>

#include <string>
#include <vector>

class QButtonGroup;
class QTimer;

namespace snaption::widgets {
class FlowLayout;

// The caption as rows of word buttons (wrapped to the width): selecting one (click, or Left/Right) shows its heatmap;
// Play steps through the words. Each button shows the word's confidence as a thin bar and in its
// tooltip and accessible description.
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

Q_SIGNALS:
    void wordSelected(int index);
    void playingChanged(bool playing);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    std::vector<std::string> m_words;
    QButtonGroup *m_group;
    FlowLayout *m_layout;
    QTimer *m_timer;
    int m_current = -1;
};

} // namespace snaption::widgets
