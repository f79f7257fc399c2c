#pragma once

#include <snaption/training/trainingconfig.h>

#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QString>

#include <cmath>
#include <functional>
#include <type_traits>

namespace snaption::gui {

// One numeric setting of the Train tab's form: its editor (a spin box with range, step, tooltip
// and accessible name) and the TrainingConfig member it shows, so that filling the form from a
// configuration and reading it back are one loop over a table instead of two hand-kept lists.
class NumberField
{
public:
    struct Spec {
        QString label; // with a colon, e.g. "Epochs:"
        double minimum, maximum, step;
        int decimals; // 0: a whole number (QSpinBox)
        QString tip;
    };

    // `member` maps a configuration to the member this field edits (e.g. returns c.epochs).
    template <typename Member>
    NumberField(QWidget *parent, const Spec &spec, Member member) : m_label(spec.label)
    {
        m_read = [member](const training::TrainingConfig &c) { return double(member(const_cast<training::TrainingConfig &>(c))); };
        m_write = [member](training::TrainingConfig &c, double value) {
            auto &field = member(c);
            using Type = std::decay_t<decltype(field)>;
            field = std::is_integral_v<Type> ? Type(std::llround(value)) : Type(value);
        };
        if (spec.decimals == 0) {
            m_whole = new QSpinBox(parent);
            m_whole->setRange(int(spec.minimum), int(spec.maximum));
            m_whole->setSingleStep(int(spec.step));
        } else {
            m_real = new QDoubleSpinBox(parent);
            m_real->setRange(spec.minimum, spec.maximum);
            m_real->setSingleStep(spec.step);
            m_real->setDecimals(spec.decimals);
        }
        QAbstractSpinBox *box = editor();
        box->setToolTip(spec.tip);
        box->setAccessibleName(QString(spec.label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        box->setAccessibleDescription(spec.tip);
    }

    const QString &label() const { return m_label; }
    QAbstractSpinBox *editor() const { return m_whole ? static_cast<QAbstractSpinBox *>(m_whole) : m_real; }
    void load(const training::TrainingConfig &config) const
    {
        if (m_whole) m_whole->setValue(int(m_read(config)));
        else m_real->setValue(m_read(config));
    }
    void store(training::TrainingConfig &config) const { m_write(config, m_whole ? double(m_whole->value()) : m_real->value()); }

private:
    QString m_label;
    QSpinBox *m_whole = nullptr;
    QDoubleSpinBox *m_real = nullptr;
    std::function<double(const training::TrainingConfig &)> m_read;
    std::function<void(training::TrainingConfig &, double)> m_write;
};

} // namespace snaption::gui
