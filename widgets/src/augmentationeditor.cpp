#include <snaption/widgets/augmentationeditor.h>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace snaption::widgets {

QDoubleSpinBox *AugmentationEditor::number(double minimum, double maximum, double step, const QString &tip)
{
    auto *box = new QDoubleSpinBox(this);
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    box->setDecimals(step < 0.1 ? 2 : 1);
    box->setToolTip(tip);
    box->setAccessibleDescription(tip);
    connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_updating) Q_EMIT changed();
    });
    return box;
}

QSpinBox *AugmentationEditor::integer(int minimum, int maximum, const QString &tip)
{
    auto *box = new QSpinBox(this);
    box->setRange(minimum, maximum);
    box->setSingleStep(2);
    box->setToolTip(tip);
    box->setAccessibleDescription(tip);
    connect(box, &QSpinBox::valueChanged, this, [this] {
        if (!m_updating) Q_EMIT changed();
    });
    return box;
}

AugmentationEditor::AugmentationEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto section = [&](Transform &t, const QString &title, const QString &tip) {
        auto *box = new QGroupBox(this);
        auto *form = new QFormLayout(box);
        t.enabled = new QCheckBox(title, box);
        t.enabled->setToolTip(tip);
        t.enabled->setAccessibleDescription(tip);
        connect(t.enabled, &QCheckBox::toggled, this, [this] {
            if (!m_updating) Q_EMIT changed();
        });
        t.probability = number(0, 1, 0.05, tr("How often the transform is applied (0 to 1)"));
        t.probability->setAccessibleName(tr("%1 probability").arg(QString(title).remove(QLatin1Char('&'))));
        form->addRow(t.enabled);
        form->addRow(tr("Probability:"), t.probability);
        layout->addWidget(box);
        return form;
    };
    const auto pair = [&](QFormLayout *form, const QString &label, QWidget *low, QWidget *high) {
        auto *row = new QHBoxLayout;
        row->addWidget(low);
        row->addWidget(new QLabel(tr("to"), this));
        row->addWidget(high);
        form->addRow(label, row);
    };
    section(m_flip, tr("Hori&zontal flip"), tr("Mirrors the image left to right"));
    QFormLayout *crop = section(m_crop, tr("Ran&dom resized crop"), tr("Crops part of the image and scales it back up"));
    m_minScale = number(0.05, 1, 0.01, tr("Smallest share of the image area kept"));
    m_maxScale = number(0.05, 1, 0.01, tr("Largest share of the image area kept"));
    pair(crop, tr("Area:"), m_minScale, m_maxScale);
    m_minRatio = number(0.2, 5, 0.05, tr("Narrowest aspect ratio of the crop"));
    m_maxRatio = number(0.2, 5, 0.05, tr("Widest aspect ratio of the crop"));
    pair(crop, tr("Aspect ratio:"), m_minRatio, m_maxRatio);
    QFormLayout *ssr = section(m_shiftScaleRotate, tr("Sh&ift, scale, rotate"), tr("Moves, scales and turns the image; uncovered corners are black"));
    m_shift = number(0, 0.5, 0.01, tr("Largest shift, as a fraction of width and height"));
    m_scale = number(0, 0.9, 0.01, tr("Largest change of scale, e.g. 0.1 = 90 % to 110 %"));
    m_rotate = number(0, 180, 1, tr("Largest rotation in degrees, either way"));
    ssr->addRow(tr("Shift:"), m_shift);
    ssr->addRow(tr("Scale:"), m_scale);
    ssr->addRow(tr("Rotation (°):"), m_rotate);
    QFormLayout *jitter = section(m_jitter, tr("Colour &jitter"), tr("Random brightness, contrast, saturation and hue"));
    m_brightness = number(0, 1, 0.05, tr("Brightness varies by up to this factor"));
    m_contrast = number(0, 1, 0.05, tr("Contrast varies by up to this factor"));
    m_saturation = number(0, 1, 0.05, tr("Saturation varies by up to this factor"));
    m_hue = number(0, 0.5, 0.01, tr("Hue turns by up to this fraction of the colour circle"));
    jitter->addRow(tr("Brightness:"), m_brightness);
    jitter->addRow(tr("Contrast:"), m_contrast);
    jitter->addRow(tr("Saturation:"), m_saturation);
    jitter->addRow(tr("Hue:"), m_hue);
    QFormLayout *bc = section(m_brightnessContrast, tr("&Brightness and contrast"), tr("Adds brightness and scales contrast"));
    m_brightnessLimit = number(0, 1, 0.05, tr("Largest brightness change, as a fraction of white"));
    m_contrastLimit = number(0, 1, 0.05, tr("Largest contrast change"));
    bc->addRow(tr("Brightness:"), m_brightnessLimit);
    bc->addRow(tr("Contrast:"), m_contrastLimit);
    QFormLayout *blur = section(m_blur, tr("Gaussian bl&ur"), tr("Blurs with a Gaussian kernel of random odd size"));
    m_minKernel = integer(1, 31, tr("Smallest kernel size (odd)"));
    m_maxKernel = integer(1, 31, tr("Largest kernel size (odd)"));
    pair(blur, tr("Kernel:"), m_minKernel, m_maxKernel);
    layout->addStretch();
    setConfig(training::AugmentationConfig());
}

training::AugmentationConfig AugmentationEditor::config() const
{
    training::AugmentationConfig c;
    const auto read = [](const Transform &t, bool &enabled, double &probability) {
        enabled = t.enabled->isChecked();
        probability = t.probability->value();
    };
    read(m_flip, c.horizontalFlip.enabled, c.horizontalFlip.probability);
    read(m_crop, c.randomResizedCrop.enabled, c.randomResizedCrop.probability);
    c.randomResizedCrop.minScale = std::min(m_minScale->value(), m_maxScale->value());
    c.randomResizedCrop.maxScale = std::max(m_minScale->value(), m_maxScale->value());
    c.randomResizedCrop.minRatio = std::min(m_minRatio->value(), m_maxRatio->value());
    c.randomResizedCrop.maxRatio = std::max(m_minRatio->value(), m_maxRatio->value());
    read(m_shiftScaleRotate, c.shiftScaleRotate.enabled, c.shiftScaleRotate.probability);
    c.shiftScaleRotate.shiftLimit = m_shift->value();
    c.shiftScaleRotate.scaleLimit = m_scale->value();
    c.shiftScaleRotate.rotateLimit = m_rotate->value();
    read(m_jitter, c.colorJitter.enabled, c.colorJitter.probability);
    c.colorJitter.brightness = m_brightness->value();
    c.colorJitter.contrast = m_contrast->value();
    c.colorJitter.saturation = m_saturation->value();
    c.colorJitter.hue = m_hue->value();
    read(m_brightnessContrast, c.brightnessContrast.enabled, c.brightnessContrast.probability);
    c.brightnessContrast.brightnessLimit = m_brightnessLimit->value();
    c.brightnessContrast.contrastLimit = m_contrastLimit->value();
    read(m_blur, c.gaussianBlur.enabled, c.gaussianBlur.probability);
    // Kernel sizes are odd; round even entries up.
    const int low = m_minKernel->value() | 1, high = m_maxKernel->value() | 1;
    c.gaussianBlur.minKernel = std::min(low, high);
    c.gaussianBlur.maxKernel = std::max(low, high);
    return c;
}

void AugmentationEditor::setConfig(const training::AugmentationConfig &c)
{
    m_updating = true;
    const auto write = [](Transform &t, bool enabled, double probability) {
        t.enabled->setChecked(enabled);
        t.probability->setValue(probability);
    };
    write(m_flip, c.horizontalFlip.enabled, c.horizontalFlip.probability);
    write(m_crop, c.randomResizedCrop.enabled, c.randomResizedCrop.probability);
    m_minScale->setValue(c.randomResizedCrop.minScale);
    m_maxScale->setValue(c.randomResizedCrop.maxScale);
    m_minRatio->setValue(c.randomResizedCrop.minRatio);
    m_maxRatio->setValue(c.randomResizedCrop.maxRatio);
    write(m_shiftScaleRotate, c.shiftScaleRotate.enabled, c.shiftScaleRotate.probability);
    m_shift->setValue(c.shiftScaleRotate.shiftLimit);
    m_scale->setValue(c.shiftScaleRotate.scaleLimit);
    m_rotate->setValue(c.shiftScaleRotate.rotateLimit);
    write(m_jitter, c.colorJitter.enabled, c.colorJitter.probability);
    m_brightness->setValue(c.colorJitter.brightness);
    m_contrast->setValue(c.colorJitter.contrast);
    m_saturation->setValue(c.colorJitter.saturation);
    m_hue->setValue(c.colorJitter.hue);
    write(m_brightnessContrast, c.brightnessContrast.enabled, c.brightnessContrast.probability);
    m_brightnessLimit->setValue(c.brightnessContrast.brightnessLimit);
    m_contrastLimit->setValue(c.brightnessContrast.contrastLimit);
    write(m_blur, c.gaussianBlur.enabled, c.gaussianBlur.probability);
    m_minKernel->setValue(c.gaussianBlur.minKernel);
    m_maxKernel->setValue(c.gaussianBlur.maxKernel);
    m_updating = false;
    Q_EMIT changed();
}

} // namespace snaption::widgets
