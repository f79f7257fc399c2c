#pragma once

#include <snaption/attentionmaps.h>
#include <snaption/heatmaprenderer.h>
#include <snaption/rgbimage.h>

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QImage>
#include <QThreadPool>

#include <memory>

class QGraphicsPixmapItem;

namespace snaption::widgets {

// Which attention map to show and how.
struct HeatmapSettings {
    HeatmapStyle style;
    LayerChoice layer = LayerChoice::meanOfAll();
    HeadChoice head = HeadChoice::meanOfAll();
    bool visible = true;
};

// The image with one word's attention heatmap over it. Zoom with Ctrl+wheel or the zoom slots,
// drag to pan; the heatmap is rendered by core's HeatmapRenderer, the same as the CLI's PNGs.
class HeatmapView : public QGraphicsView {
    Q_OBJECT

public:
    explicit HeatmapView(QWidget *parent = nullptr);

    // Shows an image with one word's attention (-1: the image alone) in one render. The pixels
    // are shared, not copied; an empty pointer clears the view.
    void show(std::shared_ptr<const RgbImage> image, const AttentionMaps &attention = {}, int word = -1);
    void clear() { show(nullptr); }
    void setWord(int word); // -1: the image alone
    void setSettings(const HeatmapSettings &settings);
    const HeatmapSettings &settings() const { return m_settings; }
    int word() const { return m_word; }
    // The composed picture for the current image, word and settings (for "save overlay"), at
    // display resolution; waits for a composition still under way.
    const RgbImage &overlay();
    // The image shown, without a heatmap, and its attention maps; empty when none.
    const std::shared_ptr<const RgbImage> &image() const { return m_image; }
    const AttentionMaps &attention() const { return m_attention; }
    static RgbImage compose(const RgbImage &image, const AttentionMaps &attention, int word, const HeatmapSettings &settings);

Q_SIGNALS:
    void overlayChanged(); // once per render, when its picture is shown

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void zoomActualSize();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    using Overlay = std::shared_ptr<const RgbImage>;
    // A composed overlay and its pixels in the pixmap's format, both made off the GUI thread.
    struct Composed {
        Overlay overlay;
        QImage picture;
    };
    static QImage pictureOf(const RgbImage &image);
    void render();
    void showPicture(QImage picture);
    void applyComposed();

    QGraphicsPixmapItem *m_item = nullptr;
    // Overlays are composed on a thread of their own (a camera photo's took 60-170 ms of the GUI
    // thread); only the latest request's picture is shown.
    QThreadPool m_composer;
    QFutureWatcher<Composed> m_composed;
    bool m_composedApplied = true;
    std::shared_ptr<const RgbImage> m_image;
    std::shared_ptr<const RgbImage> m_overlay; // m_image itself where no heatmap is drawn
    AttentionMaps m_attention;
    HeatmapSettings m_settings;
    int m_word = -1;
    bool m_fitting = true;
};

} // namespace snaption::widgets
