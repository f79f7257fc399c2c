#include <snaption/widgets/heatmapcontrols.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

namespace snaption::widgets {

HeatmapControls::HeatmapControls(QWidget *parent)
    : QWidget(parent), m_visible(new QCheckBox(tr("Sho&w heatmap"), this)), m_opacity(new QSlider(Qt::Horizontal, this)),
      m_colormap(new QComboBox(this)), m_smooth(new QCheckBox(tr("Smooth blend&ing"), this)), m_layer(new QComboBox(this)), m_head(new QComboBox(this))
{
    qRegisterMetaType<HeatmapSettings>();
    m_visible->setChecked(true);
    m_visible->setAccessibleDescription(tr("Shows or hides the attention overlay"));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(50);
    m_opacity->setAccessibleName(tr("Heatmap opacity"));
    m_opacity->setAccessibleDescription(tr("0 shows only the image, 100 only the heatmap"));
    m_colormap->addItem(tr("Viridis"), int(Colormap::Viridis));
    m_colormap->addItem(tr("Inferno"), int(Colormap::Inferno));
    m_colormap->addItem(tr("Jet"), int(Colormap::Jet));
    m_colormap->setAccessibleName(tr("Heatmap colours"));
    m_smooth->setChecked(true);
    m_smooth->setAccessibleDescription(tr("Blends the attention grid smoothly instead of showing blocky cells"));
    m_layer->setAccessibleName(tr("Decoder layer"));
    m_layer->setAccessibleDescription(tr("Which decoder layer's cross-attention to show"));
    m_head->setAccessibleName(tr("Attention head"));
    m_head->setAccessibleDescription(tr("Which attention head to show, or their mean"));
    setModelShape(1, 1);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_visible);
    auto *opacityLabel = new QLabel(tr("&Opacity:"), this);
    opacityLabel->setBuddy(m_opacity);
    form->addRow(opacityLabel, m_opacity);
    auto *colormapLabel = new QLabel(tr("Colo&urs:"), this);
    colormapLabel->setBuddy(m_colormap);
    form->addRow(colormapLabel, m_colormap);
    form->addRow(m_smooth);
    auto *layerLabel = new QLabel(tr("Laye&r:"), this);
    layerLabel->setBuddy(m_layer);
    form->addRow(layerLabel, m_layer);
    auto *headLabel = new QLabel(tr("Hea&d:"), this);
    headLabel->setBuddy(m_head);
    form->addRow(headLabel, m_head);

    connect(m_visible, &QCheckBox::toggled, this, &HeatmapControls::emitChanged);
    connect(m_opacity, &QSlider::valueChanged, this, &HeatmapControls::emitChanged);
    connect(m_colormap, &QComboBox::currentIndexChanged, this, &HeatmapControls::emitChanged);
    connect(m_smooth, &QCheckBox::toggled, this, &HeatmapControls::emitChanged);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &HeatmapControls::emitChanged);
    connect(m_head, &QComboBox::currentIndexChanged, this, &HeatmapControls::emitChanged);
}

void HeatmapControls::setModelShape(int layers, int heads)
{
    m_updating = true;
    // The combo boxes hold each choice's code().
    const int layer = m_layer->currentData().isValid() ? m_layer->currentData().toInt() : LayerChoice::meanOfAll().code();
    const int head = m_head->currentData().isValid() ? m_head->currentData().toInt() : HeadChoice::meanOfAll().code();
    m_layer->clear();
    m_layer->addItem(tr("Mean of layers"), LayerChoice::meanOfAll().code());
    m_layer->addItem(tr("Last layer"), LayerChoice::last().code());
    for (int i = 0; i < layers; ++i) m_layer->addItem(tr("Layer %1").arg(i + 1), LayerChoice::layer(i).code());
    m_head->clear();
    m_head->addItem(tr("Mean of heads"), HeadChoice::meanOfAll().code());
    for (int i = 0; i < heads; ++i) m_head->addItem(tr("Head %1").arg(i + 1), HeadChoice::head(i).code());
    m_layer->setCurrentIndex(std::max(0, m_layer->findData(layer)));
    m_head->setCurrentIndex(std::max(0, m_head->findData(head)));
    m_updating = false;
}

HeatmapSettings HeatmapControls::settings() const
{
    HeatmapSettings s;
    s.visible = m_visible->isChecked();
    s.style.opacity = float(m_opacity->value()) / 100.0f;
    s.style.colormap = static_cast<Colormap>(m_colormap->currentData().toInt());
    s.style.smooth = m_smooth->isChecked();
    s.layer = LayerChoice::fromCode(m_layer->currentData().toInt());
    s.head = HeadChoice::fromCode(m_head->currentData().toInt());
    return s;
}

void HeatmapControls::setSettings(const HeatmapSettings &s)
{
    m_updating = true;
    m_visible->setChecked(s.visible);
    m_opacity->setValue(int(std::lround(s.style.opacity * 100)));
    m_colormap->setCurrentIndex(std::max(0, m_colormap->findData(int(s.style.colormap))));
    m_smooth->setChecked(s.style.smooth);
    m_layer->setCurrentIndex(std::max(0, m_layer->findData(s.layer.code())));
    m_head->setCurrentIndex(std::max(0, m_head->findData(s.head.code())));
    m_updating = false;
    emitChanged();
}

void HeatmapControls::emitChanged()
{
    if (!m_updating) Q_EMIT settingsChanged(settings());
}

} // namespace snaption::widgets
