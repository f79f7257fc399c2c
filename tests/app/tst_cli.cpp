// snaption-cli as users and scripts run it.
#include <snaption/imagewriter.h>

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

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
        QCOMPARE(info.value(QStringLiteral("encoder")).toString(), QStringLiteral("mobilenet_v2"));
        QCOMPARE(info.value(QStringLiteral("layers")).toInt(), 2);
        QVERIFY(info.value(QStringLiteral("provenance")).toObject().value(QStringLiteral("created_by")).toString().contains(QLatin1String("init-model")));
        const Run text = cli({QStringLiteral("info"), m_model});
        QVERIFY(text.out.contains(QLatin1String("mobilenet_v2")));
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

    void benchReportsTheKeys()
    {
        const Run run = cli({QStringLiteral("bench"), QStringLiteral("--model"), m_model, QStringLiteral("--runs"), QStringLiteral("2"), QStringLiteral("--warmup"),
                             QStringLiteral("0"), QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--sequence"), QStringLiteral("3"),
                             QStringLiteral("--json"), m_image});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject bench = QJsonDocument::fromJson(run.out.toUtf8()).object();
        for (const char *key : {"greedy_median_ms", "beam3_median_ms", "greedy_nocache_median_ms", "batch_images_per_s", "peak_rss_mb"})
            QVERIFY2(bench.value(QLatin1String(key)).toDouble() > 0, key);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
