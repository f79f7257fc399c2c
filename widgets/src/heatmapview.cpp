#include <snaption/widgets/heatmapview.h>

#include <snaption/widgets/imageconversion.h>

#include <QGraphicsPixmapItem>
#include <QPromise>
#include <QWheelEvent>

#include <utility>

namespace snaption::widgets {

HeatmapView::HeatmapView(QWidget *parent) : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    m_item = scene()->addPixmap(QPixmap());
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setRenderHint(QPainter::SmoothPixmapTransform);
    setBackgroundBrush(palette().color(QPalette::Dark));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Image with attention heatmap"));
    setAccessibleDescription(tr("Shows the image; the coloured overlay marks where the model looked for the selected word. "
                                "Ctrl+wheel or Ctrl+plus/minus zooms."));
    m_composer.setMaxThreadCount(1);
    connect(&m_composed, &QFutureWatcher<Composed>::finished, this, &HeatmapView::applyComposed);
}

RgbImage HeatmapView::compose(const RgbImage &image, const AttentionMaps &attention, int word, const HeatmapSettings &settings)
{
    if (image.isNull() || word < 0 || word >= attention.steps() || !settings.visible) return image;
    // A choice this model does not have (chosen for another model) shows its default instead.
    const LayerChoice layer = settings.layer.fits(attention.layers()) ? settings.layer : LayerChoice::last();
    const HeadChoice head = settings.head.fits(attention.heads()) ? settings.head : HeadChoice::meanOfAll();
    return HeatmapRenderer::render(image, attention.grid(word, layer, head), attention.height(), attention.width(), settings.style,
                                  attention.placement());
}

void HeatmapView::show(std::shared_ptr<const RgbImage> image, const AttentionMaps &attention, int word)
{
    const bool newImage = image != m_image;
    m_image = std::move(image);
    m_attention = attention;
    m_word = word;
    render();
    if (newImage) zoomToFit();
}

void HeatmapView::setWord(int word)
{
    if (word == m_word) return; // the word bar announces the word the view already shows
    m_word = word;
    render();
}

const RgbImage &HeatmapView::overlay()
{
    static const RgbImage none;
    if (!m_composedApplied) {
        m_composed.waitForFinished();
        applyComposed();
    }
    return m_overlay ? *m_overlay : none;
}

void HeatmapView::setSettings(const HeatmapSettings &settings)
{
    m_settings = settings;
    render();
}

// The image alone is shown at once; a heatmap is composed, and converted to the pixmap's format,
// on the composer's thread while the view keeps its picture, and a request not yet started when
// the next comes is dropped.
void HeatmapView::render()
{
    m_composer.clear();
    const bool heatmap = m_image && m_word >= 0 && m_word < m_attention.steps() && m_settings.visible;
    if (!heatmap) {
        m_composed.setFuture(QFuture<Composed>()); // a composition under way is no longer wanted
        m_composedApplied = true;
        m_overlay = m_image;
        showPicture(m_image ? pictureOf(*m_image) : QImage());
        Q_EMIT overlayChanged();
        return;
    }
    auto promise = std::make_shared<QPromise<Composed>>();
    promise->start();
    m_composedApplied = false;
    m_composed.setFuture(promise->future());
    m_composer.start([promise, image = m_image, attention = m_attention, word = m_word, settings = m_settings] {
        Composed composed;
        try {
            composed.overlay = std::make_shared<const RgbImage>(compose(*image, attention, word, settings));
        } catch (const std::exception &) {
            composed.overlay = image; // a map that cannot be drawn: the photo alone
        }
        composed.picture = pictureOf(*composed.overlay);
        promise->addResult(std::move(composed));
        promise->finish();
    });
}

void HeatmapView::applyComposed()
{
    if (m_composedApplied || !m_composed.isFinished() || m_composed.future().resultCount() == 0) return;
    m_composedApplied = true;
    Composed composed = m_composed.result();
    m_overlay = composed.overlay;
    showPicture(std::move(composed.picture)); // a composition for an earlier image is never applied
    Q_EMIT overlayChanged();
}

QImage HeatmapView::pictureOf(const RgbImage &image)
{
    return ImageConversion::wrap(image).convertToFormat(QImage::Format_RGB32);
}

void HeatmapView::showPicture(QImage picture)
{
    const bool resized = m_item->pixmap().size() != picture.size();
    m_item->setPixmap(QPixmap::fromImage(std::move(picture)));
    scene()->setSceneRect(m_item->boundingRect());
    if (resized && m_fitting) zoomToFit();
}

void HeatmapView::zoomIn()
{
    m_fitting = false;
    scale(1.25, 1.25);
}

void HeatmapView::zoomOut()
{
    m_fitting = false;
    scale(0.8, 0.8);
}

void HeatmapView::zoomToFit()
{
    m_fitting = true;
    if (m_image && !m_image->isNull()) fitInView(m_item, Qt::KeepAspectRatio);
}

void HeatmapView::zoomActualSize()
{
    m_fitting = false;
    resetTransform();
}

void HeatmapView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void HeatmapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting) zoomToFit();
}

} // namespace snaption::widgets
