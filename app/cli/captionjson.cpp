#include "captionjson.h"

#include <QJsonArray>

namespace snaption::cli {

QJsonObject CaptionJson::fromResult(const QString &image, const CaptionResult &result, double decodeMs)
{
    QJsonArray tokenIds, tokensPerWord, words, probabilities, maps;
    for (const std::int64_t id : result.tokenIds) tokenIds.append(qint64(id));
    for (const int count : result.tokensPerWord) tokensPerWord.append(count);
    for (std::size_t i = 0; i < result.words.size(); ++i) {
        words.append(QString::fromStdString(result.words[i]));
        probabilities.append(double(result.probabilities[i]));
        QJsonArray grid;
        for (const float value : result.attention.grid(int(i))) grid.append(double(value));
        maps.append(grid);
    }
    // Where each column's and row's cells look, as fractions of the image's width and height.
    QJsonArray centresX, centresY;
    for (int col = 0; col < result.attention.width(); ++col) centresX.append(result.attention.placement().centreX(col));
    for (int row = 0; row < result.attention.height(); ++row) centresY.append(result.attention.placement().centreY(row));
    const StageTimings &t = result.timings;
    return QJsonObject{
        {QStringLiteral("image"), image},
        {QStringLiteral("caption"), QString::fromStdString(result.caption)},
        {QStringLiteral("language"), QString::fromStdString(result.language)},
        {QStringLiteral("token_ids"), tokenIds},
        {QStringLiteral("tokens_per_word"), tokensPerWord},
        {QStringLiteral("words"), words},
        {QStringLiteral("probabilities"), probabilities},
        {QStringLiteral("score"), result.score},
        // "confident" / "unsure" from the model's calibration; "unknown" for a model without one.
        {QStringLiteral("confidence"), QString::fromStdString(confidenceName(result.confidence))},
        {QStringLiteral("attention"),
         QJsonObject{{QStringLiteral("h"), result.attention.height()},
                     {QStringLiteral("w"), result.attention.width()},
                     {QStringLiteral("layers"), result.attention.layers()},
                     {QStringLiteral("heads"), result.attention.heads()},
                     {QStringLiteral("reduction"), QStringLiteral("last layer, mean over heads")},
                     {QStringLiteral("cell_centres_x"), centresX},
                     {QStringLiteral("cell_centres_y"), centresY},
                     {QStringLiteral("maps"), maps}}},
        {QStringLiteral("timings_ms"),
         QJsonObject{{QStringLiteral("decode"), decodeMs},
                     {QStringLiteral("preprocess"), t.preprocessMs},
                     {QStringLiteral("encoder"), t.encoderMs},
                     {QStringLiteral("decoder"), t.decoderMs},
                     {QStringLiteral("per_token"), t.perTokenMs()},
                     {QStringLiteral("total"), decodeMs + t.totalMs()}}},
    };
}

QJsonObject CaptionJson::fromError(const QString &image, const QString &message)
{
    return QJsonObject{{QStringLiteral("image"), image}, {QStringLiteral("error"), message}};
}

} // namespace snaption::cli
