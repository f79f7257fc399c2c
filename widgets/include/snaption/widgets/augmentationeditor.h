#pragma once

#include <snaption/training/augmentationconfig.h>

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;

namespace snaption::widgets {

// Every transform of the augmentation pipeline: on/off, probability, and its parameters, each
// with a tooltip. Edits one AugmentationConfig; emits changed() on every edit.
class AugmentationEditor : public QWidget {
    Q_OBJECT

public:
    explicit AugmentationEditor(QWidget *parent = nullptr);

    training::AugmentationConfig config() const;
    void setConfig(const training::AugmentationConfig &config);

Q_SIGNALS:
    void changed();

private:
    QDoubleSpinBox *number(double minimum, double maximum, double step, const QString &tip);
    QSpinBox *integer(int minimum, int maximum, const QString &tip);

    struct Transform {
        QCheckBox *enabled = nullptr;
        QDoubleSpinBox *probability = nullptr;
    };
    Transform m_flip, m_crop, m_shiftScaleRotate, m_jitter, m_brightnessContrast, m_blur;
    QDoubleSpinBox *m_minScale, *m_maxScale, *m_minRatio, *m_maxRatio;
    QDoubleSpinBox *m_shift, *m_scale, *m_rotate;
    QDoubleSpinBox *m_brightness, *m_contrast, *m_saturation, *m_hue;
    QDoubleSpinBox *m_brightnessLimit, *m_contrastLimit;
    QSpinBox *m_minKernel, *m_maxKernel;
    bool m_updating = false;
};

} // namespace snaption::widgets
