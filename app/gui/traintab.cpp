#include "traintab.h"

#include "numberfield.h"

#include <snaption/error.h>
#include <snaption/training/datasetloader.h>
#include <snaption/training/imagesource.h>
#include <snaption/widgets/announcer.h>
#include <snaption/widgets/elidedlabel.h>
#include <snaption/widgets/heatmapview.h>
#include <snaption/widgets/modelcatalog.h>
#include <snaption/widgets/trainingcontroller.h>
#include <snaption/widgets/trainingplot.h>
#include <snaption/widgets/wordbar.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace snaption::gui {
namespace {

QString duration(double seconds)
{
    const int s = int(seconds);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainTab::TrainTab(AugmentationSource augmentation, QWidget *parent)
    : QWidget(parent), m_augmentation(std::move(augmentation)), m_controller(new widgets::TrainingController(this)), m_dataset(new QLineEdit(this)),
      m_format(new QComboBox(this)), m_report(new QLabel(this)), m_preset(new QComboBox(this)), m_encoderWeights(new QLineEdit(this)),
      m_initFrom(new QLineEdit(this)), m_output(new QLineEdit(this)), m_resume(new QLineEdit(this)), m_start(new QPushButton(tr("Sta&rt"), this)),
      m_pause(new QPushButton(tr("Pa&use"), this)), m_stop(new QPushButton(tr("St&op"), this)), m_use(new QPushButton(tr("Use This Mode&l"), this)),
      m_phase(new widgets::ElidedLabel(this)), m_status(new widgets::ElidedLabel(this)), m_progress(new QProgressBar(this)), m_plot(new widgets::TrainingPlot(this)),
      m_smoothingSlider(new QSlider(Qt::Horizontal, this)), m_logScale(new QCheckBox(tr("Lo&g scale"), this)), m_samples(new QListWidget(this)),
      m_sampleView(new widgets::HeatmapView(this)), m_sampleWords(new widgets::WordBar(this))
{
    auto *splitter = new QSplitter(this);
    splitter->addWidget(createSettingsColumn());
    splitter->addWidget(createRunColumn());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 820});
    (new QVBoxLayout(this))->addWidget(splitter);
    connectControls();
    connectController();

    const QSettings settings;
    m_dataset->setText(settings.value(QStringLiteral("train/dataset"), QStringLiteral("synthetic")).toString());
    m_encoderWeights->setText(settings.value(QStringLiteral("train/encoderWeights")).toString());
    m_initFrom->setText(settings.value(QStringLiteral("train/initFrom")).toString());
    m_output->setText(defaultOutputFolder());
    applyPreset(settings.value(QStringLiteral("train/preset"), QStringLiteral("synthetic-demo")).toString());
    updateButtons();
}

// The left column: the data and the model and recipe, scrolling as a whole.
QWidget *TrainTab::createSettingsColumn()
{
    auto *settingsWidget = new QWidget(this);
    auto *settingsLayout = new QVBoxLayout(settingsWidget);
    settingsLayout->addWidget(createDataBox());
    settingsLayout->addWidget(createModelBox());
    settingsLayout->addStretch();
    auto *settingsScroll = new QScrollArea(this);
    settingsScroll->setWidget(settingsWidget);
    settingsScroll->setWidgetResizable(true);
    // Never cut the settings off at the side: the column is at least as wide as its content.
    settingsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    settingsScroll->setMinimumWidth(settingsWidget->minimumSizeHint().width() + settingsScroll->verticalScrollBar()->sizeHint().width() +
                                    2 * settingsScroll->frameWidth());

    return settingsScroll;
}

QGroupBox *TrainTab::createDataBox()
{
    auto *dataBox = new QGroupBox(tr("Data"), this);
    auto *dataForm = new QFormLayout(dataBox);
    const auto browseRow = [&](QLineEdit *edit, const QString &buttonText, const std::function<void()> &browse) {
        auto *row = new QHBoxLayout;
        auto *button = new QPushButton(buttonText, this);
        connect(button, &QPushButton::clicked, this, browse);
        row->addWidget(edit, 1);
        row->addWidget(button);
        return row;
    };
    m_dataset->setPlaceholderText(tr("a dataset folder or file, or \"synthetic\""));
    m_dataset->setAccessibleName(tr("Dataset"));
    m_dataset->setToolTip(tr("A Flickr8k folder or captions file (Flickr8k.de.token.txt: German), a COCO or Karpathy JSON file, a folder "
                             "of images with .txt captions, or \"synthetic\""));
    QHBoxLayout *datasetRow = browseRow(m_dataset, tr("Browse…"), [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Dataset Folder"));
        if (!folder.isEmpty()) setDataset(folder);
    });
    auto *datasetFile = new QPushButton(tr("File…"), this);
    datasetFile->setAccessibleDescription(tr("Choose a dataset file: Flickr8k captions, COCO or Karpathy JSON"));
    connect(datasetFile, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Dataset File"), QString(),
                                                          tr("Captions and datasets (*.txt *.json);;All files (*)"));
        if (!file.isEmpty()) setDataset(file);
    });
    datasetRow->addWidget(datasetFile);
    dataForm->addRow(tr("&Dataset:"), datasetRow);
    for (const char *format : {"auto", "flickr8k", "coco", "karpathy", "folder", "synthetic"}) m_format->addItem(QString::fromLatin1(format));
    m_format->setAccessibleName(tr("Dataset format"));
    m_format->setToolTip(tr("\"auto\" recognises the format from the files"));
    auto *formatRow = new QHBoxLayout;
    auto *check = new QPushButton(tr("Chec&k"), this);
    check->setToolTip(tr("Reads the dataset and reports what is usable, without training"));
    connect(check, &QPushButton::clicked, this, &TrainTab::checkDataset);
    formatRow->addWidget(m_format, 1);
    formatRow->addWidget(check);
    dataForm->addRow(tr("For&mat:"), formatRow);
    m_report->setWordWrap(true);
    m_report->setAccessibleDescription(tr("Dataset report"));
    dataForm->addRow(m_report);
    for (const std::string &name : training::TrainingConfig::presetNames()) {
        const QString preset = QString::fromStdString(name);
        m_preset->addItem(QCoreApplication::translate("TrainingConfig", training::TrainingConfig::presetTitle(name).c_str()), preset);
        m_preset->setItemData(m_preset->count() - 1,
                              tr("%1\nCommand line: snaption-cli train --preset %2")
                                  .arg(QCoreApplication::translate("TrainingConfig", training::TrainingConfig::presetDescription(name).c_str()), preset),
                              Qt::ToolTipRole);
    }
    m_preset->setAccessibleName(tr("Preset"));
    dataForm->addRow(tr("&Preset:"), m_preset);
    m_encoderWeights->setPlaceholderText(tr("none: random encoder"));
    m_encoderWeights->setAccessibleName(tr("Encoder weights"));
    m_encoderWeights->setToolTip(tr("Pretrained encoder weights: .safetensors, .pth or a TFLite MobileNetV2"));
    dataForm->addRow(tr("Encoder &weights:"), browseRow(m_encoderWeights, tr("Browse…"), [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Encoder Weights"), QString(),
                                                          tr("Weights (*.safetensors *.pth *.pt *.tflite);;All files (*)"));
        if (!file.isEmpty()) m_encoderWeights->setText(file);
    }));
    m_initFrom->setPlaceholderText(tr("none: a new model"));
    m_initFrom->setAccessibleName(tr("Start from model"));
    m_initFrom->setToolTip(tr("A trained model (.safetensors) to continue: its weights, vocabulary and caption language. "
                              "CIDEr-D fine-tuning needs one"));
    dataForm->addRow(tr("Start from model:"), browseRow(m_initFrom, tr("Browse…"), [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Model to Start From"), QString(), tr("Models (*.safetensors);;All files (*)"));
        if (!file.isEmpty()) m_initFrom->setText(file);
    }));
    m_output->setAccessibleName(tr("Output folder"));
    m_output->setToolTip(tr("Receives best.safetensors, final.safetensors, checkpoints and the history"));
    dataForm->addRow(tr("Output:"), browseRow(m_output, tr("Browse…"), [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Output Folder"));
        if (!folder.isEmpty()) m_output->setText(folder);
    }));
    m_resume->setPlaceholderText(tr("optional: continue a run"));
    m_resume->setAccessibleName(tr("Resume from checkpoint"));
    dataForm->addRow(tr("Resume from:"), browseRow(m_resume, tr("Browse…"), [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Checkpoint"), QString(), tr("Checkpoints (*.ckpt)"));
        if (!file.isEmpty()) setResumeCheckpoint(file);
    }));
    m_resume->setToolTip(tr("A checkpoint (.ckpt) of an earlier run: its data, settings and output folder are filled in"));
    connect(m_resume, &QLineEdit::editingFinished, this, [this] { inspectCheckpoint(); });
    // Rows whose field is a layout (an editor with its Browse button) get no buddy from
    // QFormLayout: give each such label its editor, so the mnemonic works and no "&" shows.
    for (int row = 0; row < dataForm->rowCount(); ++row) {
        QLayoutItem *field = dataForm->itemAt(row, QFormLayout::FieldRole);
        QLayoutItem *labelItem = dataForm->itemAt(row, QFormLayout::LabelRole);
        if (!field || !field->layout() || !labelItem) continue;
        if (auto *label = qobject_cast<QLabel *>(labelItem->widget())) label->setBuddy(field->layout()->itemAt(0)->widget());
    }
    return dataBox;
}

// The model and the recipe: the encoder choices, then one row per numeric setting (a table).
QGroupBox *TrainTab::createModelBox()
{
    auto *modelBox = new QGroupBox(tr("Model and recipe"), this);
    auto *form = new QFormLayout(modelBox);
    m_encoder = new QComboBox(this);
    m_encoder->addItems({QStringLiteral("efficientnet_b0"), QStringLiteral("mobilenet_v2"), QStringLiteral("simple_cnn")});
    m_encoder->setToolTip(tr("The image encoder; pretrained weights choose it themselves"));
    m_encoder->setAccessibleName(tr("Encoder"));
    form->addRow(tr("Encoder:"), m_encoder);
    m_freeze = new QCheckBox(tr("Free&ze the encoder (cache its features)"), this);
    m_freeze->setToolTip(tr("Frozen: features are computed once and epochs only train the decoder - much faster on a CPU"));
    form->addRow(m_freeze);
    m_precision = new QComboBox(this);
    m_precision->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_precision->addItem(tr("bfloat16"), QStringLiteral("bf16"));
    m_precision->addItem(tr("fp32"), QStringLiteral("fp32"));
    m_precision->setToolTip(tr("Number format of the decoder's matrix products while training. bfloat16 is about twice as fast on "
                               "processors with native bfloat16 (AVX512-BF16, AMX); Automatic uses it there when the encoder is frozen"));
    m_precision->setAccessibleName(tr("Matrix precision"));
    m_precision->setAccessibleDescription(m_precision->toolTip());
    form->addRow(tr("Matrix precision:"), m_precision);
    m_vocabulary = new QComboBox(this);
    m_vocabulary->addItem(tr("Words"), QStringLiteral("words"));
    m_vocabulary->addItem(tr("Subword pieces (SentencePiece)"), QStringLiteral("subwords"));
    m_vocabulary->setToolTip(tr("What the decoder writes: whole words of the training captions, or pieces of words learnt from them "
                                "(for languages with long compounds, such as German)"));
    m_vocabulary->setAccessibleName(tr("Vocabulary"));
    m_vocabulary->setAccessibleDescription(m_vocabulary->toolTip());
    form->addRow(tr("Vocabulary:"), m_vocabulary);
    m_objective = new QComboBox(this);
    m_objective->addItem(tr("Cross-entropy: learn the reference captions"), QStringLiteral("cross-entropy"));
    m_objective->addItem(tr("CIDEr-D, self-critical: fine-tune a trained model"), QStringLiteral("cider"));
    m_objective->setToolTip(tr("What training optimises. Self-critical training samples several captions per image and favours those "
                               "that score better than the others; it starts from the model under \"Start from model\""));
    m_objective->setAccessibleName(tr("Objective"));
    m_objective->setAccessibleDescription(m_objective->toolTip());
    form->addRow(tr("Ob&jective:"), m_objective);
    using Config = training::TrainingConfig;
    m_budgetNote = new QLabel(this);
    m_numberFields = {
        {this, {tr("Decoder layers:"), 1, 24, 1, 0, tr("Transformer decoder layers")}, [](Config &c) -> int & { return c.model.decoder.layers; }},
        {this, {tr("Width:"), 16, 2048, 1, 0, tr("Decoder width (model dimension); divisible by the heads")}, [](Config &c) -> int & { return c.model.decoder.dim; }},
        {this, {tr("Heads:"), 1, 32, 1, 0, tr("Attention heads per layer")}, [](Config &c) -> int & { return c.model.decoder.heads; }},
        {this, {tr("Feed-forward:"), 16, 8192, 1, 0, tr("Size of the feed-forward layer in each decoder layer")},
         [](Config &c) -> int & { return c.model.decoder.feedForward; }},
        {this, {tr("Context:"), 4, 64, 1, 0, tr("Longest caption in tokens, <START> included")}, [](Config &c) -> int & { return c.model.decoder.contextLength; }},
        {this, {tr("Dropout:"), 0, 0.9, 0.05, 2, tr("Dropout in the decoder while training")}, [](Config &c) -> double & { return c.model.decoder.dropout; }},
        {this, {tr("Epochs:"), 1, 1000, 1, 0, tr("Passes over the training images (one random caption each)")}, [](Config &c) -> int & { return c.epochs; }},
        {this, {tr("Batch size:"), 1, 1024, 1, 0, tr("Images per optimiser step")}, [](Config &c) -> int & { return c.batchSize; }},
        {this, {tr("Learning rate:"), 1e-6, 1e-1, 1e-4, 6, tr("Peak learning rate of the one-cycle schedule")}, [](Config &c) -> double & { return c.learningRate; }},
        {this, {tr("Weight decay:"), 0, 0.5, 1e-4, 5, tr("AdamW weight decay")}, [](Config &c) -> double & { return c.weightDecay; }},
        {this, {tr("Warm-up:"), 0, 0.9, 0.05, 2, tr("Share of the steps spent raising the learning rate")}, [](Config &c) -> double & { return c.warmupFraction; }},
        {this, {tr("Label smoothing:"), 0, 0.9, 0.05, 2, tr("Share of probability spread over all words")}, [](Config &c) -> double & { return c.labelSmoothing; }},
        {this, {tr("Gradient clip:"), 0, 100, 0.5, 1, tr("Largest gradient norm (0 = no clipping)")}, [](Config &c) -> double & { return c.gradientClip; }},
        {this, {tr("Min. word count:"), 1, 1000, 1, 0, tr("Words seen fewer times in training captions become <UNKNOWN>")},
         [](Config &c) -> int & { return c.minWordFrequency; }},
        {this, {tr("Subword pieces:"), 32, 100000, 100, 0, tr("Size of a subword vocabulary, learnt from the training captions when training starts")},
         [](Config &c) -> int & { return c.subwordPieces; }},
        {this, {tr("Samples per image:"), 2, 64, 1, 0, tr("Captions sampled per image in each self-critical step")},
         [](Config &c) -> int & { return c.samplesPerImage; }},
        {this, {tr("CIDEr-D stage epochs:"), 0, 1000, 1, 0,
                tr("Self-critical epochs after the cross-entropy ones, in the same run, starting from their best model; they are given a share "
                   "of the time budget (0 = none)")},
         [](Config &c) -> int & { return c.ciderStageEpochs; }},
        {this, {tr("Feature views:"), 1, 32, 1, 0, tr("Cached versions of each image: the original plus augmented ones")}, [](Config &c) -> int & { return c.featureViews; }},
        {this, {tr("Time budget (min):"), 0, 100000, 1, 1, tr("Stop after this many minutes; the plan is revised to fit as the speed changes (0 = none)")},
         [](Config &c) -> double & { return c.maxMinutes; }},
        {this, {tr("Seed:"), 0, 1'000'000, 1, 0, tr("Random seed: the same seed gives the same run")}, [](Config &c) -> std::uint64_t & { return c.seed; }},
    };
    for (const NumberField &field : m_numberFields) {
        form->addRow(field.label(), field.editor());
        // While a time budget cuts the run, say so under the epochs the form asks for.
        if (field.label() == tr("Epochs:")) form->addRow(QString(), m_budgetNote);
    }
    // The pieces' count means something only for a subword vocabulary, the samples only for the
    // self-critical objective or stage.
    QSpinBox *ciderStageEpochs = nullptr;
    for (const NumberField &field : m_numberFields)
        if (field.label() == tr("CIDEr-D stage epochs:")) ciderStageEpochs = qobject_cast<QSpinBox *>(field.editor());
    for (const NumberField &field : m_numberFields) {
        QAbstractSpinBox *editor = field.editor();
        if (field.label() == tr("Subword pieces:")) {
            const auto follow = [this, editor] { editor->setEnabled(m_vocabulary->currentData().toString() == QLatin1String("subwords")); };
            connect(m_vocabulary, &QComboBox::currentIndexChanged, editor, follow);
            follow();
        } else if (field.label() == tr("Samples per image:")) {
            const auto follow = [this, editor, ciderStageEpochs] {
                editor->setEnabled(m_objective->currentData().toString() == QLatin1String("cider") || ciderStageEpochs->value() > 0);
            };
            connect(m_objective, &QComboBox::currentIndexChanged, editor, follow);
            connect(ciderStageEpochs, &QSpinBox::valueChanged, editor, follow);
            follow();
        }
    }
    m_budgetNote->setObjectName(QStringLiteral("budgetNote"));
    m_budgetNote->setWordWrap(true);
    m_budgetNote->setVisible(false);
    return modelBox;
}

// The right column: run controls, status, the live plots and the sample captions.
QWidget *TrainTab::createRunColumn()
{
    auto *run = new QWidget(this);
    auto *runLayout = new QVBoxLayout(run);
    auto *controls = new QHBoxLayout;
    m_start->setToolTip(tr("Starts training on a background thread"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Pauses between steps; press again to resume"));
    m_stop->setToolTip(tr("Stops after the current step and writes a checkpoint to resume from"));
    m_use->setToolTip(tr("Loads the best model so far into the Caption tab"));
    for (QPushButton *b : {m_start, m_pause, m_stop, m_use}) controls->addWidget(b);
    controls->addStretch();
    runLayout->addLayout(controls);
    m_phase->setAccessibleDescription(tr("Training phase"));
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_phase->setObjectName(QStringLiteral("trainingPhase"));
    m_report->setObjectName(QStringLiteral("datasetReport"));
    m_status->setAccessibleDescription(tr("Training status"));
    m_progress->setAccessibleName(tr("Training progress"));
    runLayout->addWidget(m_phase);
    runLayout->addWidget(m_progress);
    runLayout->addWidget(m_status);
    auto *plotOptions = new QHBoxLayout;
    auto *smoothingLabel = new QLabel(tr("Smooth&ing:"), this);
    smoothingLabel->setBuddy(m_smoothingSlider);
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(90);
    m_smoothingSlider->setAccessibleName(tr("Loss smoothing"));
    auto *exportPng = new QPushButton(tr("Export P&NG…"), this);
    auto *exportCsv = new QPushButton(tr("E&xport CSV…"), this);
    plotOptions->addWidget(smoothingLabel);
    plotOptions->addWidget(m_smoothingSlider);
    plotOptions->addWidget(m_logScale);
    plotOptions->addStretch();
    plotOptions->addWidget(exportPng);
    plotOptions->addWidget(exportCsv);
    runLayout->addWidget(m_plot, 3);
    runLayout->addLayout(plotOptions);
    auto *samplesBox = new QGroupBox(tr("Sample captions of validation images"), this);
    auto *samplesLayout = new QHBoxLayout(samplesBox);
    m_samples->setAccessibleName(tr("Sample captions"));
    m_samples->setMaximumWidth(320);
    m_samples->setWordWrap(true);
    m_samples->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *sampleRight = new QVBoxLayout;
    sampleRight->addWidget(m_sampleView, 1);
    sampleRight->addWidget(m_sampleWords);
    samplesLayout->addWidget(m_samples);
    samplesLayout->addLayout(sampleRight, 1);
    runLayout->addWidget(samplesBox, 2);

    connect(exportPng, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Plot"), QStringLiteral("training.png"), tr("PNG images (*.png)"));
        if (!file.isEmpty() && !m_plot->savePng(file)) QMessageBox::warning(this, tr("Export Failed"), tr("Cannot write %1").arg(file));
    });
    connect(exportCsv, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export History"), QStringLiteral("history.csv"), tr("CSV (*.csv)"));
        if (file.isEmpty()) return;
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(m_plot->historyCsv()) < 0)
            QMessageBox::warning(this, tr("Export Failed"), tr("Cannot write %1: %2").arg(file, out.errorString()));
    });
    return run;
}

void TrainTab::connectControls()
{
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] { applyPreset(m_preset->currentData().toString()); });
    connect(m_start, &QPushButton::clicked, this, &TrainTab::start);
    connect(m_pause, &QPushButton::toggled, this, &TrainTab::setPaused);
    connect(m_stop, &QPushButton::clicked, this, &TrainTab::stop);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (!m_bestModel.isEmpty()) Q_EMIT useModelRequested(m_bestModel);
    });
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int value) { m_plot->setSmoothing(value / 100.0); });
    connect(m_logScale, &QCheckBox::toggled, m_plot, &widgets::TrainingPlot::setLogScale);
    connect(m_samples, &QListWidget::currentRowChanged, this, &TrainTab::showSample);
    connect(m_sampleWords, &widgets::WordBar::wordSelected, m_sampleView, &widgets::HeatmapView::setWord);
}

void TrainTab::connectController()
{
    connect(m_controller, &widgets::TrainingController::phaseChanged, this, [this](int, const QString &text) {
        m_phase->setText(text);
        m_progress->setRange(0, 0);
    });
    connect(m_controller, &widgets::TrainingController::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_controller, &widgets::TrainingController::step, this, &TrainTab::onStep);
    connect(m_controller, &widgets::TrainingController::epoch, this, &TrainTab::onEpoch);
    connect(m_controller, &widgets::TrainingController::message, this, &TrainTab::statusMessage);
    connect(m_controller, &widgets::TrainingController::datasetLoaded, this, [this](const QString &summary, int seed, int size) {
        m_report->setText(summary);
        m_syntheticSeed = seed;
        m_syntheticSize = size;
    });
    connect(m_controller, &widgets::TrainingController::finished, this, &TrainTab::onFinished);
    connect(m_controller, &widgets::TrainingController::failed, this, [this](const QString &error) {
        m_phase->setText(tr("Training failed: %1").arg(error));
        widgets::Announcer::announce(this, m_phase->text());
        Q_EMIT statusMessage(tr("Training failed: %1").arg(error));
        Q_EMIT trainingFinished(false, QString());
        updateButtons();
    });
    connect(m_controller, &widgets::TrainingController::runningChanged, this, &TrainTab::updateButtons);
}

TrainTab::~TrainTab() = default;

QString TrainTab::defaultOutputFolder() const
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("snaption/training/run-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

void TrainTab::applyPreset(const QString &requested)
{
    // A name this version does not know (renamed since it was saved) falls back to the first preset.
    const auto &names = training::TrainingConfig::presetNames();
    const bool known = std::find(names.begin(), names.end(), requested.toStdString()) != names.end();
    const QString name = known ? requested : QString::fromStdString(names.front());
    if (!known) Q_EMIT statusMessage(tr("Unknown preset \"%1\"; using \"%2\"").arg(requested, name));
    loadConfig(training::TrainingConfig::preset(name.toStdString()));
    const QSignalBlocker blocker(m_preset);
    m_preset->setCurrentIndex(m_preset->findData(name));
    if (name.startsWith(QLatin1String("synthetic-"))) {
        m_dataset->setText(QStringLiteral("synthetic"));
        m_format->setCurrentText(QStringLiteral("auto"));
    }
    useCaptionsOfLanguage(QString::fromStdString(m_base.language));
}

// A Flickr8k folder holds the English captions and may hold the German ones beside them: a German
// preset takes the German file, an English one the folder.
void TrainTab::useCaptionsOfLanguage(const QString &language)
{
    const QFileInfo dataset(m_dataset->text().trimmed());
    static const QString german = QStringLiteral("Flickr8k.de.token.txt");
    if (language == QLatin1String("de") && dataset.isDir() && QFileInfo::exists(QDir(dataset.filePath()).filePath(german)))
        m_dataset->setText(QDir(dataset.filePath()).filePath(german));
    else if (language != QLatin1String("de") && dataset.fileName() == german && QFileInfo::exists(dataset.dir().filePath(QStringLiteral("Flickr8k.token.txt"))))
        m_dataset->setText(dataset.path());
}

void TrainTab::loadConfig(const training::TrainingConfig &c)
{
    m_base = c;
    m_encoder->setCurrentText(QString::fromStdString(c.model.encoder.name));
    m_freeze->setChecked(c.freezeEncoder);
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(QString::fromStdString(c.mixedPrecision))));
    m_vocabulary->setCurrentIndex(std::max(0, m_vocabulary->findData(QString::fromStdString(c.vocabulary))));
    m_objective->setCurrentIndex(std::max(0, m_objective->findData(QString::fromStdString(c.objective))));
    for (const NumberField &field : m_numberFields) field.load(c);
}

training::TrainingConfig TrainTab::currentConfig() const
{
    training::TrainingConfig c = m_base;
    c.model.encoder.name = m_encoder->currentText().toStdString();
    c.freezeEncoder = m_freeze->isChecked();
    c.mixedPrecision = m_precision->currentData().toString().toStdString();
    c.vocabulary = m_vocabulary->currentData().toString().toStdString();
    c.objective = m_objective->currentData().toString().toStdString();
    for (const NumberField &field : m_numberFields) field.store(c);
    c.encoderWeights = m_encoderWeights->text().trimmed().toStdString();
    c.initFrom = m_initFrom->text().trimmed().toStdString();
    // One source of truth: the pipeline edited in the Augment tab.
    if (m_augmentation) c.augmentation = m_augmentation();
    return c;
}

void TrainTab::setDataset(const QString &path, const QString &format)
{
    m_dataset->setText(path);
    m_format->setCurrentText(format);
}

void TrainTab::setOutputFolder(const QString &folder) { m_output->setText(folder); }
void TrainTab::setResumeCheckpoint(const QString &checkpoint)
{
    m_resume->setText(checkpoint);
    inspectCheckpoint();
}

// Shows what a resume will continue: the checkpoint's settings, data and output folder fill the
// form (read off the GUI thread; only its header is read).
void TrainTab::inspectCheckpoint()
{
    const QString path = m_resume->text().trimmed();
    if (path.isEmpty()) return;
    struct Lookup {
        training::CheckpointInfo info;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Lookup>(this);
    connect(watcher, &QFutureWatcher<Lookup>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (m_resume->text().trimmed() != path || m_controller->isRunning()) return; // changed meanwhile
        const Lookup lookup = watcher->result();
        if (!lookup.error.isEmpty()) {
            m_report->setText(tr("Cannot resume from %1: %2").arg(path, lookup.error));
            return;
        }
        const training::CheckpointInfo &info = lookup.info;
        loadConfig(info.config);
        if (!info.dataSource.empty()) setDataset(QString::fromStdString(info.dataSource), QString::fromStdString(info.dataFormat));
        if (m_output->text().trimmed().isEmpty()) m_output->setText(QString::fromStdString(info.outputFolder));
        m_report->setText(tr("Resumes after epoch %1 (step %2) with the checkpoint's settings; only the epochs, the time budget and the "
                             "matrix precision can be changed.")
                              .arg(info.epochsDone)
                              .arg(info.globalStep));
    });
    watcher->setFuture(QtConcurrent::run([path] {
        try {
            return Lookup{training::Trainer::inspectCheckpoint(path.toStdString()), QString()};
        } catch (const std::exception &error) {
            return Lookup{{}, QString::fromStdString(Error::describe(error))};
        }
    }));
}

void TrainTab::checkDataset()
{
    const QString path = m_dataset->text().trimmed(), format = m_format->currentText();
    const training::TrainingConfig config = currentConfig();
    m_report->setText(tr("Reading the dataset…"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        m_report->setText(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, format, config] {
        try {
            training::DatasetLoader::Options options = training::DatasetLoader::optionsFor(config);
            options.format = training::DatasetLoader::formatFromName(format.toStdString());
            options.verifyImages = true;
            const training::Dataset dataset = training::DatasetLoader::load(path.toStdString(), options);
            QString text = tr("%1 (%2): %3 training, %4 validation, %5 test images. %6")
                               .arg(QString::fromStdString(dataset.name), QString::fromStdString(dataset.format))
                               .arg(dataset.train.size())
                               .arg(dataset.validation.size())
                               .arg(dataset.test.size())
                               .arg(QString::fromStdString(dataset.report.summary()));
            for (const std::string &example : dataset.report.examples) text += QStringLiteral("\n• ") + QString::fromStdString(example);
            return text;
        } catch (const std::exception &error) {
            return tr("Not usable: %1").arg(QString::fromStdString(Error::describe(error)));
        }
    }));
}

void TrainTab::start()
{
    if (m_controller->isRunning()) return;
    const training::TrainingConfig config = currentConfig();
    try {
        config.validate();
    } catch (const std::exception &error) {
        QMessageBox::warning(this, tr("Cannot Start Training"), QString::fromStdString(Error::describe(error)));
        return;
    }
    const bool resuming = !m_resume->text().trimmed().isEmpty();
    if (!resuming && config.objective == "cider" && config.initFrom.empty()) {
        QMessageBox::warning(this, tr("Cannot Start Training"),
                             tr("CIDEr-D fine-tuning continues a trained model: choose one under \"Start from model\"."));
        m_initFrom->setFocus();
        return;
    }
    if (m_output->text().trimmed().isEmpty() && !resuming) m_output->setText(defaultOutputFolder()); // resuming: the checkpoint's
    QSettings settings;
    settings.setValue(QStringLiteral("train/dataset"), m_dataset->text());
    settings.setValue(QStringLiteral("train/preset"), m_preset->currentData().toString());
    settings.setValue(QStringLiteral("train/encoderWeights"), m_encoderWeights->text());
    settings.setValue(QStringLiteral("train/initFrom"), m_initFrom->text());
    m_plot->clear();
    m_logScale->setEnabled(true);
    m_samples->clear();
    m_lastSamples.clear();
    m_bestModel.clear();
    m_bestEpoch = 0;
    m_lastStep.reset();
    m_budgetNote->setVisible(false);
    m_status->clear();
    m_controller->start(config, m_dataset->text().trimmed(), m_format->currentText(), m_output->text().trimmed(), m_resume->text().trimmed());
    updateButtons();
}

void TrainTab::stop()
{
    m_controller->stop();
    m_phase->setText(tr("Stopping after this step, writing a checkpoint…"));
}

void TrainTab::setPaused(bool paused)
{
    m_controller->setPaused(paused);
    m_pause->setText(paused ? tr("&Resume") : tr("Pa&use"));
    if (paused) m_phase->setText(tr("Paused"));
}

void TrainTab::onStep(const training::StepRecord &r)
{
    // A self-critical loss is negative, which a logarithmic axis cannot show.
    if (r.meanReward && m_logScale->isEnabled()) {
        m_logScale->setChecked(false);
        m_logScale->setEnabled(false);
    }
    m_plot->addStep(r);
    m_progress->setRange(0, r.totalSteps);
    m_progress->setValue(r.step);
    m_lastStep = r;
    showStepStatus();
}

void TrainTab::showStepStatus()
{
    if (!m_lastStep) return;
    const training::StepRecord &r = *m_lastStep;
    // The epochs the time budget allows, which may differ from the form's Epochs while it runs.
    const int planned = r.stepsPerEpoch > 0 ? r.totalSteps / r.stepsPerEpoch : 0;
    const training::TrainingConfig asking = currentConfig();
    const int asked = asking.epochs + (asking.objective == "cross-entropy" ? asking.ciderStageEpochs : 0);
    m_budgetNote->setText(tr("The time budget fits %n of them at the current speed.", nullptr, planned));
    m_budgetNote->setVisible(planned != asked);
    const QString loss = r.meanReward && r.greedyReward ? tr("reward %1 (greedy %2)").arg(*r.meanReward, 0, 'f', 3).arg(*r.greedyReward, 0, 'f', 3)
                                                        : tr("loss %1").arg(r.loss, 0, 'f', 3);
    m_status->setText(tr("Epoch %1 of %2, step %3 of %4 · %5 · %6 samples/s · %7 left%8")
                          .arg(r.epoch)
                          .arg(planned)
                          .arg(r.step)
                          .arg(r.totalSteps)
                          .arg(loss)
                          .arg(r.samplesPerSecond, 0, 'f', 1)
                          .arg(duration(r.etaSeconds))
                          .arg(m_bestEpoch > 0 ? tr(" · best: epoch %1").arg(m_bestEpoch) : QString()));
}

void TrainTab::announceProgress()
{
    QStringList parts;
    if (!m_phase->text().isEmpty()) parts << m_phase->text();
    if (!m_status->text().isEmpty()) parts << m_status->text();
    widgets::Announcer::announce(this, parts.isEmpty() ? tr("No training has run yet") : parts.join(QStringLiteral(". ")));
}

void TrainTab::onEpoch(const training::EpochRecord &r)
{
    m_plot->addEpoch(r);
    if (r.best) {
        m_bestEpoch = r.epoch;
        m_bestModel = QDir(m_output->text().trimmed()).filePath(QStringLiteral("best.safetensors"));
        showStepStatus(); // the last epoch's steps showed the previous best
    }
    const QString summary = tr("Epoch %1: BLEU-4 %2, CIDEr-D %3%4%5")
                                .arg(r.epoch)
                                .arg(r.scores.bleu[3], 0, 'f', 3)
                                .arg(r.scores.cider, 0, 'f', 3)
                                .arg(r.attentionHitRate ? tr(", attention hit rate %1").arg(*r.attentionHitRate, 0, 'f', 3) : QString())
                                .arg(r.best ? tr(" (best so far)") : QString());
    Q_EMIT statusMessage(summary);
    // Each epoch's end is worth hearing wherever the user is; the steps between are said on request.
    widgets::Announcer::announce(this, summary);
    m_lastSamples = r.samples;
    const int row = std::max(0, m_samples->currentRow());
    m_samples->clear();
    for (const auto &sample : r.samples) m_samples->addItem(QString::fromStdString(sample.caption));
    if (!r.samples.empty()) m_samples->setCurrentRow(std::min(row, int(r.samples.size()) - 1));
    updateButtons();
}

// Renders the sample's image (a synthetic scene or a file) off the GUI thread, as the trainer's
// ImageSource does, then shows it with the heatmaps in one render.
void TrainTab::showSample(int index)
{
    if (index < 0 || index >= int(m_lastSamples.size())) return;
    const training::SampleCaption sample = m_lastSamples[std::size_t(index)];
    training::Dataset source; // only what ImageSource needs to find the image
    if (m_syntheticSeed >= 0) {
        source.format = "synthetic";
        source.syntheticSeed = std::uint64_t(m_syntheticSeed);
        source.syntheticImageSize = m_syntheticSize;
    }
    training::CaptionedImage record;
    record.id = sample.imageId;
    record.imagePath = sample.imagePath;
    struct Loaded {
        std::shared_ptr<const RgbImage> image;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, index, sample] {
        watcher->deleteLater();
        if (m_samples->currentRow() != index) return; // another sample was chosen meanwhile
        const Loaded loaded = watcher->result();
        if (!loaded.error.isEmpty()) Q_EMIT statusMessage(tr("Cannot show the sample image %1: %2").arg(QString::fromStdString(sample.imageId), loaded.error));
        m_sampleView->show(loaded.image, sample.attention, sample.words.empty() ? -1 : 0);
        m_sampleWords->setWords(sample.words, std::vector<float>(sample.words.size(), 1.0f));
    });
    watcher->setFuture(QtConcurrent::run([source, record]() -> Loaded {
        try {
            return {std::make_shared<const RgbImage>(training::ImageSource::load(source, record)), QString()};
        } catch (const std::exception &error) {
            return {nullptr, QString::fromStdString(Error::describe(error))};
        }
    }));
}

void TrainTab::onFinished(const training::TrainingResult &result)
{
    // A model is worth using once an epoch finished; before that "best" is the untrained start.
    m_bestModel = result.epochs > 0 ? QString::fromStdString(result.bestModel) : QString();
    const auto &s = result.validationScores;
    m_phase->setText(result.stopped ? tr("Stopped. A checkpoint was written: %1").arg(QString::fromStdString(result.lastCheckpoint))
                                    : tr("Finished in %1: %n epoch(s); best model BLEU-4 %2, CIDEr-D %3 on %4 validation images", nullptr, result.epochs)
                                          .arg(duration(result.elapsedSeconds))
                                          .arg(s.bleu[3], 0, 'f', 3)
                                          .arg(s.cider, 0, 'f', 3)
                                          .arg(s.images));
    widgets::Announcer::announce(this, m_phase->text());
    if (result.stopped) m_resume->setText(QString::fromStdString(result.lastCheckpoint));
    if (!result.skippedImages.empty())
        Q_EMIT statusMessage(tr("%n unreadable image(s) were skipped; history.json lists them", nullptr, int(result.skippedImages.size())));
    // A stopped run keeps its bar where it stopped (the last step's position); a finished one is full.
    if (!result.stopped || !m_lastStep) {
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
    } else {
        m_progress->setRange(0, m_lastStep->totalSteps);
        m_progress->setValue(m_lastStep->step);
    }
    updateButtons();
    Q_EMIT trainingFinished(!result.stopped, m_bestModel);
}

void TrainTab::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_start->setEnabled(!running);
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    m_use->setEnabled(!m_bestModel.isEmpty() && QFileInfo::exists(m_bestModel));
    if (!running && m_pause->isChecked()) {
        m_pause->blockSignals(true);
        m_pause->setChecked(false);
        m_pause->setText(tr("Pa&use"));
        m_pause->blockSignals(false);
    }
}

} // namespace snaption::gui
