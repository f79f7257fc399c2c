#include "confidencetext.h"

#include <cmath>

namespace snaption::cli {

QString ConfidenceText::check(const ConfidenceCheck &check)
{
    const double ratio = check.confidentMeanCiderD > 0 ? check.unsureMeanCiderD / check.confidentMeanCiderD : 0.0;
    return tr("%1% of %2 captions marked unsure: mean CIDEr-D %3 (unsure) vs %4 (confident), ratio %5")
        .arg(check.unsureShare * 100, 0, 'f', 1)
        .arg(check.captions)
        .arg(check.unsureMeanCiderD, 0, 'f', 3)
        .arg(check.confidentMeanCiderD, 0, 'f', 3)
        .arg(ratio, 0, 'f', 2);
}

QString ConfidenceText::calibration(const ConfidenceCalibration &calibration)
{
    const ConfidenceCheck &fitted = calibration.fitted;
    if (!calibration.unsureBelow)
        return tr("no caption score singles out poor captions (%1 captions of the %2 split, %3); no caption is marked unsure")
            .arg(fitted.captions)
            .arg(QString::fromStdString(fitted.split), QString::fromStdString(fitted.decoding));
    const QString rule = calibration.measure == ConfidenceCalibration::Measure::LowestWordLogProbability
                             ? tr("unsure when a word's probability is below %1%").arg(std::exp(*calibration.unsureBelow) * 100, 0, 'f', 1)
                             : tr("unsure when the mean log probability is below %1").arg(*calibration.unsureBelow, 0, 'f', 3);
    return tr("%1 (chosen on the %2 split, %3: %4)")
        .arg(rule, QString::fromStdString(fitted.split), QString::fromStdString(fitted.decoding), check(fitted));
}

QJsonObject ConfidenceText::checkJson(const ConfidenceCheck &check, const ConfidenceCalibration &calibration)
{
    QJsonObject json{{QStringLiteral("captions"), check.captions},
                     {QStringLiteral("unsure_share"), check.unsureShare},
                     {QStringLiteral("unsure_mean_cider_d"), check.unsureMeanCiderD},
                     {QStringLiteral("confident_mean_cider_d"), check.confidentMeanCiderD},
                     {QStringLiteral("measure"), QString::fromStdString(ConfidenceCalibration::measureName(calibration.measure))},
                     {QStringLiteral("calibrated_on"), QString::fromStdString(calibration.fitted.split)},
                     {QStringLiteral("calibration_decoding"), QString::fromStdString(calibration.fitted.decoding)}};
    json[QStringLiteral("unsure_below")] = calibration.unsureBelow ? QJsonValue(*calibration.unsureBelow) : QJsonValue();
    return json;
}

} // namespace snaption::cli
