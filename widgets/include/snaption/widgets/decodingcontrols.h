#pragma once

#include <snaption/decodingoptions.h>

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace snaption::widgets {

// Beam search (width), greedy, or sampling (top-k, temperature, seed). Emits on every change so
// the image is captioned again.
class DecodingControls : public QWidget {
    Q_OBJECT

public:
    explicit DecodingControls(QWidget *parent = nullptr);

    DecodingOptions options() const;
    void setOptions(const DecodingOptions &options);

Q_SIGNALS:
    void optionsChanged();

private:
    void updateEnabled();

    QComboBox *m_strategy;
    QSpinBox *m_beam;
    QDoubleSpinBox *m_lengthPenalty;
    QSpinBox *m_topK;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_seed;
    bool m_updating = false;
};

} // namespace snaption::widgets
