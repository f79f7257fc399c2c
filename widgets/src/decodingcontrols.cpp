#include <snaption/widgets/decodingcontrols.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace snaption::widgets {

DecodingControls::DecodingControls(QWidget *parent)
    : QWidget(parent), m_strategy(new QComboBox(this)), m_beam(new QSpinBox(this)), m_lengthPenalty(new QDoubleSpinBox(this)), m_topK(new QSpinBox(this)),
      m_temperature(new QDoubleSpinBox(this)), m_seed(new QSpinBox(this))
{
    m_strategy->addItem(tr("Beam search"), int(DecodingOptions::Strategy::Beam));
    m_strategy->addItem(tr("Greedy"), int(DecodingOptions::Strategy::Greedy));
    m_strategy->addItem(tr("Sampling"), int(DecodingOptions::Strategy::Sample));
    m_strategy->setAccessibleName(tr("Decoding"));
    m_strategy->setAccessibleDescription(tr("How the words are chosen. Beam search is deterministic and usually best."));
    m_beam->setRange(1, 16);
    m_beam->setValue(3);
    m_beam->setAccessibleName(tr("Beam width"));
    m_beam->setAccessibleDescription(tr("How many candidate captions beam search keeps at each word; more is slower and often a little better"));
    m_lengthPenalty->setRange(0.0, 2.0);
    m_lengthPenalty->setSingleStep(0.1);
    m_lengthPenalty->setDecimals(2);
    m_lengthPenalty->setValue(DecodingOptions().lengthPenalty);
    m_lengthPenalty->setAccessibleName(tr("Length penalty"));
    m_lengthPenalty->setAccessibleDescription(tr("Higher values favour longer captions, lower values shorter ones"));
    m_lengthPenalty->setToolTip(tr("Beam search ranks captions by log probability divided by length to this power: "
                                   "1 favours longer, more detailed captions, 0 shorter ones. 0.5 made Flickr8k captions more precise than 1."));
    m_topK->setRange(0, 1000);
    m_topK->setSpecialValueText(tr("all words"));
    m_topK->setAccessibleName(tr("Top-k"));
    m_topK->setAccessibleDescription(tr("Sample only among this many most likely words"));
    m_temperature->setRange(0.05, 5.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(1.0);
    m_temperature->setAccessibleName(tr("Temperature"));
    m_temperature->setAccessibleDescription(tr("Above 1 more varied captions, below 1 more conservative"));
    m_seed->setRange(0, 1'000'000);
    m_seed->setAccessibleName(tr("Random seed"));
    m_seed->setAccessibleDescription(tr("The same seed gives the same sampled caption again"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    const auto row = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    row(tr("Decodin&g:"), m_strategy);
    row(tr("&Beam width:"), m_beam);
    row(tr("&Length penalty:"), m_lengthPenalty);
    row(tr("Top-k:"), m_topK);
    row(tr("Te&mperature:"), m_temperature);
    row(tr("Seed:"), m_seed);
    const auto changed = [this] {
        updateEnabled();
        if (!m_updating) Q_EMIT optionsChanged();
    };
    connect(m_strategy, &QComboBox::currentIndexChanged, this, changed);
    connect(m_beam, &QSpinBox::valueChanged, this, changed);
    connect(m_lengthPenalty, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_topK, &QSpinBox::valueChanged, this, changed);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_seed, &QSpinBox::valueChanged, this, changed);
    updateEnabled();
}

void DecodingControls::updateEnabled()
{
    const auto strategy = static_cast<DecodingOptions::Strategy>(m_strategy->currentData().toInt());
    m_beam->setEnabled(strategy == DecodingOptions::Strategy::Beam);
    m_lengthPenalty->setEnabled(strategy == DecodingOptions::Strategy::Beam);
    const bool sampling = strategy == DecodingOptions::Strategy::Sample;
    m_topK->setEnabled(sampling);
    m_temperature->setEnabled(sampling);
    m_seed->setEnabled(sampling);
}

DecodingOptions DecodingControls::options() const
{
    DecodingOptions options;
    options.strategy = static_cast<DecodingOptions::Strategy>(m_strategy->currentData().toInt());
    options.beamWidth = m_beam->value();
    options.lengthPenalty = m_lengthPenalty->value();
    options.topK = m_topK->value();
    options.temperature = float(m_temperature->value());
    options.seed = std::uint64_t(m_seed->value());
    return options;
}

void DecodingControls::setOptions(const DecodingOptions &options)
{
    m_updating = true;
    m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(int(options.strategy))));
    m_beam->setValue(options.beamWidth);
    m_lengthPenalty->setValue(options.lengthPenalty);
    m_topK->setValue(options.topK);
    m_temperature->setValue(options.temperature);
    m_seed->setValue(int(options.seed));
    m_updating = false;
    updateEnabled();
}

} // namespace snaption::widgets
