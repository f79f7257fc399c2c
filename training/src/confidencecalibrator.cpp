#include <snaption/training/confidencecalibrator.h>

#include <snaption/error.h>

#include <algorithm>
#include <numeric>

namespace snaption::training {
namespace {

void checkSizes(const std::vector<CaptionScoreMeasures> &measures, const std::vector<double> &ciderD)
{
    if (measures.size() != ciderD.size()) throw Error(ErrorKind::InvalidArgument, "a confidence calibration needs one CIDEr-D per caption");
    if (measures.empty()) throw Error(ErrorKind::InvalidArgument, "a confidence calibration needs captions");
}

} // namespace

ConfidenceCalibration ConfidenceCalibrator::fit(const std::vector<CaptionScoreMeasures> &measures, const std::vector<double> &ciderD,
                                                const std::string &split, const std::string &decoding, const Options &options)
{
    const ConfidenceCalibration mean = fitMeasure(ConfidenceCalibration::Measure::MeanLogProbability, measures, ciderD, split, decoding, options);
    const ConfidenceCalibration lowest =
        fitMeasure(ConfidenceCalibration::Measure::LowestWordLogProbability, measures, ciderD, split, decoding, options);
    return lowest.fitted.unsureShare > mean.fitted.unsureShare ? lowest : mean;
}

ConfidenceCalibration ConfidenceCalibrator::fitMeasure(ConfidenceCalibration::Measure measure, const std::vector<CaptionScoreMeasures> &measures,
                                                       const std::vector<double> &ciderD, const std::string &split, const std::string &decoding,
                                                       const Options &options)
{
    checkSizes(measures, ciderD);
    ConfidenceCalibration calibration;
    calibration.measure = measure;
    calibration.maxRatio = options.maxRatio;
    const std::size_t count = measures.size();
    std::vector<double> values;
    for (const CaptionScoreMeasures &m : measures) values.push_back(calibration.valueOf(m));
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    // sums[k]: the CIDEr-D of the k lowest captions together.
    std::vector<double> sums(count + 1, 0.0);
    for (std::size_t k = 0; k < count; ++k) sums[k + 1] = sums[k] + ciderD[order[k]];

    const std::size_t minGroup = std::size_t(std::max(1, options.minGroupSize));
    const std::size_t maxUnsure = std::size_t(options.maxUnsureShare * double(count));
    std::size_t chosen = 0;
    for (std::size_t k = minGroup; k <= maxUnsure && count - k >= minGroup; ++k) {
        if (!(values[order[k - 1]] < values[order[k]])) continue; // a threshold cannot split equal values
        const double unsureMean = sums[k] / double(k);
        const double confidentMean = (sums[count] - sums[k]) / double(count - k);
        if (confidentMean > 0 && unsureMean <= options.maxRatio * confidentMean) chosen = k;
    }
    if (chosen > 0) calibration.unsureBelow = (values[order[chosen - 1]] + values[order[chosen]]) / 2;
    calibration.fitted = check(calibration, measures, ciderD, split, decoding);
    return calibration;
}

ConfidenceCheck ConfidenceCalibrator::check(const ConfidenceCalibration &calibration, const std::vector<CaptionScoreMeasures> &measures,
                                            const std::vector<double> &ciderD, const std::string &split, const std::string &decoding)
{
    checkSizes(measures, ciderD);
    ConfidenceCheck result;
    result.split = split;
    result.decoding = decoding;
    result.captions = int(measures.size());
    double unsureSum = 0, confidentSum = 0;
    int unsure = 0;
    for (std::size_t i = 0; i < measures.size(); ++i) {
        if (calibration.levelOf(measures[i]) == CaptionConfidence::Unsure) {
            unsureSum += ciderD[i];
            ++unsure;
        } else {
            confidentSum += ciderD[i];
        }
    }
    const int confident = result.captions - unsure;
    result.unsureShare = double(unsure) / double(result.captions);
    result.unsureMeanCiderD = unsure > 0 ? unsureSum / unsure : 0.0;
    result.confidentMeanCiderD = confident > 0 ? confidentSum / confident : 0.0;
    return result;
}

} // namespace snaption::training
