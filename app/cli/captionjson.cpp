#include "captionjson.h"

#include <QJsonArray>

namespace snaption::cli {

QJsonObject CaptionJson::fromResult(const QString &image, const CaptionResult &result, double decodeMs)
{
    QJsonArray tokenIds, words, probabilities, maps;
    for (std::size_t i = 0; i < result.words.size(); ++i) {
        tokenIds.append(qint64(result.tokenIds[i]));
        words.append(QString::fromStdString(result.words[i]));
        probabilities.append(double(result.probabilities[i]));
        QJsonArray grid;
        for (const float value : result.attention.grid(int(i))) grid.append(double(value));
        maps.append(grid);
    }
    const StageTimings &t = result.timings;
    return QJsonObject{
        {QStringLiteral("image"), image},
        {QStringLiteral("caption"), QString::fromStdString(result.caption)},
        {QStringLiteral("token_ids"), tokenIds},
        {QStringLiteral("words"), words},
        {QStringLiteral("probabilities"), probabilities},
        {QStringLiteral("score"), result.score},
        {QStringLiteral("attention"),
         QJsonObject{{QStringLiteral("h"), result.attention.height()},
                     {QStringLiteral("w"), result.attention.width()},
                     {QStringLiteral("layers"), result.attention.layers()},
                     {QStringLiteral("heads"), result.attention.heads()},
                     {QStringLiteral("reduction"), QStringLiteral("last layer, mean over heads")},
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
