#include "augmenttab.h"

#include "imagefiles.h"

#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/training/augmenter.h>
#include <snaption/training/syntheticscenes.h>
#include <snaption/widgets/augmentationeditor.h>
#include <snaption/widgets/imageconversion.h>

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QLocale>
#include <QTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace snaption::gui {
namespace {

constexpr int kTileSize = 176;
constexpr int kTextHeight = 84;
constexpr int kTileWidth = 248; // wider than the picture: room for the parameter lines

} // namespace

AugmentTab::AugmentTab(QWidget *parent)
    : QWidget(parent), m_editor(new widgets::AugmentationEditor(this)), m_grid(new QGridLayout), m_lock(new QCheckBox(tr("&Lock seed"), this)),
      m_reseed(new QPushButton(tr("&Reseed"), this)), m_seedLabel(new QLabel(this))
{
    auto *previewArea = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewArea);
    auto *buttons = new QHBoxLayout;
    auto *choose = new QPushButton(tr("Choose I&mages…"), this);
    auto *save = new QPushButton(tr("Save &Pipeline…"), this);
    auto *load = new QPushButton(tr("L&oad Pipeline…"), this);
    choose->setAccessibleDescription(tr("Pick the images the samples are made from"));
    m_reseed->setAccessibleDescription(tr("Draws new random samples"));
    m_lock->setAccessibleDescription(tr("Keeps the seed, so the samples only change when the pipeline does"));
    save->setAccessibleDescription(tr("Writes the pipeline as JSON"));
    load->setAccessibleDescription(tr("Reads a pipeline from JSON"));
    buttons->addWidget(choose);
    buttons->addWidget(m_reseed);
    buttons->addWidget(m_lock);
    buttons->addWidget(m_seedLabel);
    buttons->addStretch();
    buttons->addWidget(save);
    buttons->addWidget(load);
    previewLayout->addLayout(buttons);
    for (int i = 0; i < kRows * kColumns; ++i) {
        auto *tile = new QLabel(this);
        tile->setMinimumSize(kTileWidth + 8, kTileSize + kTextHeight + 8);
        tile->setAlignment(Qt::AlignCenter);
        tile->setWordWrap(true);
        tile->setTextFormat(Qt::PlainText);
        tile->setFrameShape(QFrame::StyledPanel);
        m_grid->addWidget(tile, i / kColumns, i % kColumns);
        m_tileLabels.push_back(tile);
    }
    previewLayout->addLayout(m_grid);
    previewLayout->addStretch();
    auto *editorScroll = new QScrollArea(this);
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    auto *splitter = new QSplitter(this);
    auto *previewScroll = new QScrollArea(this);
    previewScroll->setWidget(previewArea);
    previewScroll->setWidgetResizable(true);
    splitter->addWidget(previewScroll);
    splitter->addWidget(editorScroll);
    splitter->setStretchFactor(0, 1);
    (new QVBoxLayout(this))->addWidget(splitter);

    connect(m_editor, &widgets::AugmentationEditor::changed, this, [this] {
        Q_EMIT configChanged(config());
        render();
    });
    connect(m_reseed, &QPushButton::clicked, this, &AugmentTab::reseed);
    connect(m_lock, &QCheckBox::toggled, m_reseed, &QWidget::setDisabled);
    connect(choose, &QPushButton::clicked, this, &AugmentTab::chooseImages);
    connect(save, &QPushButton::clicked, this, &AugmentTab::savePipeline);
    connect(load, &QPushButton::clicked, this, &AugmentTab::loadPipeline);
    connect(&m_watcher, &QFutureWatcher<std::vector<std::pair<RgbImage, QString>>>::finished, this, [this] {
        show(m_watcher.result());
        if (m_pending) {
            m_pending = false;
            render();
        }
    });

    const QSettings settings;
    m_lock->setChecked(settings.value(QStringLiteral("augment/lockSeed"), false).toBool());
    m_seed = settings.value(QStringLiteral("augment/seed"), 1).toULongLong();
    try {
        const QString saved = settings.value(QStringLiteral("augment/pipeline")).toString();
        if (!saved.isEmpty()) m_editor->setConfig(training::AugmentationConfig::fromJson(saved.toStdString()));
    } catch (const std::exception &error) {
        // A broken saved pipeline falls back to the defaults, and says so once the window listens.
        const QString message = tr("The saved augmentation pipeline could not be read, so the defaults are used: %1")
                                    .arg(QString::fromStdString(Error::describe(error)));
        QTimer::singleShot(0, this, [this, message] { Q_EMIT statusMessage(message); });
    }
    // Until images are chosen, synthetic scenes stand in.
    std::vector<RgbImage> scenes;
    for (int i = 0; i < 4; ++i) scenes.push_back(training::SyntheticScenes::generate(7, i, 192).image);
    setImages(scenes);
}

training::AugmentationConfig AugmentTab::config() const
{
    return m_editor->config();
}

void AugmentTab::setConfig(const training::AugmentationConfig &config)
{
    m_editor->setConfig(config);
}

void AugmentTab::setImages(const std::vector<RgbImage> &images)
{
    m_images = images;
    render();
}

void AugmentTab::setSeed(quint64 seed)
{
    m_seed = seed;
    render();
}

void AugmentTab::reseed()
{
    if (m_lock->isChecked()) return;
    setSeed(QRandomGenerator::global()->generate64() % 1'000'000'000ull);
}

void AugmentTab::render()
{
    m_seedLabel->setText(tr("Seed %1").arg(m_seed));
    QSettings settings;
    settings.setValue(QStringLiteral("augment/seed"), m_seed);
    settings.setValue(QStringLiteral("augment/lockSeed"), m_lock->isChecked());
    settings.setValue(QStringLiteral("augment/pipeline"), QString::fromStdString(config().toJson()));
    if (m_images.empty()) return;
    if (m_watcher.isRunning()) {
        m_pending = true; // render again with the newest settings when this one is done
        return;
    }
    const training::AugmentationConfig pipeline = config();
    const std::vector<RgbImage> images = m_images;
    const quint64 seed = m_seed;
    m_watcher.setFuture(QtConcurrent::run([pipeline, images, seed] {
        std::vector<std::pair<RgbImage, QString>> tiles;
        const training::Augmenter augmenter(pipeline);
        for (int i = 0; i < kRows * kColumns; ++i) {
            std::vector<training::Augmenter::Applied> applied;
            const RgbImage &source = images[std::size_t(i) % images.size()];
            const RgbImage result = augmenter.apply(source, seed * 1000 + std::uint64_t(i), &applied);
            QStringList lines;
            for (const auto &a : applied) lines << describe(a);
            tiles.emplace_back(result, lines.isEmpty() ? tr("(unchanged)") : lines.join(QLatin1Char('\n')));
        }
        return tiles;
    }));
}

QString AugmentTab::describe(const training::Augmenter::Applied &applied)
{
    const std::string &t = applied.transform;
    QString text = t == "horizontal flip"       ? tr("flipped")
                   : t == "random resized crop" ? tr("crop")
                   : t == "shift scale rotate"  ? tr("shift/scale/rotate")
                   : t == "colour jitter"       ? tr("colour jitter")
                   : t == "brightness contrast" ? tr("brightness/contrast")
                   : t == "gaussian blur"       ? tr("blur")
                                                : QString::fromStdString(t);
    // Parameter names and numbers in the user's language (decimal comma in German).
    QStringList parameters;
    for (const auto &[key, value] : applied.parameters)
        parameters << tr("%1 %2").arg(parameterName(key), QLocale().toString(value, 'f', key == "kernel" ? 0 : 2));
    return parameters.isEmpty() ? text : text + QStringLiteral(": ") + parameters.join(QStringLiteral(", "));
}

QString AugmentTab::parameterName(const std::string &key)
{
    if (key == "scale") return tr("scale");
    if (key == "ratio") return tr("ratio");
    if (key == "x") return tr("x");
    if (key == "y") return tr("y");
    if (key == "shift_x") return tr("shift x");
    if (key == "shift_y") return tr("shift y");
    if (key == "angle") return tr("angle");
    if (key == "brightness") return tr("brightness");
    if (key == "contrast") return tr("contrast");
    if (key == "saturation") return tr("saturation");
    if (key == "hue") return tr("hue");
    if (key == "kernel") return tr("kernel");
    return QString::fromStdString(key);
}

void AugmentTab::show(const std::vector<std::pair<RgbImage, QString>> &tiles)
{
    m_tiles = tiles;
    for (std::size_t i = 0; i < tiles.size() && i < m_tileLabels.size(); ++i) {
        QImage image = widgets::ImageConversion::toQImage(tiles[i].first).scaled(kTileSize, kTileSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QLabel *tile = m_tileLabels[i];
        // The parameters the tile drew, printed under the picture (small, wrapped).
        QPixmap canvas(kTileWidth, kTileSize + kTextHeight);
        canvas.fill(Qt::transparent);
        QPainter painter(&canvas);
        painter.drawImage((kTileWidth - image.width()) / 2, (kTileSize - image.height()) / 2, image);
        QFont font = tile->font();
        font.setPointSizeF(font.pointSizeF() * 0.8);
        painter.setFont(font);
        painter.setPen(tile->palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, kTileSize + 2, kTileWidth, kTextHeight - 2), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, tiles[i].second);
        painter.end();
        tile->setPixmap(canvas);
        tile->setToolTip(tiles[i].second);
        tile->setAccessibleName(tr("Sample %1").arg(i + 1));
        tile->setAccessibleDescription(tiles[i].second);
    }
    Q_EMIT rendered();
}

void AugmentTab::chooseImages()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Images for the Preview"), QString(), ImageFiles::dialogFilter());
    if (files.isEmpty()) return;
    std::vector<RgbImage> images;
    QStringList failed;
    for (const QString &file : files.mid(0, kRows * kColumns)) {
        try {
            images.push_back(ImageLoader().load(file.toStdString(), 512));
        } catch (const std::exception &error) {
            failed << QString::fromStdString(Error::describe(error));
        }
    }
    if (!failed.isEmpty()) QMessageBox::warning(this, tr("Some Images Could Not Be Read"), failed.join(QLatin1Char('\n')));
    if (!images.empty()) setImages(images);
}

void AugmentTab::savePipeline()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Augmentation Pipeline"), QStringLiteral("augmentation.json"), tr("JSON (*.json)"));
    if (file.isEmpty()) return;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QByteArray::fromStdString(config().toJson())) < 0)
        QMessageBox::warning(this, tr("Save Failed"), tr("Cannot write %1: %2").arg(file, out.errorString()));
}

void AugmentTab::loadPipeline()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Load Augmentation Pipeline"), QString(), tr("JSON (*.json)"));
    if (file.isEmpty()) return;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Load Failed"), tr("Cannot read %1: %2").arg(file, in.errorString()));
        return;
    }
    try {
        setConfig(training::AugmentationConfig::fromJson(in.readAll().toStdString()));
    } catch (const std::exception &error) {
        QMessageBox::warning(this, tr("Load Failed"), QString::fromStdString(Error::describe(error)));
    }
}

} // namespace snaption::gui
