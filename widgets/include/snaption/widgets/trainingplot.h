#pragma once

#include <snaption/training/trainingobserver.h>

#include <QTimer>
#include <QWidget>

class QCPGraph;
class QCustomPlot;

namespace snaption::widgets {

// Live training curves (QCustomPlot): training loss per step, faint, with an exponentially
// smoothed line; validation loss per epoch; the learning rate on a second axis; and BLEU-4 and
// CIDEr-D per epoch in a second plot. Self-critical (CIDEr) training adds a third, shown only then:
// the sampled captions' mean reward and the greedy captions' CIDEr-D per step, faint, and their
// means per epoch at the step each epoch ended. Hovering shows exact values. Points are appended as they
// come; drawing is coalesced to at most 10 frames a second, so hundreds of steps a second cost
// next to nothing.
class TrainingPlot : public QWidget {
    Q_OBJECT

public:
    explicit TrainingPlot(QWidget *parent = nullptr);

    void clear();
    void addStep(const training::StepRecord &record);
    void addEpoch(const training::EpochRecord &record);
    void setSmoothing(double factor); // 0 = raw .. 0.999 = very smooth
    double smoothing() const { return m_smoothing; }
    void setLogScale(bool logarithmic);
    int stepCount() const;
    int epochCount() const;
    bool showsRewards() const; // a self-critical run's reward plot is shown

    bool savePng(const QString &path, int width = 1200, int height = 800);
    QByteArray historyCsv() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void requestReplot();
    void rebuildSmoothed();
    void fitScoreAxes();
    void createRewardGraphs();
    QList<QCustomPlot *> plots() const;

    QCustomPlot *m_loss;
    QCustomPlot *m_scores;
    QCustomPlot *m_rewards;
    QCPGraph *m_raw = nullptr, *m_smoothed = nullptr, *m_validation = nullptr, *m_learningRate = nullptr;
    QCPGraph *m_bleu = nullptr, *m_cider = nullptr;
    QCPGraph *m_sampleReward = nullptr, *m_greedyReward = nullptr, *m_epochSampleReward = nullptr, *m_epochGreedyReward = nullptr;
    QTimer m_replotTimer;
    bool m_dirty = false;
    double m_smoothing = 0.98;
    double m_ema = 0;
    bool m_hasEma = false;
    std::vector<training::StepRecord> m_steps;
    std::vector<training::EpochRecord> m_epochs;
};

} // namespace snaption::widgets
