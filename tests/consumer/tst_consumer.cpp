// Built against an installed Snaption: the public headers compile without LibTorch or OpenCV
// on the include path, and the library links and runs.
#include <snaption/captioner.h>
#include <snaption/heatmaprenderer.h>
#include <snaption/modelfactory.h>
#include <snaption/vocabulary.h>

#include <QTemporaryDir>
#include <QtTest>

class TestConsumer : public QObject {
    Q_OBJECT

private slots:
    void tokenizes()
    {
        QCOMPARE(snaption::Vocabulary::tokenize("A Dog!"), (std::vector<std::string>{"a", "dog"}));
    }

    void captionsWithARandomModel()
    {
        QTemporaryDir dir;
        snaption::ModelConfig config;
        config.encoder.name = snaption::EncoderConfig::kMobileNetV2;
        config.decoder.layers = 1;
        config.decoder.dim = 32;
        config.decoder.heads = 2;
        config.decoder.feedForward = 32;
        const std::string path = dir.filePath("m.safetensors").toStdString();
        snaption::ModelFactory::createRandom(config, snaption::Vocabulary::fromCaptions({"a cat"}), path, {});
        const snaption::CaptionResult result = snaption::Captioner(path).caption(snaption::RgbImage(32, 32));
        QCOMPARE(result.attention.steps(), int(result.words.size()));
    }
};

QTEST_GUILESS_MAIN(TestConsumer)
#include "tst_consumer.moc"
