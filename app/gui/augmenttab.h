#pragma once

#include <snaption/rgbimage.h>
#include <snaption/training/augmentationconfig.h>
#include <snaption/training/augmenter.h>

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace snaption::widgets {
class AugmentationEditor;
}

namespace snaption::gui {

// The Augment tab: a grid of augmented samples of real images from one seed, each showing the
// parameters it drew, beside the editor of the pipeline. The pipeline edited here is the one the
// Train tab uses.
class AugmentTab : public QWidget {
    Q_OBJECT

public:
    static constexpr int kRows = 3, kColumns = 4;

    explicit AugmentTab(QWidget *parent = nullptr);

    training::AugmentationConfig config() const;
    void setConfig(const training::AugmentationConfig &config);
    void setImages(const std::vector<RgbImage> &images);
    void setSeed(quint64 seed);
    quint64 seed() const { return m_seed; }
    // The tiles as last rendered (for tests): pixels and parameter text.
    std::vector<std::pair<RgbImage, QString>> tiles() const { return m_tiles; }
    bool isRendering() const { return m_watcher.isRunning(); }
    // What a transform drew, for the tile: "crop: scale 0.91, ratio 1.02, ...".
    static QString describe(const training::Augmenter::Applied &applied);
    static QString parameterName(const std::string &key);

public Q_SLOTS:
    void reseed();
    void chooseImages();
    void savePipeline();
    void loadPipeline();

Q_SIGNALS:
    void configChanged(const snaption::training::AugmentationConfig &config);
    void rendered();
    void statusMessage(const QString &message);

private:
    void render();
    void show(const std::vector<std::pair<RgbImage, QString>> &tiles);

    widgets::AugmentationEditor *m_editor;
    QGridLayout *m_grid;
    std::vector<QLabel *> m_tileLabels;
    QCheckBox *m_lock;
    QPushButton *m_reseed;
    QLabel *m_seedLabel;
    std::vector<RgbImage> m_images;
    quint64 m_seed = 1;
    bool m_pending = false;
    QFutureWatcher<std::vector<std::pair<RgbImage, QString>>> m_watcher;
    std::vector<std::pair<RgbImage, QString>> m_tiles;
};

} // namespace snaption::gui

Q_DECLARE_METATYPE(snaption::training::AugmentationConfig)
