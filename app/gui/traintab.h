#pragma once

#include <snaption/training/trainer.h>
#include <snaption/training/trainingconfig.h>

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;

namespace snaption::gui {
class NumberField;
}

namespace snaption::widgets {
class HeatmapView;
class TrainingController;
class TrainingPlot;
class WordBar;
} // namespace snaption::widgets

namespace snaption::gui {

// The Train tab: choose data, a preset and settings; start, pause, resume or stop a run on a
// worker thread; watch the live curves, the status, and sample captions with heatmaps every
// epoch; then use the best model. The augmentation pipeline comes from the Augment tab.
class TrainTab : public QWidget {
    Q_OBJECT

public:
    using AugmentationSource = std::function<training::AugmentationConfig()>;
    TrainTab(AugmentationSource augmentation, QWidget *parent = nullptr);
    ~TrainTab() override;

    // The configuration the next run will use, as the editors say.
    training::TrainingConfig currentConfig() const;
    void applyPreset(const QString &name); // a TrainingConfig preset name, e.g. "synthetic-demo"
    void setDataset(const QString &path, const QString &format = QStringLiteral("auto"));
    void setOutputFolder(const QString &folder);
    void setResumeCheckpoint(const QString &checkpoint);

    widgets::TrainingController *controller() const { return m_controller; }
    widgets::TrainingPlot *plot() const { return m_plot; }

public Q_SLOTS:
    void start();
    void stop();
    void setPaused(bool paused);
    void checkDataset();
    // Says the phase and the last step's status ("Epoch 2 of 5, step 40 of 94 · loss …").
    void announceProgress();

Q_SIGNALS:
    void useModelRequested(const QString &path);
    void trainingFinished(bool completed, const QString &bestModel);
    void statusMessage(const QString &message);

private:
    QWidget *createSettingsColumn();
    QGroupBox *createDataBox();
    QGroupBox *createModelBox();
    QWidget *createRunColumn();
    void connectControls();
    void connectController();
    void loadConfig(const training::TrainingConfig &config);
    void useCaptionsOfLanguage(const QString &language);
    void inspectCheckpoint();
    void onStep(const training::StepRecord &record);
    void showStepStatus(); // the status line for m_lastStep, with the best epoch so far
    void onEpoch(const training::EpochRecord &record);
    void onFinished(const training::TrainingResult &result);
    void showSample(int index);
    void updateButtons();
    QString defaultOutputFolder() const;

    AugmentationSource m_augmentation;
    widgets::TrainingController *m_controller;
    // Data and outputs.
    QLineEdit *m_dataset;
    QComboBox *m_format;
    QLabel *m_report;
    QComboBox *m_preset;
    QLineEdit *m_encoderWeights;
    QLineEdit *m_initFrom;
    QLineEdit *m_output;
    QLineEdit *m_resume;
    // Settings.
    std::vector<NumberField> m_numberFields; // the numeric settings, in form order
    QLabel *m_budgetNote = nullptr;           // under Epochs: what the time budget fits
    QComboBox *m_encoder, *m_precision, *m_vocabulary, *m_objective;
    QCheckBox *m_freeze;
    training::TrainingConfig m_base; // the preset, for what the editors do not show
    // Run control and status.
    QPushButton *m_start, *m_pause, *m_stop, *m_use;
    QLabel *m_phase, *m_status;
    QProgressBar *m_progress;
    widgets::TrainingPlot *m_plot;
    QSlider *m_smoothingSlider;
    QCheckBox *m_logScale;
    // Samples.
    QListWidget *m_samples;
    widgets::HeatmapView *m_sampleView;
    widgets::WordBar *m_sampleWords;
    std::vector<training::SampleCaption> m_lastSamples;
    int m_syntheticSeed = -1, m_syntheticSize = 0;
    QString m_bestModel;
    int m_bestEpoch = 0;
    std::optional<training::StepRecord> m_lastStep;
};

} // namespace snaption::gui
