#include "traintab.h"

#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/training/datasetloader.h>
#include <snaption/training/syntheticscenes.h>
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
      m_output(new QLineEdit(this)), m_resume(new QLineEdit(this)), m_start(new QPushButton(tr("&Start"), this)),
      m_pause(new QPushButton(tr("&Pause"), this)), m_stop(new QPushButton(tr("St&op"), this)), m_use(new QPushButton(tr("&Use This Model"), this)),
      m_phase(new QLabel(this)), m_status(new QLabel(this)), m_progress(new QProgressBar(this)), m_plot(new widgets::TrainingPlot(this)),
      m_smoothingSlider(new QSlider(Qt::Horizontal, this)), m_logScale(new QCheckBox(tr("&Log scale"), this)), m_samples(new QListWidget(this)),
      m_sampleView(new widgets::HeatmapView(this)), m_sampleWords(new widgets::WordBar(this))
{
    // --- settings column ---
    auto *settingsWidget = new QWidget(this);
    auto *settingsLayout = new QVBoxLayout(settingsWidget);
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
    m_dataset->setToolTip(tr("A Flickr8k folder, a COCO or Karpathy JSON file, a folder of images with .txt captions, or \"synthetic\""));
    dataForm->addRow(tr("&Dataset:"), browseRow(m_dataset, tr("Browse…"), [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Dataset Folder"));
        if (!folder.isEmpty()) setDataset(folder);
    }));
    for (const char *format : {"auto", "flickr8k", "coco", "karpathy", "folder", "synthetic"}) m_format->addItem(QString::fromLatin1(format));
    m_format->setAccessibleName(tr("Dataset format"));
    m_format->setToolTip(tr("\"auto\" recognises the format from the files"));
    auto *formatRow = new QHBoxLayout;
    auto *check = new QPushButton(tr("&Check"), this);
    check->setToolTip(tr("Reads the dataset and reports what is usable, without training"));
    connect(check, &QPushButton::clicked, this, &TrainTab::checkDataset);
    formatRow->addWidget(m_format, 1);
    formatRow->addWidget(check);
    dataForm->addRow(tr("&Format:"), formatRow);
    m_report->setWordWrap(true);
    m_report->setAccessibleName(tr("Dataset report"));
    dataForm->addRow(m_report);
    for (const std::string &name : training::TrainingConfig::presetNames()) {
        const QString preset = QString::fromStdString(name);
        m_preset->addItem(presetLabel(preset), preset);
        m_preset->setItemData(m_preset->count() - 1, presetDescription(preset), Qt::ToolTipRole);
    }
    m_preset->setAccessibleName(tr("Preset"));
    dataForm->addRow(tr("&Preset:"), m_preset);
    m_encoderWeights->setPlaceholderText(tr("none: random encoder"));
    m_encoderWeights->setAccessibleName(tr("Encoder weights"));
    m_encoderWeights->setToolTip(tr("Pretrained encoder weights: .safetensors, .pth or a TFLite MobileNetV2"));
    dataForm->addRow(tr("&Encoder weights:"), browseRow(m_encoderWeights, tr("Browse…"), [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Encoder Weights"), QString(),
                                                          tr("Weights (*.safetensors *.pth *.pt *.tflite);;All files (*)"));
        if (!file.isEmpty()) m_encoderWeights->setText(file);
    }));
    m_output->setAccessibleName(tr("Output folder"));
    m_output->setToolTip(tr("Receives best.safetensors, final.safetensors, checkpoints and the history"));
    dataForm->addRow(tr("O&utput:"), browseRow(m_output, tr("Browse…"), [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Output Folder"));
        if (!folder.isEmpty()) m_output->setText(folder);
    }));
    m_resume->setPlaceholderText(tr("optional: continue a run"));
    m_resume->setAccessibleName(tr("Resume from checkpoint"));
    dataForm->addRow(tr("&Resume from:"), browseRow(m_resume, tr("Browse…"), [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Checkpoint"), QString(), tr("Checkpoints (*.ckpt)"));
        if (!file.isEmpty()) setResumeCheckpoint(file);
    }));
    m_resume->setToolTip(tr("A checkpoint (.ckpt) of an earlier run: its data, settings and output folder are filled in"));
    connect(m_resume, &QLineEdit::editingFinished, this, [this] { inspectCheckpoint(); });
    settingsLayout->addWidget(dataBox);

    auto *modelBox = new QGroupBox(tr("Model and recipe"), this);
    auto *form = new QFormLayout(modelBox);
    const auto spin = [&](const QString &label, int minimum, int maximum, const QString &tip) {
        auto *box = new QSpinBox(this);
        box->setRange(minimum, maximum);
        box->setToolTip(tip);
        box->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        box->setAccessibleDescription(tip);
        form->addRow(label, box);
        return box;
    };
    const auto real = [&](const QString &label, double minimum, double maximum, double step, int decimals, const QString &tip) {
        auto *box = new QDoubleSpinBox(this);
        box->setRange(minimum, maximum);
        box->setSingleStep(step);
        box->setDecimals(decimals);
        box->setToolTip(tip);
        box->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        box->setAccessibleDescription(tip);
        form->addRow(label, box);
        return box;
    };
    m_encoder = new QComboBox(this);
    m_encoder->addItems({QStringLiteral("efficientnet_b0"), QStringLiteral("mobilenet_v2"), QStringLiteral("simple_cnn")});
    m_encoder->setToolTip(tr("The image encoder; pretrained weights choose it themselves"));
    m_encoder->setAccessibleName(tr("Encoder"));
    form->addRow(tr("Encoder:"), m_encoder);
    m_freeze = new QCheckBox(tr("&Freeze the encoder (cache its features)"), this);
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
    m_layers = spin(tr("Decoder layers:"), 1, 24, tr("Transformer decoder layers"));
    m_dim = spin(tr("Width:"), 16, 2048, tr("Decoder width (model dimension); divisible by the heads"));
    m_heads = spin(tr("Heads:"), 1, 32, tr("Attention heads per layer"));
    m_feedForward = spin(tr("Feed-forward:"), 16, 8192, tr("Size of the feed-forward layer in each decoder layer"));
    m_context = spin(tr("Context:"), 4, 64, tr("Longest caption in tokens, <START> included"));
    m_dropout = real(tr("Dropout:"), 0, 0.9, 0.05, 2, tr("Dropout in the decoder while training"));
    m_epochs = spin(tr("Epochs:"), 1, 1000, tr("Passes over the training images (one random caption each)"));
    m_batch = spin(tr("Batch size:"), 1, 1024, tr("Images per optimiser step"));
    m_learningRate = real(tr("Learning rate:"), 1e-6, 1e-1, 1e-4, 6, tr("Peak learning rate of the one-cycle schedule"));
    m_weightDecay = real(tr("Weight decay:"), 0, 0.5, 1e-4, 5, tr("AdamW weight decay"));
    m_warmup = real(tr("Warm-up:"), 0, 0.9, 0.05, 2, tr("Share of the steps spent raising the learning rate"));
    m_smoothing = real(tr("Label smoothing:"), 0, 0.9, 0.05, 2, tr("Share of probability spread over all words"));
    m_clip = real(tr("Gradient clip:"), 0, 100, 0.5, 1, tr("Largest gradient norm (0 = no clipping)"));
    m_minFrequency = spin(tr("Min. word count:"), 1, 1000, tr("Words seen fewer times in training captions become <UNKNOWN>"));
    m_views = spin(tr("Feature views:"), 1, 32, tr("Cached versions of each image: the original plus augmented ones"));
    m_minutes = real(tr("Time budget (min):"), 0, 100000, 1, 1, tr("Stop after this many minutes; the schedule shrinks to fit (0 = none)"));
    m_seed = spin(tr("Seed:"), 0, 1'000'000, tr("Random seed: the same seed gives the same run"));
    settingsLayout->addWidget(modelBox);
    settingsLayout->addStretch();
    // Rows whose field is a layout (an editor with its Browse button) get no buddy from
    // QFormLayout: give each such label its editor, so the mnemonic works and no "&" shows.
    for (int row = 0; row < dataForm->rowCount(); ++row) {
        QLayoutItem *field = dataForm->itemAt(row, QFormLayout::FieldRole);
        QLayoutItem *labelItem = dataForm->itemAt(row, QFormLayout::LabelRole);
        if (!field || !field->layout() || !labelItem) continue;
        if (auto *label = qobject_cast<QLabel *>(labelItem->widget())) label->setBuddy(field->layout()->itemAt(0)->widget());
    }
    auto *settingsScroll = new QScrollArea(this);
    settingsScroll->setWidget(settingsWidget);
    settingsScroll->setWidgetResizable(true);
    // Never cut the settings off at the side: the column is at least as wide as its content.
    settingsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    settingsScroll->setMinimumWidth(settingsWidget->minimumSizeHint().width() + settingsScroll->verticalScrollBar()->sizeHint().width() +
                                    2 * settingsScroll->frameWidth());

    // --- run column ---
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
    m_phase->setAccessibleName(tr("Training phase"));
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_phase->setObjectName(QStringLiteral("trainingPhase"));
    m_report->setObjectName(QStringLiteral("datasetReport"));
    m_status->setAccessibleName(tr("Training status"));
    m_progress->setAccessibleName(tr("Training progress"));
    runLayout->addWidget(m_phase);
    runLayout->addWidget(m_progress);
    runLayout->addWidget(m_status);
    auto *plotOptions = new QHBoxLayout;
    auto *smoothingLabel = new QLabel(tr("S&moothing:"), this);
    smoothingLabel->setBuddy(m_smoothingSlider);
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(90);
    m_smoothingSlider->setAccessibleName(tr("Loss smoothing"));
    auto *exportPng = new QPushButton(tr("Export &PNG…"), this);
    auto *exportCsv = new QPushButton(tr("Export C&SV…"), this);
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

    auto *splitter = new QSplitter(this);
    splitter->addWidget(settingsScroll);
    splitter->addWidget(run);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 820});
    (new QVBoxLayout(this))->addWidget(splitter);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] { applyPreset(m_preset->currentData().toString()); });
    connect(m_start, &QPushButton::clicked, this, &TrainTab::start);
    connect(m_pause, &QPushButton::toggled, this, &TrainTab::setPaused);
    connect(m_stop, &QPushButton::clicked, this, &TrainTab::stop);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (!m_bestModel.isEmpty()) Q_EMIT useModelRequested(m_bestModel);
    });
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int value) { m_plot->setSmoothing(value / 100.0); });
    connect(m_logScale, &QCheckBox::toggled, m_plot, &widgets::TrainingPlot::setLogScale);
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
    connect(m_samples, &QListWidget::currentRowChanged, this, &TrainTab::showSample);
    connect(m_sampleWords, &widgets::WordBar::wordSelected, m_sampleView, &widgets::HeatmapView::setWord);

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
        Q_EMIT statusMessage(tr("Training failed: %1").arg(error));
        Q_EMIT trainingFinished(false, QString());
        updateButtons();
    });
    connect(m_controller, &widgets::TrainingController::runningChanged, this, &TrainTab::updateButtons);

    const QSettings settings;
    m_dataset->setText(settings.value(QStringLiteral("train/dataset"), QStringLiteral("synthetic")).toString());
    m_encoderWeights->setText(settings.value(QStringLiteral("train/encoderWeights")).toString());
    m_output->setText(defaultOutputFolder());
    applyPreset(settings.value(QStringLiteral("train/preset"), QStringLiteral("synthetic-quick")).toString());
    updateButtons();
}

QString TrainTab::defaultOutputFolder() const
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("snaption/training/run-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

QString TrainTab::presetLabel(const QString &name)
{
    if (name == QLatin1String("synthetic-quick")) return tr("Synthetic demo — about a minute");
    if (name == QLatin1String("synthetic-demo")) return tr("Synthetic scenes — accurate, 5 minutes");
    if (name == QLatin1String("flickr8k-mobilenet")) return tr("Flickr8k, frozen MobileNetV2");
    if (name == QLatin1String("flickr8k-efficientnet")) return tr("Flickr8k, frozen EfficientNet-B0");
    if (name == QLatin1String("flickr8k-seed-arch")) return tr("Flickr8k, the original project's recipe");
    return name;
}

QString TrainTab::presetDescription(const QString &name)
{
    if (name == QLatin1String("synthetic-quick"))
        return tr("Generated shapes; a small model trained from scratch in about a minute, no downloads. Rough captions.");
    if (name == QLatin1String("synthetic-demo"))
        return tr("Generated shapes; a small model trained from scratch in up to 5 minutes, with accurate captions and attention.");
    if (name == QLatin1String("flickr8k-mobilenet"))
        return tr("Flickr8k photos with a frozen pretrained MobileNetV2 (e.g. the TFLite file): 3 decoder layers, 49 image regions; about an hour.");
    if (name == QLatin1String("flickr8k-efficientnet"))
        return tr("Flickr8k photos with a frozen pretrained EfficientNet-B0 (timm or torchvision weights): 3 decoder layers.");
    if (name == QLatin1String("flickr8k-seed-arch"))
        return tr("The original Python project's architecture: one pooled image vector, 6 decoder layers, width 512, 16 heads.");
    return QString();
}

void TrainTab::applyPreset(const QString &name)
{
    try {
        loadConfig(training::TrainingConfig::preset(name.toStdString()));
        const QSignalBlocker blocker(m_preset);
        m_preset->setCurrentIndex(m_preset->findData(name));
        if (name.startsWith(QLatin1String("synthetic-"))) {
            m_dataset->setText(QStringLiteral("synthetic"));
            m_format->setCurrentText(QStringLiteral("auto"));
        }
    } catch (const std::exception &) {
    }
}

void TrainTab::loadConfig(const training::TrainingConfig &c)
{
    m_base = c;
    m_encoder->setCurrentText(QString::fromStdString(c.model.encoder.name));
    m_freeze->setChecked(c.freezeEncoder);
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(QString::fromStdString(c.mixedPrecision))));
    m_layers->setValue(c.model.decoder.layers);
    m_dim->setValue(c.model.decoder.dim);
    m_heads->setValue(c.model.decoder.heads);
    m_feedForward->setValue(c.model.decoder.feedForward);
    m_context->setValue(c.model.decoder.contextLength);
    m_dropout->setValue(c.model.decoder.dropout);
    m_epochs->setValue(c.epochs);
    m_batch->setValue(c.batchSize);
    m_learningRate->setValue(c.learningRate);
    m_weightDecay->setValue(c.weightDecay);
    m_warmup->setValue(c.warmupFraction);
    m_smoothing->setValue(c.labelSmoothing);
    m_clip->setValue(c.gradientClip);
    m_minFrequency->setValue(c.minWordFrequency);
    m_views->setValue(c.featureViews);
    m_minutes->setValue(c.maxMinutes);
    m_seed->setValue(int(c.seed));
}

training::TrainingConfig TrainTab::currentConfig() const
{
    training::TrainingConfig c = m_base;
    c.model.encoder.name = m_encoder->currentText().toStdString();
    c.freezeEncoder = m_freeze->isChecked();
    c.mixedPrecision = m_precision->currentData().toString().toStdString();
    c.model.decoder.layers = m_layers->value();
    c.model.decoder.dim = m_dim->value();
    c.model.decoder.heads = m_heads->value();
    c.model.decoder.feedForward = m_feedForward->value();
    c.model.decoder.contextLength = m_context->value();
    c.model.decoder.dropout = m_dropout->value();
    c.epochs = m_epochs->value();
    c.batchSize = m_batch->value();
    c.learningRate = m_learningRate->value();
    c.weightDecay = m_weightDecay->value();
    c.warmupFraction = m_warmup->value();
    c.labelSmoothing = m_smoothing->value();
    c.gradientClip = m_clip->value();
    c.minWordFrequency = m_minFrequency->value();
    c.featureViews = m_views->value();
    c.maxMinutes = m_minutes->value();
    c.seed = std::uint64_t(m_seed->value());
    c.encoderWeights = m_encoderWeights->text().trimmed().toStdString();
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
    if (m_output->text().trimmed().isEmpty() && !resuming) m_output->setText(defaultOutputFolder()); // resuming: the checkpoint's
    QSettings settings;
    settings.setValue(QStringLiteral("train/dataset"), m_dataset->text());
    settings.setValue(QStringLiteral("train/preset"), m_preset->currentData().toString());
    settings.setValue(QStringLiteral("train/encoderWeights"), m_encoderWeights->text());
    m_plot->clear();
    m_samples->clear();
    m_lastSamples.clear();
    m_bestModel.clear();
    m_bestEpoch = 0;
    m_lastStep.reset();
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
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    if (paused) m_phase->setText(tr("Paused"));
}

void TrainTab::onStep(const training::StepRecord &r)
{
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
    m_status->setText(tr("Epoch %1, step %2 of %3 · loss %4 · %5 samples/s · %6 left%7")
                          .arg(r.epoch)
                          .arg(r.step)
                          .arg(r.totalSteps)
                          .arg(r.loss, 0, 'f', 3)
                          .arg(r.samplesPerSecond, 0, 'f', 1)
                          .arg(duration(r.etaSeconds))
                          .arg(m_bestEpoch > 0 ? tr(" · best: epoch %1").arg(m_bestEpoch) : QString()));
}

void TrainTab::onEpoch(const training::EpochRecord &r)
{
    m_plot->addEpoch(r);
    if (r.best) {
        m_bestEpoch = r.epoch;
        m_bestModel = QDir(m_output->text().trimmed()).filePath(QStringLiteral("best.safetensors"));
        showStepStatus(); // the last epoch's steps showed the previous best
    }
    Q_EMIT statusMessage(tr("Epoch %1: BLEU-4 %2, CIDEr-D %3%4%5")
                             .arg(r.epoch)
                             .arg(r.scores.bleu[3], 0, 'f', 3)
                             .arg(r.scores.cider, 0, 'f', 3)
                             .arg(r.attentionHitRate ? tr(", attention hit rate %1").arg(*r.attentionHitRate, 0, 'f', 3) : QString())
                             .arg(r.best ? tr(" (best so far)") : QString()));
    m_lastSamples = r.samples;
    const int row = std::max(0, m_samples->currentRow());
    m_samples->clear();
    for (const auto &sample : r.samples) m_samples->addItem(QString::fromStdString(sample.caption));
    if (!r.samples.empty()) m_samples->setCurrentRow(std::min(row, int(r.samples.size()) - 1));
    updateButtons();
}

void TrainTab::showSample(int index)
{
    if (index < 0 || index >= int(m_lastSamples.size())) return;
    const training::SampleCaption &sample = m_lastSamples[std::size_t(index)];
    RgbImage image;
    try {
        if (!sample.imagePath.empty()) image = ImageLoader().load(sample.imagePath, ImageLoader::kCaptioningSize);
        else if (m_syntheticSeed >= 0) image = training::SyntheticScenes::generate(std::uint64_t(m_syntheticSeed), std::stoll(sample.imageId), m_syntheticSize).image;
    } catch (const std::exception &) {
    }
    m_sampleView->setImage(image);
    m_sampleView->setAttention(sample.attention);
    m_sampleWords->setWords(sample.words, std::vector<float>(sample.words.size(), 1.0f));
}

void TrainTab::onFinished(const training::TrainingResult &result)
{
    m_bestModel = QString::fromStdString(result.bestModel);
    const auto &s = result.validationScores;
    m_phase->setText(result.stopped ? tr("Stopped. A checkpoint was written: %1").arg(QString::fromStdString(result.lastCheckpoint))
                                    : tr("Finished in %1: %2 epochs; best model BLEU-4 %3, CIDEr-D %4 on %5 validation images")
                                          .arg(duration(result.elapsedSeconds))
                                          .arg(result.epochs)
                                          .arg(s.bleu[3], 0, 'f', 3)
                                          .arg(s.cider, 0, 'f', 3)
                                          .arg(s.images));
    if (result.stopped) m_resume->setText(QString::fromStdString(result.lastCheckpoint));
    if (!result.skippedImages.empty())
        Q_EMIT statusMessage(tr("%n unreadable image(s) were skipped; history.json lists them", nullptr, int(result.skippedImages.size())));
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
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
        m_pause->setText(tr("&Pause"));
        m_pause->blockSignals(false);
    }
}

} // namespace snaption::gui
