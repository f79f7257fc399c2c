#include <snaption/widgets/trainingplot.h>

#include <snaption/training/epochhistory.h>


#include <qcustomplot.h>

#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

namespace snaption::widgets {

TrainingPlot::TrainingPlot(QWidget *parent)
    : QWidget(parent), m_loss(new QCustomPlot(this)), m_scores(new QCustomPlot(this)), m_rewards(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_loss, 3);
    layout->addWidget(m_scores, 2);
    layout->addWidget(m_rewards, 2);
    m_loss->setAccessibleName(tr("Loss and learning-rate plot"));
    m_scores->setAccessibleName(tr("BLEU-4 and CIDEr-D plot"));

    const QColor blue(31, 119, 180), orange(255, 127, 14), green(44, 160, 44), purple(148, 103, 189);
    m_raw = m_loss->addGraph();
    m_raw->setName(tr("training loss"));
    m_raw->setPen(QPen(QColor(blue.red(), blue.green(), blue.blue(), 60)));
    m_smoothed = m_loss->addGraph();
    m_smoothed->setName(tr("training loss (smoothed)"));
    m_smoothed->setPen(QPen(blue, 2));
    m_validation = m_loss->addGraph();
    m_validation->setName(tr("validation loss"));
    m_validation->setPen(QPen(orange, 2));
    m_validation->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_learningRate = m_loss->addGraph(m_loss->xAxis, m_loss->yAxis2);
    m_learningRate->setName(tr("learning rate"));
    m_learningRate->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    m_loss->xAxis->setLabel(tr("step"));
    m_loss->yAxis->setLabel(tr("loss"));
    m_loss->yAxis2->setLabel(tr("learning rate"));
    m_loss->yAxis2->setVisible(true);
    m_loss->legend->setVisible(true);
    m_loss->legend->setFont(font());

    m_bleu = m_scores->addGraph();
    m_bleu->setName(tr("BLEU-4"));
    m_bleu->setPen(QPen(green, 2));
    m_bleu->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    m_cider = m_scores->addGraph(m_scores->xAxis, m_scores->yAxis2);
    m_cider->setName(tr("CIDEr-D"));
    m_cider->setPen(QPen(purple, 2));
    m_cider->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    m_scores->xAxis->setLabel(tr("epoch"));
    auto epochTicks = QSharedPointer<QCPAxisTickerFixed>::create();
    epochTicks->setTickStep(1);
    epochTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_scores->xAxis->setTicker(epochTicks);
    m_scores->yAxis->setLabel(tr("BLEU-4"));
    m_scores->yAxis2->setLabel(tr("CIDEr-D"));
    m_scores->yAxis2->setVisible(true);
    m_scores->legend->setVisible(true);
    m_scores->legend->setFont(font());

    createRewardGraphs();

    for (QCustomPlot *plot : {m_loss, m_scores, m_rewards}) {
        plot->setMouseTracking(true);
        plot->installEventFilter(this);
    }
    m_replotTimer.setInterval(100);
    connect(&m_replotTimer, &QTimer::timeout, this, [this] {
        if (!m_dirty) return;
        m_dirty = false;
        m_loss->rescaleAxes();
        fitScoreAxes();
        m_loss->replot(QCustomPlot::rpQueuedReplot);
        m_scores->replot(QCustomPlot::rpQueuedReplot);
        if (m_rewards->isVisible()) {
            m_rewards->rescaleAxes();
            m_rewards->yAxis->setRangeLower(0); // rewards are never negative
            m_rewards->replot(QCustomPlot::rpQueuedReplot);
        }
    });
    m_replotTimer.start();
}

void TrainingPlot::createRewardGraphs()
{
    const QColor red(214, 39, 40), purple(148, 103, 189);
    m_rewards->setAccessibleName(tr("Reward plot of self-critical training"));
    m_sampleReward = m_rewards->addGraph();
    m_sampleReward->setName(tr("sampled captions' reward"));
    m_sampleReward->setPen(QPen(QColor(red.red(), red.green(), red.blue(), 70)));
    m_greedyReward = m_rewards->addGraph();
    m_greedyReward->setName(tr("greedy captions' CIDEr-D"));
    m_greedyReward->setPen(QPen(QColor(purple.red(), purple.green(), purple.blue(), 70)));
    m_epochSampleReward = m_rewards->addGraph();
    m_epochSampleReward->setName(tr("sampled captions' reward, epoch mean"));
    m_epochSampleReward->setPen(QPen(red, 2));
    m_epochSampleReward->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_epochGreedyReward = m_rewards->addGraph();
    m_epochGreedyReward->setName(tr("greedy captions' CIDEr-D, epoch mean"));
    m_epochGreedyReward->setPen(QPen(purple, 2));
    m_epochGreedyReward->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    m_rewards->xAxis->setLabel(tr("step"));
    m_rewards->yAxis->setLabel(tr("reward (CIDEr-D on training images)"));
    m_rewards->legend->setVisible(true);
    m_rewards->legend->setFont(font());
    m_rewards->hide(); // until a self-critical step arrives
}

QList<QCustomPlot *> TrainingPlot::plots() const
{
    QList<QCustomPlot *> shown{m_loss, m_scores};
    if (m_rewards->isVisibleTo(this)) shown.append(m_rewards);
    return shown;
}

bool TrainingPlot::showsRewards() const
{
    return m_rewards->isVisibleTo(this);
}

// Epochs are whole numbers from 1 and scores are never negative: one point must show epoch 1 at
// a score above 0, not epochs -1..3 and a negative BLEU (QCustomPlot's rescale of a single point).
void TrainingPlot::fitScoreAxes()
{
    const double lastEpoch = m_epochs.empty() ? 1.0 : double(m_epochs.back().epoch);
    m_scores->xAxis->setRange(0.5, std::max(1.0, lastEpoch) + 0.5);
    double bleu = 0, cider = 0;
    for (const auto &e : m_epochs) {
        bleu = std::max(bleu, e.scores.bleu[3]);
        cider = std::max(cider, e.scores.cider);
    }
    m_scores->yAxis->setRange(0, std::max(0.05, bleu * 1.1));
    m_scores->yAxis2->setRange(0, std::max(0.05, cider * 1.1));
}

void TrainingPlot::clear()
{
    m_steps.clear();
    m_epochs.clear();
    m_hasEma = false;
    for (QCPGraph *graph : {m_raw, m_smoothed, m_validation, m_learningRate, m_bleu, m_cider, m_sampleReward, m_greedyReward,
                            m_epochSampleReward, m_epochGreedyReward})
        graph->data()->clear();
    m_rewards->hide();
    requestReplot();
}

void TrainingPlot::requestReplot()
{
    m_dirty = true;
}

void TrainingPlot::addStep(const training::StepRecord &record)
{
    m_steps.push_back(record);
    m_raw->addData(record.step, record.loss);
    m_ema = m_hasEma ? m_smoothing * m_ema + (1 - m_smoothing) * record.loss : record.loss;
    m_hasEma = true;
    m_smoothed->addData(record.step, m_ema);
    m_learningRate->addData(record.step, record.learningRate);
    if (record.meanReward && record.greedyReward) {
        m_rewards->show();
        m_sampleReward->addData(record.step, *record.meanReward);
        m_greedyReward->addData(record.step, *record.greedyReward);
    }
    requestReplot();
}

void TrainingPlot::addEpoch(const training::EpochRecord &record)
{
    m_epochs.push_back(record);
    // Validation loss belongs at the step where the epoch ended.
    const double step = m_steps.empty() ? record.epoch : m_steps.back().step;
    m_validation->addData(step, record.validationLoss);
    m_bleu->addData(record.epoch, record.scores.bleu[3]);
    m_cider->addData(record.epoch, record.scores.cider);
    if (record.meanReward && record.greedyReward) {
        m_rewards->show();
        m_epochSampleReward->addData(step, *record.meanReward);
        m_epochGreedyReward->addData(step, *record.greedyReward);
    }
    requestReplot();
}

void TrainingPlot::setSmoothing(double factor)
{
    m_smoothing = std::clamp(factor, 0.0, 0.999);
    rebuildSmoothed();
}

void TrainingPlot::rebuildSmoothed()
{
    m_smoothed->data()->clear();
    m_hasEma = false;
    for (const auto &s : m_steps) {
        m_ema = m_hasEma ? m_smoothing * m_ema + (1 - m_smoothing) * s.loss : s.loss;
        m_hasEma = true;
        m_smoothed->addData(s.step, m_ema);
    }
    requestReplot();
}

void TrainingPlot::setLogScale(bool logarithmic)
{
    m_loss->yAxis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logarithmic) m_loss->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else m_loss->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    requestReplot();
}

int TrainingPlot::stepCount() const { return int(m_steps.size()); }
int TrainingPlot::epochCount() const { return int(m_epochs.size()); }

bool TrainingPlot::savePng(const QString &path, int width, int height)
{
    // The plots stacked in one picture, in the layout's proportions.
    const QList<QCustomPlot *> shown = plots();
    const int parts = shown.size() == 3 ? 7 : 5;
    QPixmap picture(width, height);
    picture.fill(Qt::white);
    QPainter painter(&picture);
    int top = 0;
    for (QCustomPlot *plot : shown) {
        const QPixmap part = plot->toPixmap(width, height * (plot == m_loss ? 3 : 2) / parts);
        painter.drawPixmap(0, top, part);
        top += part.height();
    }
    painter.end();
    return picture.save(path, "PNG");
}

QByteArray TrainingPlot::historyCsv() const
{
    return QByteArray::fromStdString(training::epochHistoryCsv(m_epochs));
}

bool TrainingPlot::eventFilter(QObject *watched, QEvent *event)
{
    auto *plot = qobject_cast<QCustomPlot *>(watched);
    if (!plot || event->type() != QEvent::MouseMove) return QWidget::eventFilter(watched, event);
    // The data point nearest to the pointer, of any graph, in a tooltip.
    const QPointF position = static_cast<QMouseEvent *>(event)->position();
    QString best;
    double bestDistance = 20; // pixels
    for (int g = 0; g < plot->graphCount(); ++g) {
        QCPGraph *graph = plot->graph(g);
        const double x = graph->keyAxis()->pixelToCoord(position.x());
        auto it = graph->data()->findBegin(x);
        for (int k = 0; k < 2 && it != graph->data()->constEnd(); ++k, ++it) {
            const QPointF pixel = graph->coordsToPixels(it->key, it->value);
            const double distance = std::hypot(pixel.x() - position.x(), pixel.y() - position.y());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = tr("%1 at %2: %3").arg(graph->name()).arg(it->key).arg(it->value, 0, 'g', 5);
            }
        }
    }
    if (best.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(plot->mapToGlobal(position.toPoint()), best, plot);
    return false;
}

} // namespace snaption::widgets
