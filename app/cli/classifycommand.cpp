#include "classifycommand.h"

#include "clioutput.h"
#include "imagepaths.h"

#include <snaption/error.h>
#include <snaption/featureextractor.h>
#include <snaption/imageloader.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace snaption::cli {
namespace {

// One label per line; a 1001-line list whose first line is "background" also serves 1000-class
// models (torchvision), and a 1000-line list 1001-class ones (TensorFlow's extra class 0).
QString labelOf(const QStringList &labels, int classes, int index)
{
    int line = index;
    if (labels.size() == classes + 1 && labels.value(0).trimmed() == QLatin1String("background")) line = index + 1;
    if (labels.size() == classes - 1) line = index - 1;
    if (line >= 0 && line < labels.size()) return labels[line].trimmed();
    return QCoreApplication::translate("ClassifyCommand", "class %1").arg(index);
}

} // namespace

int ClassifyCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("encoder-weights"),
                      tr("Encoder weights: .safetensors, torch.save .pth/.pt (timm or torchvision names) or a TFLite MobileNetV2."), tr("file")});
    parser.addOption({QStringLiteral("labels"), tr("Class names, one per line (default: class numbers)."), tr("file")});
    parser.addOption({QStringLiteral("top"), tr("How many classes to print per image (default 5)."), tr("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object per image and line.")});
    parser.addPositionalArgument(QStringLiteral("images"), tr("Image files or folders."), tr("IMAGE..."));
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    bool topOk = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&topOk);
    const QStringList images = ImagePaths::expand(parser.positionalArguments());
    if (!parser.isSet(QStringLiteral("encoder-weights")) || images.isEmpty() || !topOk || top < 1) {
        CliOutput::error(tr("give --encoder-weights, at least one image, and --top of at least 1"));
        return kUsage;
    }
    QStringList labels;
    if (parser.isSet(QStringLiteral("labels"))) {
        QFile file(parser.value(QStringLiteral("labels")));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            CliOutput::error(tr("cannot read the labels file %1").arg(file.fileName()));
            return kFailure;
        }
        labels = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        while (!labels.isEmpty() && labels.last().trimmed().isEmpty()) labels.removeLast();
    }

    std::unique_ptr<FeatureExtractor> extractor;
    try {
        extractor = std::make_unique<FeatureExtractor>(parser.value(QStringLiteral("encoder-weights")).toStdString());
        if (extractor->config().classifierClasses == 0) throw Error(ErrorKind::BadModel, "these encoder weights have no classifier head");
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    const int classes = extractor->config().classifierClasses;
    const ImageLoader loader;
    int failures = 0;
    for (const QString &image : images) {
        std::vector<float> logits;
        try {
            logits = extractor->classify(loader.load(image.toStdString()));
        } catch (const Error &error) {
            ++failures;
            CliOutput::error(QString::fromStdString(error.what()));
            continue;
        }
        // Softmax, then the best `top` classes.
        const float maximum = *std::max_element(logits.begin(), logits.end());
        std::vector<double> probabilities(logits.size());
        double sum = 0;
        for (std::size_t i = 0; i < logits.size(); ++i) sum += probabilities[i] = std::exp(double(logits[i] - maximum));
        std::vector<int> order(logits.size());
        std::iota(order.begin(), order.end(), 0);
        const int shown = std::min<int>(top, int(order.size()));
        std::partial_sort(order.begin(), order.begin() + shown, order.end(), [&](int a, int b) { return probabilities[std::size_t(a)] > probabilities[std::size_t(b)]; });
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray ranked;
            for (int i = 0; i < shown; ++i)
                ranked.append(QJsonObject{{QStringLiteral("class"), order[std::size_t(i)]},
                                          {QStringLiteral("label"), labelOf(labels, classes, order[std::size_t(i)])},
                                          {QStringLiteral("probability"), probabilities[std::size_t(order[std::size_t(i)])] / sum}});
            CliOutput::out() << QJsonDocument(QJsonObject{{QStringLiteral("image"), image}, {QStringLiteral("classes"), ranked}})
                                    .toJson(QJsonDocument::Compact)
                             << Qt::endl;
            continue;
        }
        if (images.size() > 1) CliOutput::out() << QStringLiteral("# ") << image << Qt::endl;
        for (int i = 0; i < shown; ++i) {
            const int index = order[std::size_t(i)];
            CliOutput::out() << labelOf(labels, classes, index) << QLatin1Char('\t')
                             << QString::number(probabilities[std::size_t(index)] / sum, 'f', 4) << Qt::endl;
        }
    }
    return failures ? kFailure : kSuccess;
}

} // namespace snaption::cli
