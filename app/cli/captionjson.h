#pragma once

#include <snaption/captionresult.h>

#include <QJsonObject>
#include <QString>

namespace snaption::cli {

// The JSON form of one captioned image, as `snaption-cli caption --json` prints it:
// image, caption, token_ids, words, probabilities, score, attention {h, w, layers, heads, maps},
// timings_ms {decode, preprocess, encoder, decoder, per_token, total}.
class CaptionJson {
public:
    static QJsonObject fromResult(const QString &image, const CaptionResult &result, double decodeMs);
    static QJsonObject fromError(const QString &image, const QString &message);
};

} // namespace snaption::cli
