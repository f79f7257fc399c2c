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
    const int layer = settings.layer >= attention.layers() ? AttentionMaps::kLastLayer : settings.layer;
    const int head = settings.head >= attention.heads() ? AttentionMaps::kMeanOfHeads : settings.head;
    return HeatmapRenderer::render(image, attention.grid(word, layer, head), attention.height(), attention.width(), settings.style,
                                  attention.placement());
}

void HeatmapView::setImage(const RgbImage &image)
{
    m_image = image;
    m_fitting = true;
    render();
    zoomToFit();
}

void HeatmapView::setAttention(const AttentionMaps &attention)
{
    m_attention = attention;
    render();
}

void HeatmapView::setWord(int word)
{
    m_word = word;
    render();
}

void HeatmapView::setSettings(const HeatmapSettings &settings)
{
    m_settings = settings;
    render();
}

void HeatmapView::render()
{
    m_overlay = compose(m_image, m_attention, m_word, m_settings);
    m_item->setPixmap(QPixmap::fromImage(ImageConversion::toQImage(m_overlay)));
    scene()->setSceneRect(m_item->boundingRect());
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
    if (!m_image.isNull()) fitInView(m_item, Qt::KeepAspectRatio);
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
