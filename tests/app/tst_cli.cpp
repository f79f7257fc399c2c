// snaption-cli as users and scripts run it.
#include <snaption/imagewriter.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include "germancaptions.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QElapsedTimer>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace snaption::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, const QString &language = QStringLiteral("C"))
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), language);
    environment.insert(QStringLiteral("LANG"), language);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SNAPTION_CLI), arguments);
    if (!process.waitForFinished(300'000)) qFatal("snaption-cli did not finish");
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// A synthetic run of a few seconds: 48 small scenes, a tiny decoder, two epochs.
const char *kTinyTraining = R"({"synthetic": {"train": 48, "validation": 8, "test": 0, "image_size": 64},
    "model": {"encoder": {"input_size": 64}, "decoder": {"layers": 1, "dim": 32, "heads": 2, "feed_forward": 64}},
    "epochs": 2, "batch_size": 16, "sample_images": 1, "epoch_validation_images": 8, "evaluation_beam": 1, "max_minutes": 0, "seed": 5})";

std::vector<int> historyEpochs(const QString &folder)
{
    QFile file(folder + QStringLiteral("/history.json"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    std::vector<int> epochs;
    for (const auto &epoch : QJsonDocument::fromJson(file.readAll()).object()[QLatin1String("epochs")].toArray())
        epochs.push_back(epoch.toObject()[QLatin1String("epoch")].toInt());
    return epochs;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_image;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        writeBytes(path(QStringLiteral("captions.txt")), "A dog runs on the grass.\nTwo cats sleep on a red sofa.\n");
        m_model = path(QStringLiteral("model.safetensors"));
        const Run run = cli({QStringLiteral("init-model"), QStringLiteral("--encoder"), QStringLiteral("mobilenet_v2"), QStringLiteral("--layers"),
                             QStringLiteral("2"), QStringLiteral("--dim"), QStringLiteral("64"), QStringLiteral("--heads"), QStringLiteral("4"),
                             QStringLiteral("--ff"), QStringLiteral("128"), QStringLiteral("--vocab-from-captions"), path(QStringLiteral("captions.txt")),
                             QStringLiteral("--out"), m_model});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("15 words"))); // 11 distinct words and 4 special tokens
        snaption::RgbImage image(120, 80);
        for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t(i % 251);
        m_image = path(QStringLiteral("photo.png"));
        snaption::writeImage(image, m_image.toStdString());
    }

    void versionAndHelp()
    {
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QLatin1String("snaption-cli ")));
        const Run help = cli({QStringLiteral("--help")});
        const char *commands[] = {"caption", "init-model", "info", "bench", "classify", "import-seed"};
        for (const char *command : commands) QVERIFY(help.out.contains(QLatin1String(command)));
        for (const char *command : commands) {
            const Run commandHelp = cli({QLatin1String(command), QStringLiteral("--help")});
            QCOMPARE(commandHelp.exitCode, 0);
            QVERIFY(commandHelp.out.contains(QLatin1String("--help")));
        }
        const Run unknown = cli({QStringLiteral("paint")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.startsWith(QLatin1String("error: unknown command")));
    }

    void speaksGerman()
    {
        const Run help = cli({QStringLiteral("--help")}, QStringLiteral("de_DE.UTF-8"));
        QVERIFY2(help.out.startsWith(QLatin1String("Aufruf: snaption-cli")), qPrintable(help.out));
        const Run error = cli({QStringLiteral("caption"), m_image}, QStringLiteral("de_DE.UTF-8"));
        QCOMPARE(error.err.trimmed(), QStringLiteral("Fehler: --model fehlt"));
    }

    void infoAsJson()
    {
        const Run run = cli({QStringLiteral("info"), QStringLiteral("--json"), m_model});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("vocab_size")).toInt(), 15);
        QCOMPARE(info.value(QStringLiteral("language")).toString(), QStringLiteral("en"));
        QCOMPARE(info.value(QStringLiteral("encoder")).toString(), QStringLiteral("mobilenet_v2"));
        QCOMPARE(info.value(QStringLiteral("layers")).toInt(), 2);
        QVERIFY(info.value(QStringLiteral("provenance")).toObject().value(QStringLiteral("created_by")).toString().contains(QLatin1String("init-model")));
        const Run text = cli({QStringLiteral("info"), m_model});
        QVERIFY(text.out.contains(QLatin1String("mobilenet_v2")));
    }

    void germanModelsSayTheirLanguageAndWriteGermanCaptions()
    {
        writeBytes(path(QStringLiteral("de.txt")), "Ein Hund rennt über die Wiese.\nZwei Katzen schlafen auf dem roten Sofa.\n");
        const QString german = path(QStringLiteral("de.safetensors"));
        const Run init = cli({QStringLiteral("init-model"), QStringLiteral("--encoder"), QStringLiteral("mobilenet_v2"), QStringLiteral("--layers"),
                              QStringLiteral("1"), QStringLiteral("--dim"), QStringLiteral("32"), QStringLiteral("--heads"), QStringLiteral("2"),
                              QStringLiteral("--ff"), QStringLiteral("64"), QStringLiteral("--language"), QStringLiteral("de"),
                              QStringLiteral("--vocab-from-captions"), path(QStringLiteral("de.txt")), QStringLiteral("--out"), german});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const QJsonObject info = QJsonDocument::fromJson(cli({QStringLiteral("info"), QStringLiteral("--json"), german}).out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("language")).toString(), QStringLiteral("de"));
        QVERIFY(cli({QStringLiteral("info"), german}).out.contains(QLatin1String("Captions in:     de\n")));
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), german, QStringLiteral("--json"), m_image});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QString caption = result.value(QStringLiteral("caption")).toString();
        QCOMPARE(result.value(QStringLiteral("language")).toString(), QStringLiteral("de"));
        QVERIFY2(caption.endsWith(QLatin1Char('.')) && caption.at(0).isUpper(), qPrintable(caption));
        // Nouns keep their capital wherever they come: "Hund", "Wiese", "Katzen", "Sofa".
        for (const QJsonValue &word : result.value(QStringLiteral("words")).toArray()) {
            const QString w = word.toString();
            for (const QString &noun : {QStringLiteral("Hund"), QStringLiteral("Wiese"), QStringLiteral("Katzen"), QStringLiteral("Sofa")})
                if (w.compare(noun, Qt::CaseInsensitive) == 0) QCOMPARE(w, noun);
        }
        const Run badTag = cli({QStringLiteral("init-model"), QStringLiteral("--language"), QStringLiteral("Deutsch"), QStringLiteral("--vocab-from-captions"),
                                path(QStringLiteral("de.txt")), QStringLiteral("--out"), path(QStringLiteral("bad.safetensors"))});
        QCOMPARE(badTag.exitCode, 2);
        QVERIFY2(badTag.err.contains(QLatin1String("language tag")), qPrintable(badTag.err));
    }

    void subwordModelsLearnPiecesAndCaptionInWords()
    {
        QByteArray captions;
        for (const std::string &caption : repeatedGermanCaptions()) captions += QByteArray::fromStdString(caption) + '\n';
        writeBytes(path(QStringLiteral("de-pieces.txt")), captions);
        const QString model = path(QStringLiteral("de-pieces.safetensors"));
        const Run init = cli({QStringLiteral("init-model"), QStringLiteral("--encoder"), QStringLiteral("mobilenet_v2"), QStringLiteral("--layers"),
                              QStringLiteral("1"), QStringLiteral("--dim"), QStringLiteral("32"), QStringLiteral("--heads"), QStringLiteral("2"),
                              QStringLiteral("--ff"), QStringLiteral("64"), QStringLiteral("--language"), QStringLiteral("de"), QStringLiteral("--subword-pieces"),
                              QStringLiteral("60"), QStringLiteral("--vocab-from-captions"), path(QStringLiteral("de-pieces.txt")), QStringLiteral("--out"), model});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY2(init.out.contains(QLatin1String("60 subword pieces")), qPrintable(init.out));
        QVERIFY(cli({QStringLiteral("info"), model}).out.contains(QLatin1String("Vocabulary:      60 subword pieces (SentencePiece)\n")));
        const QJsonObject info = QJsonDocument::fromJson(cli({QStringLiteral("info"), QStringLiteral("--json"), model}).out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("vocabulary_kind")).toString(), QStringLiteral("subwords"));
        QCOMPARE(info.value(QStringLiteral("vocab_size")).toInt(), 60);
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), model, QStringLiteral("--json"), QStringLiteral("--greedy"), m_image});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray words = result.value(QStringLiteral("words")).toArray();
        const QJsonArray counts = result.value(QStringLiteral("tokens_per_word")).toArray();
        QCOMPARE(counts.size(), words.size());
        int tokens = 0;
        for (const QJsonValue &count : counts) tokens += count.toInt();
        QCOMPARE(tokens, result.value(QStringLiteral("token_ids")).toArray().size());
        QCOMPARE(result.value(QStringLiteral("attention")).toObject().value(QStringLiteral("maps")).toArray().size(), words.size());
        for (const QJsonValue &word : words) QVERIFY2(!word.toString().contains(QChar(0x2581)), qPrintable(word.toString()));

        const Run refused = cli({QStringLiteral("init-model"), QStringLiteral("--subword-pieces"), QStringLiteral("50"), QStringLiteral("--vocab"),
                                 path(QStringLiteral("vocab.json")), QStringLiteral("--out"), path(QStringLiteral("bad.safetensors"))});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("--subword-pieces needs --vocab-from-captions")), qPrintable(refused.err));
    }

    void plainCaptionsOnePerLine()
    {
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, m_image, m_image});
        QCOMPARE(run.exitCode, 0);
        const QStringList captions = lines(run.out);
        QCOMPARE(captions.size(), 2);
        QCOMPARE(captions[0], captions[1]);
        QVERIFY(run.err.isEmpty());
    }

    void jsonCaptions()
    {
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--json"), QStringLiteral("--greedy"), m_image});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(lines(run.out).first().toUtf8()).object();
        for (const char *key : {"image", "caption", "token_ids", "words", "probabilities", "attention", "timings_ms"})
            QVERIFY2(result.contains(QLatin1String(key)), key);
        const int words = result.value(QStringLiteral("words")).toArray().size();
        QCOMPARE(result.value(QStringLiteral("token_ids")).toArray().size(), words);
        const QJsonObject attention = result.value(QStringLiteral("attention")).toObject();
        QCOMPARE(attention.value(QStringLiteral("h")).toInt(), 7);
        QCOMPARE(attention.value(QStringLiteral("w")).toInt(), 7);
        const QJsonArray maps = attention.value(QStringLiteral("maps")).toArray();
        QCOMPARE(maps.size(), words);
        if (words > 0) QCOMPARE(maps.first().toArray().size(), 49);
        QVERIFY(result.value(QStringLiteral("timings_ms")).toObject().value(QStringLiteral("encoder")).toDouble() > 0);
    }

    void badImageGivesAnErrorLineAndTheOthersAreCaptioned()
    {
        writeBytes(path(QStringLiteral("broken.jpg")), "not a picture");
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, m_image, path(QStringLiteral("broken.jpg")), m_image});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(lines(run.out).size(), 2);
        QCOMPARE(lines(run.err).size(), 1);
        QVERIFY(run.err.startsWith(QLatin1String("error: ")) && run.err.contains(QLatin1String("broken.jpg")));
        const Run json = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--json"), path(QStringLiteral("broken.jpg"))});
        QCOMPARE(json.exitCode, 1);
        QVERIFY(QJsonDocument::fromJson(lines(json.out).first().toUtf8()).object().contains(QStringLiteral("error")));
    }

    void heatmapsOnePngPerWord()
    {
        const QString folder = path(QStringLiteral("heat"));
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--json"), QStringLiteral("--heatmaps"), folder, m_image});
        QCOMPARE(run.exitCode, 0);
        const int words = QJsonDocument::fromJson(lines(run.out).first().toUtf8()).object().value(QStringLiteral("words")).toArray().size();
        QCOMPARE(QDir(folder).entryList({QStringLiteral("photo_*.png")}, QDir::Files).size(), words);
    }

    void folderArgumentCaptionsItsImages()
    {
        const QString folder = path(QStringLiteral("album"));
        QDir().mkpath(folder);
        QFile::copy(m_image, folder + QStringLiteral("/b.png"));
        QFile::copy(m_image, folder + QStringLiteral("/a.png"));
        writeBytes(folder + QStringLiteral("/notes.txt"), "ignored");
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--json"), folder});
        QCOMPARE(run.exitCode, 0);
        const QStringList out = lines(run.out);
        QCOMPARE(out.size(), 2);
        QVERIFY(QJsonDocument::fromJson(out[0].toUtf8()).object().value(QStringLiteral("image")).toString().endsWith(QLatin1String("a.png")));
    }

    void shardsCaptionEachImageOnce()
    {
        const QString folder = path(QStringLiteral("archive"));
        QDir().mkpath(folder);
        for (int i = 0; i < 9; ++i) QFile::copy(m_image, folder + QStringLiteral("/photo%1.png").arg(i));
        QStringList all;
        for (int index = 0; index < 3; ++index) {
            const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--json"), QStringLiteral("--shard"),
                                 QStringLiteral("%1/3").arg(index), folder});
            QCOMPARE(run.exitCode, 0);
            for (const QString &line : lines(run.out)) all << QJsonDocument::fromJson(line.toUtf8()).object().value(QStringLiteral("image")).toString();
        }
        all.sort();
        QCOMPARE(all.size(), 9);
        QCOMPARE(all.removeDuplicates(), 0);
        QCOMPARE(cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--shard"), QStringLiteral("3/3"), folder}).exitCode, 2);
    }

    void usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("caption"), m_image}).exitCode, 2); // no model
        QCOMPARE(cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--beam"), QStringLiteral("0"), m_image}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--greedy"), QStringLiteral("--beam"), QStringLiteral("2"), m_image}).exitCode, 2);
        const Run penalty = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--length-penalty"), QStringLiteral("3"), m_image});
        QCOMPARE(penalty.exitCode, 2);
        QVERIFY(penalty.err.contains(QLatin1String("length penalty")));
        QCOMPARE(cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--length-penalty"), QStringLiteral("long"), m_image}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--length-penalty"), QStringLiteral("0"), m_image}).exitCode, 0);
        const Run missing = cli({QStringLiteral("caption"), QStringLiteral("--model"), path(QStringLiteral("none.safetensors")), m_image});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(lines(missing.err).size(), 1);
        QCOMPARE(cli({QStringLiteral("init-model"), QStringLiteral("--out"), path(QStringLiteral("x"))}).exitCode, 2);
    }

    void importSeedThenCaption()
    {
        const QString fixtures = path(QStringLiteral("seed"));
        QDir().mkpath(fixtures);
        SNAPTION_RUN_FIXTURE(QStringLiteral("seed_model.py"), fixtures);
        const QString model = path(QStringLiteral("imported.safetensors"));
        const Run run = cli({QStringLiteral("import-seed"), QStringLiteral("--weights"), fixtures + QStringLiteral("/pretrained_weights.pt"),
                             QStringLiteral("--vocab"), fixtures + QStringLiteral("/vocab_mapper.pkl"), QStringLiteral("--out"), model});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject info = QJsonDocument::fromJson(cli({QStringLiteral("info"), QStringLiteral("--json"), model}).out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("architecture")).toString(), QStringLiteral("snaption-seed"));
        QCOMPARE(info.value(QStringLiteral("vocab_size")).toInt(), 500);
        QVERIFY(info.value(QStringLiteral("provenance")).toObject().value(QStringLiteral("source")).toString().contains(QLatin1String("pretrained_weights.pt")));
        const Run caption = cli({QStringLiteral("caption"), QStringLiteral("--model"), model, m_image});
        QCOMPARE(caption.exitCode, 0);
        // Hostile input: the vocabulary given as weights.
        const Run wrong = cli({QStringLiteral("import-seed"), QStringLiteral("--weights"), fixtures + QStringLiteral("/vocab_mapper.pkl"),
                               QStringLiteral("--vocab"), fixtures + QStringLiteral("/vocab_mapper.pkl"), QStringLiteral("--out"), model + QStringLiteral("2")});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains(QLatin1String("a plain pickle")));
        QVERIFY(!QFileInfo::exists(model + QStringLiteral("2")));
    }

    void classifyAndInitFromPretrainedWeights()
    {
        const QString fixtures = path(QStringLiteral("encoders"));
        QDir().mkpath(fixtures);
        SNAPTION_RUN_FIXTURE(QStringLiteral("encoder_outputs.py"), fixtures);
        const QString weights = fixtures + QStringLiteral("/mobilenet_v2.pth");
        const Run classify = cli({QStringLiteral("classify"), QStringLiteral("--encoder-weights"), weights, QStringLiteral("--top"), QStringLiteral("3"), m_image});
        QVERIFY2(classify.exitCode == 0, qPrintable(classify.err));
        const QStringList rows = lines(classify.out);
        QCOMPARE(rows.size(), 3);
        double previous = 1.0;
        for (const QString &row : rows) {
            const QStringList fields = row.split(QLatin1Char('\t'));
            QCOMPARE(fields.size(), 2);
            QVERIFY(fields[0].startsWith(QLatin1String("class ")));
            const double probability = fields[1].toDouble();
            QVERIFY(probability > 0 && probability <= previous);
            previous = probability;
        }
        // A captioning model started from these weights takes the encoder from them.
        const QString model = path(QStringLiteral("pretrained.safetensors"));
        const Run init = cli({QStringLiteral("init-model"), QStringLiteral("--encoder-weights"), weights, QStringLiteral("--layers"), QStringLiteral("1"),
                              QStringLiteral("--dim"), QStringLiteral("32"), QStringLiteral("--heads"), QStringLiteral("2"), QStringLiteral("--ff"),
                              QStringLiteral("32"), QStringLiteral("--vocab-from-captions"), path(QStringLiteral("captions.txt")), QStringLiteral("--out"), model});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const QJsonObject info = QJsonDocument::fromJson(cli({QStringLiteral("info"), QStringLiteral("--json"), model}).out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("encoder")).toString(), QStringLiteral("mobilenet_v2"));
    }

    void classifyWithTheTfliteMobileNet()
    {
        const QString shared = sharedDataDir();
        if (shared.isEmpty()) {
            if (underCi()) QFAIL("../shared/data is missing under CI");
            QSKIP("no shared data (set SNAPTION_SHARED_DATA)");
        }
        const QString encoders = shared + QStringLiteral("/encoders/");
        const Run run = cli({QStringLiteral("classify"), QStringLiteral("--encoder-weights"), encoders + QStringLiteral("mobilenet_v2_1.0_224_quant.tflite"),
                             QStringLiteral("--labels"), encoders + QStringLiteral("imagenet_labels.txt"), QStringLiteral("--top"), QStringLiteral("1"),
                             encoders + QStringLiteral("cat.bmp"), encoders + QStringLiteral("grace_hopper.bmp"), encoders + QStringLiteral("bird.bmp")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList out = lines(run.out);
        QCOMPARE(out.size(), 6); // "# image" and the best class, per image
        QVERIFY(out[1].startsWith(QLatin1String("Egyptian cat\t")));
        QVERIFY(out[3].startsWith(QLatin1String("military uniform\t")));
        QVERIFY(out[5].startsWith(QLatin1String("chickadee\t")));
    }

    // Any temperature the range check lets through gives finite probabilities: 1e-40 aborted the
    // whole batch with LibTorch's "probability tensor contains either inf, nan or element < 0".
    void samplingAtAnyTemperature()
    {
        const Run tiny = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--sample"), QStringLiteral("--temperature"),
                              QStringLiteral("1e-40"), m_image, m_image});
        QVERIFY2(tiny.exitCode == 0, qPrintable(tiny.err));
        const Run greedy = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--greedy"), m_image});
        QCOMPARE(lines(tiny.out).size(), 2);
        QCOMPARE(lines(tiny.out).first(), lines(greedy.out).first()); // all the probability on the best word
        const Run zero = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--sample"), QStringLiteral("--temperature"),
                              QStringLiteral("0"), m_image});
        QCOMPARE(zero.exitCode, 2);
        QVERIFY(zero.err.contains(QLatin1String("temperature must be above 0")));
    }

    // README: `train --resume CKPT --out D` needs nothing else, into the same or another folder.
    void trainResumesFromTheCheckpointAlone()
    {
        const QString first = path(QStringLiteral("run-a")), second = path(QStringLiteral("run-b"));
        const Run train = cli({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:2"), QStringLiteral("--preset"),
                               QStringLiteral("synthetic-demo"), QStringLiteral("--config"), QLatin1String(kTinyTraining), QStringLiteral("--out"), first});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err + train.out));
        const QString checkpoint = first + QStringLiteral("/checkpoints/epoch-001.ckpt");
        const Run moved = cli({QStringLiteral("train"), QStringLiteral("--resume"), checkpoint, QStringLiteral("--out"), second});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err + moved.out));
        QVERIFY2(moved.out.contains(QLatin1String("data synthetic:2")), qPrintable(moved.out));
        QCOMPARE(historyEpochs(second), (std::vector<int>{1, 2}));
        QVERIFY(QFileInfo::exists(second + QStringLiteral("/best.safetensors")));
        // In place, one epoch longer: the change is reported.
        const Run longer = cli({QStringLiteral("train"), QStringLiteral("--resume"), first + QStringLiteral("/checkpoints/epoch-002.ckpt"),
                                QStringLiteral("--epochs"), QStringLiteral("3")});
        QVERIFY2(longer.exitCode == 0, qPrintable(longer.err + longer.out));
        QVERIFY2(longer.out.contains(QLatin1String("resume: epochs: 2 -> 3")), qPrintable(longer.out));
        QCOMPARE(historyEpochs(first), (std::vector<int>{1, 2, 3}));
        const Run fixed = cli({QStringLiteral("train"), QStringLiteral("--resume"), checkpoint, QStringLiteral("--seed"), QStringLiteral("9"),
                               QStringLiteral("--out"), path(QStringLiteral("run-c"))});
        QCOMPARE(fixed.exitCode, 1);
        QVERIFY2(fixed.err.contains(QLatin1String("keeps the checkpoint's \"seed\"")), qPrintable(fixed.err));
    }

    void secondRunOnOneFolderIsRefused()
    {
        const QString out = path(QStringLiteral("busy"));
        QProcess first;
        QString config = QLatin1String(kTinyTraining);
        config.replace(QStringLiteral("\"epochs\": 2"), QStringLiteral("\"epochs\": 1000"));
        first.start(QStringLiteral(SNAPTION_CLI), {QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic"), QStringLiteral("--preset"),
                                                   QStringLiteral("synthetic-demo"), QStringLiteral("--config"), config, QStringLiteral("--out"), out});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out + QStringLiteral("/.snaption-run.lock")), 30000);
        const Run second = cli({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic"), QStringLiteral("--preset"),
                                QStringLiteral("synthetic-demo"), QStringLiteral("--config"), QLatin1String(kTinyTraining), QStringLiteral("--out"), out});
        const qint64 firstPid = first.processId();
        ::kill(pid_t(firstPid), SIGINT); // Ctrl-C: a checkpoint, then a clean stop
        QVERIFY(first.waitForFinished(60000));
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QStringLiteral("is in use by another training run (process %1").arg(QString::number(firstPid))), qPrintable(second.err));
        QCOMPARE(first.exitCode(), 0);
        QVERIFY(QString::fromUtf8(first.readAllStandardOutput()).contains(QLatin1String("snaption-cli train --resume")));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/.snaption-run.lock")));
    }

    void configErrorsNameTheProblem_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << path(QStringLiteral("nonexistent.json")) << QStringLiteral("nonexistent.json: no such file");
        QTest::newRow("misspelt key") << QStringLiteral(R"({"learning_rat": 0.001})")
                                      << QStringLiteral(R"(unknown key "learning_rat" (did you mean "learning_rate"?))");
        QTest::newRow("fractional count") << QStringLiteral(R"({"epochs": 2.7})") << QStringLiteral(R"("epochs" must be a whole number, not 2.7)");
        QTest::newRow("wrong type") << QStringLiteral(R"({"augment": "yes"})") << QStringLiteral(R"("augment" must be true or false)");
        QTest::newRow("huge synthetic set") << QStringLiteral(R"({"synthetic": {"train": 100000000}})")
                                            << QStringLiteral("synthetic training scenes must be 1 to 300000");
        QTest::newRow("not json") << QStringLiteral("{\"epochs\": ") << QStringLiteral("not valid JSON");
    }

    void configErrorsNameTheProblem()
    {
        QFETCH(QString, config);
        QFETCH(QString, message);
        QElapsedTimer timer;
        timer.start();
        const Run run = cli({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic"), QStringLiteral("--config"), config,
                             QStringLiteral("--out"), path(QStringLiteral("config-errors"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(timer.elapsed() < 20000); // refused before any work
    }

    // Nothing is written over an input: a model over its vocabulary, heatmaps of two x.png
    // over each other.
    void outputsNeverReplaceInputs()
    {
        const QString captions = path(QStringLiteral("captions.txt"));
        const QByteArray before = readBytes(captions);
        const Run init = cli({QStringLiteral("init-model"), QStringLiteral("--vocab-from-captions"), captions, QStringLiteral("--out"), captions});
        QCOMPARE(init.exitCode, 2);
        QCOMPARE(readBytes(captions), before);
        const QString pickle = path(QStringLiteral("vocab_mapper.pkl"));
        writeBytes(pickle, "a pickle the user owns");
        const Run import = cli({QStringLiteral("import-seed"), QStringLiteral("--weights"), path(QStringLiteral("weights.pt")), QStringLiteral("--vocab"), pickle,
                                QStringLiteral("--out"), path(QStringLiteral("./vocab_mapper.pkl"))});
        QCOMPARE(import.exitCode, 1);
        QVERIFY2(import.err.contains(QLatin1String("is also an input")), qPrintable(import.err));
        QCOMPARE(readBytes(pickle), QByteArray("a pickle the user owns"));

        QDir().mkpath(path(QStringLiteral("a")));
        QDir().mkpath(path(QStringLiteral("b")));
        QFile::copy(m_image, path(QStringLiteral("a/x.png")));
        QFile::copy(m_image, path(QStringLiteral("b/x.png")));
        const QString heat = path(QStringLiteral("heat-twins"));
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--json"), QStringLiteral("--heatmaps"), heat,
                             path(QStringLiteral("a/x.png")), path(QStringLiteral("b/x.png"))});
        QCOMPARE(run.exitCode, 0);
        const int words = QJsonDocument::fromJson(lines(run.out).first().toUtf8()).object().value(QStringLiteral("words")).toArray().size();
        QCOMPARE(QDir(heat).entryList({QStringLiteral("a-x_*.png")}, QDir::Files).size(), words);
        QCOMPARE(QDir(heat).entryList({QStringLiteral("b-x_*.png")}, QDir::Files).size(), words);
    }

    // info validates what caption validates, with the same message.
    void infoRefusesWhatCaptionRefuses()
    {
        const snaption::SafetensorsFile file = snaption::SafetensorsFile::read(m_model.toStdString());
        snaption::SafetensorsWriter writer;
        for (const auto &[key, value] : file.metadata()) writer.setMetadata(key, value);
        bool dropped = false;
        for (const auto &entry : file.entries()) {
            if (!dropped && entry.name.find("decoder") != std::string::npos) {
                dropped = true;
                continue;
            }
            writer.addTensor(entry.name, entry.dtype, entry.shape, file.data(entry), std::size_t(entry.end - entry.begin));
        }
        const QString broken = path(QStringLiteral("missing-tensor.safetensors"));
        writer.write(broken.toStdString());
        const Run info = cli({QStringLiteral("info"), broken});
        const Run caption = cli({QStringLiteral("caption"), QStringLiteral("--model"), broken, m_image});
        QCOMPARE(info.exitCode, 1);
        QCOMPARE(caption.exitCode, 1);
        QVERIFY2(info.err.contains(QLatin1String("missing weights")), qPrintable(info.err));
        QCOMPARE(info.err, caption.err);
        const Run folder = cli({QStringLiteral("info"), m_dir.path()});
        QCOMPARE(folder.exitCode, 1);
        QVERIFY2(folder.err.contains(QLatin1String("is a folder, not a file")), qPrintable(folder.err));
    }

    // eval scores a dataset that has only the split it scores, and says what it skipped.
    void evalScoresATestOnlyDatasetAndNamesSkippedImages()
    {
        const QString data = path(QStringLiteral("test-only"));
        QDir().mkpath(data + QStringLiteral("/Images"));
        QFile::copy(m_image, data + QStringLiteral("/Images/good1.png"));
        QFile::copy(m_image, data + QStringLiteral("/Images/good2.png"));
        writeBytes(data + QStringLiteral("/Images/broken.png"), "\x89PNG\r\n\x1a\n truncated");
        writeBytes(data + QStringLiteral("/Flickr8k.token.txt"), "good1.png#0\tA dog runs .\ngood2.png#0\tTwo cats sleep .\nbroken.png#0\tA dog .\n");
        writeBytes(data + QStringLiteral("/Flickr_8k.testImages.txt"), "good1.png\ngood2.png\nbroken.png\n");
        const Run run = cli({QStringLiteral("eval"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data, QStringLiteral("--split"),
                             QStringLiteral("test"), QStringLiteral("--greedy")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("2 images of the test split scored, 1 skipped as unreadable")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QLatin1String("skipped broken.png: ")), qPrintable(run.err));
        const Run json = cli({QStringLiteral("eval"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data, QStringLiteral("--split"),
                              QStringLiteral("test"), QStringLiteral("--greedy"), QStringLiteral("--json")});
        const QJsonObject scores = QJsonDocument::fromJson(lines(json.out).last().toUtf8()).object();
        QCOMPARE(scores.value(QStringLiteral("images")).toInt(), 2);
        QCOMPARE(scores.value(QStringLiteral("skipped_images")).toArray().size(), 1);
    }

    // eval --calibrate stores a confidence calibration in the model file; info, eval and
    // caption --json show it (the threshold's choice itself is tst_confidencecalibrator's).
    void evalCalibratesTheModelsConfidence()
    {
        const QString data = path(QStringLiteral("calibration-data"));
        QDir().mkpath(data + QStringLiteral("/Images"));
        QFile::copy(m_image, data + QStringLiteral("/Images/one.png"));
        QFile::copy(m_image, data + QStringLiteral("/Images/two.png"));
        writeBytes(data + QStringLiteral("/Flickr8k.token.txt"), "one.png#0\tA dog runs .\ntwo.png#0\tTwo cats sleep .\n");
        writeBytes(data + QStringLiteral("/Flickr_8k.testImages.txt"), "one.png\ntwo.png\n");
        const QString model = path(QStringLiteral("calibrated.safetensors"));
        QVERIFY(QFile::copy(m_model, model));
        const QStringList eval{QStringLiteral("eval"), QStringLiteral("--model"), model, QStringLiteral("--data"), data,
                               QStringLiteral("--split"), QStringLiteral("test"), QStringLiteral("--greedy")};
        const Run before = cli(eval);
        QVERIFY2(before.out.contains(QLatin1String("the model has no calibration (add one with --calibrate)")), qPrintable(before.out));
        const QJsonObject uncalibrated =
            QJsonDocument::fromJson(cli({QStringLiteral("caption"), QStringLiteral("--model"), model, QStringLiteral("--json"), m_image}).out.toUtf8()).object();
        QCOMPARE(uncalibrated.value(QStringLiteral("confidence")).toString(), QStringLiteral("unknown"));

        const Run calibrate = cli(eval + QStringList{QStringLiteral("--calibrate")});
        QVERIFY2(calibrate.exitCode == 0, qPrintable(calibrate.err));
        // Two captions are too few to trust a threshold (20 per group at least).
        QVERIFY2(calibrate.out.contains(QLatin1String("stored in ")) &&
                     calibrate.out.contains(QLatin1String("no caption score singles out poor captions (2 captions of the test split, greedy)")),
                 qPrintable(calibrate.out));
        const Run info = cli({QStringLiteral("info"), model});
        QVERIFY2(info.out.contains(QLatin1String("Confidence:      no caption score singles out")), qPrintable(info.out));
        const QJsonObject stored = QJsonDocument::fromJson(cli({QStringLiteral("info"), QStringLiteral("--json"), model}).out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("confidence_calibration"))
                                       .toObject();
        QCOMPARE(stored.value(QStringLiteral("captions")).toInt(), 2);
        QCOMPARE(stored.value(QStringLiteral("split")).toString(), QStringLiteral("test"));
        QVERIFY(stored.value(QStringLiteral("unsure_below")).isNull());
        const QJsonObject json = QJsonDocument::fromJson(lines(cli(eval + QStringList{QStringLiteral("--json")}).out).last().toUtf8()).object();
        const QJsonObject confidence = json.value(QStringLiteral("confidence")).toObject();
        QCOMPARE(confidence.value(QStringLiteral("captions")).toInt(), 2);
        QCOMPARE(confidence.value(QStringLiteral("unsure_share")).toDouble(), 0.0);
        QCOMPARE(confidence.value(QStringLiteral("calibrated_on")).toString(), QStringLiteral("test"));
        // Caption by caption, as JSON Lines.
        const QString perCaption = path(QStringLiteral("per-caption.jsonl"));
        QCOMPARE(cli(eval + QStringList{QStringLiteral("--per-caption"), perCaption}).exitCode, 0);
        const QList<QJsonObject> rows = readJsonLines(perCaption);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].value(QStringLiteral("image")).toString(), QStringLiteral("one.png"));
        QCOMPARE(rows[1].value(QStringLiteral("image")).toString(), QStringLiteral("two.png"));
        for (const QJsonObject &row : rows) {
            QVERIFY(row.value(QStringLiteral("score")).toDouble() < 0);
            QVERIFY(row.value(QStringLiteral("lowest_word_log_probability")).toDouble() < 0);
            QVERIFY(row.value(QStringLiteral("cider_d")).toDouble() >= 0);
            QCOMPARE(row.value(QStringLiteral("confidence")).toString(), QStringLiteral("unknown"));
        }
        // The original is untouched.
        QVERIFY(QJsonDocument::fromJson(cli({QStringLiteral("info"), QStringLiteral("--json"), m_model}).out.toUtf8())
                    .object()
                    .value(QStringLiteral("confidence_calibration"))
                    .isNull());
    }

    // Text from files never reaches the terminal as control characters.
    void escapesFromFilesArePrintedHarmlessly()
    {
        const QString evil = path(QStringLiteral("evil\x1b[31mred\x1b]0;title\x07.png"));
        const Run missing = cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, evil});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!missing.err.contains(QLatin1Char('\x1b')) && !missing.err.contains(QLatin1Char('\x07')));
        QVERIFY2(missing.err.contains(QLatin1String("evil\\x1b[31mred\\x1b]0;title\\x07.png")), qPrintable(missing.err));

        const QString data = path(QStringLiteral("evil-data"));
        QDir().mkpath(data + QStringLiteral("/Images"));
        // The second, identical caption is reported as a duplicate, quoting the text.
        writeBytes(data + QStringLiteral("/Flickr8k.token.txt"),
                   "gone.jpg#0\tA \x1b[2J\x1b[Hcleared screen \xe2\x80\xae reversed .\ngone.jpg#1\tA \x1b[2J\x1b[Hcleared screen \xe2\x80\xae reversed .\n");
        const Run train = cli({QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("--out"), path(QStringLiteral("evil-out"))});
        QCOMPARE(train.exitCode, 1);
        const QString all = train.out + train.err;
        QVERIFY2(!all.contains(QLatin1Char('\x1b')) && !all.contains(QChar(0x202E)), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("no usable training images")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("A \\x1b[2J\\x1b[Hcleared screen \\u202e reversed")), qPrintable(all));
    }

    void benchReportsTheKeys()
    {
        const Run run = cli({QStringLiteral("bench"), QStringLiteral("--model"), m_model, QStringLiteral("--runs"), QStringLiteral("2"), QStringLiteral("--warmup"),
                             QStringLiteral("0"), QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--sequence"), QStringLiteral("3"),
                             QStringLiteral("--json"), m_image});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject bench = QJsonDocument::fromJson(run.out.toUtf8()).object();
        for (const char *key : {"greedy_median_ms", "beam3_median_ms", "greedy_nocache_median_ms", "batch_images_per_s", "peak_rss_mb"})
            QVERIFY2(bench.value(QLatin1String(key)).toDouble() > 0, key);
        // A step is a part of the greedy decoder's time.
        QVERIFY(bench.contains(QStringLiteral("decoder_step_ms")));
        const double step = bench.value(QStringLiteral("decoder_step_ms")).toDouble();
        const double decoder = bench.value(QStringLiteral("greedy_stages_ms")).toObject().value(QStringLiteral("decoder")).toObject().value(QStringLiteral("median")).toDouble();
        QVERIFY2(step >= 0 && step < decoder, qPrintable(QStringLiteral("step %1 ms, decoder %2 ms").arg(step).arg(decoder)));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
