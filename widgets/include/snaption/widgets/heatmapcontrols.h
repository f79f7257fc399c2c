#pragma once

#include <snaption/widgets/heatmapview.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSlider;

namespace snaption::widgets {

// Opacity, colormap, smoothing, and which layer and head the heatmap shows.
class HeatmapControls : public QWidget {
    Q_OBJECT

public:
    explicit HeatmapControls(QWidget *parent = nullptr);

    HeatmapSettings settings() const;
    void setSettings(const HeatmapSettings &settings);
    // The layer and head choices follow the model.
    void setModelShape(int layers, int heads);

Q_SIGNALS:
    void settingsChanged(const snaption::widgets::HeatmapSettings &settings);

private:
    void emitChanged();

    QCheckBox *m_visible;
    QSlider *m_opacity;
    QComboBox *m_colormap;
    QCheckBox *m_smooth;
    QComboBox *m_layer;
    QComboBox *m_head;
    bool m_updating = false;
};

} // namespace snaption::widgets

Q_DECLARE_METATYPE(snaption::widgets::HeatmapSettings)
