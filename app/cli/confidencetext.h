#pragma once

#include <snaption/confidencecalibration.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace snaption::cli {

// How the CLI words and writes a model's confidence calibration and how it divides captions.
class ConfidenceText {
    Q_DECLARE_TR_FUNCTIONS(ConfidenceText)
public:
    // "unsure when a word's probability is below 4.5% (chosen on the dev split, beam 3: ...)", or
    // that no threshold was found.
    static QString calibration(const ConfidenceCalibration &calibration);
    // "23.0% of 1000 captions marked unsure: mean CIDEr-D 0.210 (unsure) vs 0.580 (confident)"
    static QString check(const ConfidenceCheck &check);
    static QJsonObject checkJson(const ConfidenceCheck &check, const ConfidenceCalibration &calibration);
};

} // namespace snaption::cli
