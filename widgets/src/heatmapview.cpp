#include <snaption/widgets/heatmapview.h>

#include <snaption/widgets/imageconversion.h>

#include <QGraphicsPixmapItem>
#include <QWheelEvent>

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

const RgbImage &HeatmapView::overlay() const
{
    static const RgbImage none;
    return m_overlay ? *m_overlay : none;
}

void HeatmapView::setSettings(const HeatmapSettings &settings)
{
    m_settings = settings;
    render();
}

// One new frame where a heatmap is drawn (the renderer's output), then the pixmap's own copy;
// the image alone is shown from its shared pixels.
void HeatmapView::render()
{
    const bool heatmap = m_image && m_word >= 0 && m_word < m_attention.steps() && m_settings.visible;
    m_overlay = heatmap ? std::make_shared<const RgbImage>(compose(*m_image, m_attention, m_word, m_settings)) : m_image;
    m_item->setPixmap(m_overlay ? QPixmap::fromImage(ImageConversion::wrap(*m_overlay)) : QPixmap());
    scene()->setSceneRect(m_item->boundingRect());
    Q_EMIT overlayChanged();
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
