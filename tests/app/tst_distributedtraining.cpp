// Data-parallel training through snaption-cli: two ranks against one process training the same
// samples, a rank killed mid-run, and a two-rank run stopped and resumed.
#include <snaption/safetensorsfile.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstring>

namespace {

// 320 small scenes, frozen (random) encoder with cached features, a tiny decoder without dropout,
// fp32 products: 10 steps of 32 images per epoch.
QString settings(int epochs, int batchSize, int dataShards)
{
    return QStringLiteral(R"({"synthetic": {"train": 320, "validation": 8, "test": 0, "image_size": 64},
        "model": {"encoder": {"input_size": 64}, "decoder": {"layers": 1, "dim": 32, "heads": 2, "feed_forward": 64, "dropout": 0}},
        "freeze_encoder": true, "cache_features": true, "augment": false, "mixed_precision": "fp32",
        "epochs": %1, "batch_size": %2, "data_shards": %3, "sample_images": 0, "epoch_validation_images": 8, "evaluation_beam": 1,
        "max_minutes": 0, "seed": 5})")
        .arg(epochs)
        .arg(batchSize)
        .arg(dataShards);
}

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run finish(QProcess &process, int timeoutMs = 600'000)
{
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("timed out")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void start(QProcess &process, const QStringList &arguments, const QProcessEnvironment &extra = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    for (const QString &key : extra.keys()) environment.insert(key, extra.value(key));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SNAPTION_CLI), arguments);
}

Run cli(const QStringList &arguments)
{
    QProcess process;
    start(process, arguments);
    return finish(process);
}

// Each step's loss, from history.json.
std::vector<double> stepLosses(const QString &folder)
{
    QFile file(folder + QStringLiteral("/history.json"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    std::vector<double> losses;
    for (const auto &step : QJsonDocument::fromJson(file.readAll()).object()[QLatin1String("steps")].toArray()) losses.push_back(step.toArray()[1].toDouble());
    return losses;
}

// The largest difference between two model files' float32 tensors, relative to the largest value.
double largestDifference(const QString &a, const QString &b)
{
    const auto first = snaption::SafetensorsFile::read(a.toStdString()), second = snaption::SafetensorsFile::read(b.toStdString());
    if (first.entries().size() != second.entries().size()) return 1e9;
    double difference = 0, scale = 1e-12;
    for (const auto &entry : first.entries()) {
        const auto *other = second.find(entry.name);
        if (!other || other->shape != entry.shape || other->dtype != entry.dtype) return 1e9;
        if (entry.dtype != snaption::TensorDType::F32) {
            if (std::memcmp(first.data(entry), second.data(*other), entry.end - entry.begin) != 0) return 1e9;
            continue;
        }
        const auto *x = reinterpret_cast<const float *>(first.data(entry));
        const auto *y = reinterpret_cast<const float *>(second.data(*other));
        for (std::int64_t i = 0; i < entry.elementCount(); ++i) {
            difference = std::max(difference, double(std::abs(x[i] - y[i])));
            scale = std::max(scale, double(std::abs(x[i])));
        }
    }
    return difference / scale;
}

// The environment torchrun gives rank `rank` of two.
QProcessEnvironment rankEnvironment(int rank, int port)
{
    QProcessEnvironment values;
    values.insert(QStringLiteral("RANK"), QString::number(rank));
    values.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
    values.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    values.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    return values;
}

QStringList train(const QString &folder, const QString &config, const QStringList &more = {})
{
    return QStringList{QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic"), QStringLiteral("--config"), config,
                       QStringLiteral("--out"), folder} +
           more;
}

} // namespace

class TestDistributedTraining : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void twoRanksTrainWhatOneProcessTrainsOnTheSameSamples()
    {
        // One process, batch 32 laid out as two shards of 16; two ranks of batch 16.
        const Run single = cli(train(path(QStringLiteral("single")), settings(2, 16, 2)));
        QVERIFY2(single.exitCode == 0, qPrintable(single.err));
        const Run ranks = cli(train(path(QStringLiteral("ranks")), settings(2, 16, 0), {QStringLiteral("--nproc"), QStringLiteral("2")}));
        QVERIFY2(ranks.exitCode == 0, qPrintable(ranks.err + ranks.out));
        QVERIFY(ranks.out.contains(QLatin1String("Data parallel: 2 ranks")));
        const std::vector<double> expected = stepLosses(path(QStringLiteral("single"))), actual = stepLosses(path(QStringLiteral("ranks")));
        QCOMPARE(int(expected.size()), 20);
        QCOMPARE(actual.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(std::abs(actual[i] - expected[i]) <= 1e-5 * std::abs(expected[i]),
                     qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(actual[i], 0, 'g', 10).arg(expected[i], 0, 'g', 10)));
        const double difference = largestDifference(path(QStringLiteral("single/final.safetensors")), path(QStringLiteral("ranks/final.safetensors")));
        QVERIFY2(difference <= 1e-5, qPrintable(QString::number(difference)));
        // Only rank 0 wrote: one history, one pair of models.
        QVERIFY(QFile::exists(path(QStringLiteral("ranks/best.safetensors"))));
    }

    void aKilledRankEndsTheOtherWithAClearError()
    {
        // Two ranks started as torchrun starts them; rank 1 is killed once training is under way.
        QProcess rank0, rank1;
        const int port = 20000 + int(QCoreApplication::applicationPid() % 20000);
        const QStringList arguments = train(path(QStringLiteral("killed")), settings(200, 16, 0), {QStringLiteral("--rank-timeout"), QStringLiteral("20")});
        start(rank0, arguments, rankEnvironment(0, port));
        start(rank1, arguments, rankEnvironment(1, port));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path(QStringLiteral("killed/checkpoints/epoch-001.ckpt"))), 300'000);
        QElapsedTimer timer;
        timer.start();
        ::kill(pid_t(rank1.processId()), SIGKILL);
        rank1.waitForFinished();
        const Run survivor = finish(rank0, 120'000);
        QVERIFY2(survivor.exitCode == 1, qPrintable(survivor.err));
        QVERIFY2(timer.elapsed() < 25'000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(survivor.err.contains(QLatin1String("rank 0: rank 1 stopped answering")), qPrintable(survivor.err));
        // The newest checkpoint stays intact: the run resumes from it (one process, both shards).
        const Run resumed = cli({QStringLiteral("train"), QStringLiteral("--resume"), path(QStringLiteral("killed/checkpoints/epoch-001.ckpt")),
                                 QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    }

    // Each rank acts on a stop where all of them agree on it. With one step per epoch, a rank
    // stopped alone is most often waiting for rank 0 to score the epoch: it used to leave there
    // while rank 0 went on, which ended rank 0 with "rank 1 stopped answering".
    void aStopOnOneRankStopsBothWhereverItLands()
    {
        QProcess rank0, rank1;
        const int port = 20001 + int(QCoreApplication::applicationPid() % 20000);
        // 320 images in two shards of 160: one step per epoch.
        const QStringList arguments = train(path(QStringLiteral("one-stopped")), settings(500, 160, 0), {QStringLiteral("--rank-timeout"), QStringLiteral("20")});
        start(rank0, arguments, rankEnvironment(0, port));
        start(rank1, arguments, rankEnvironment(1, port));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path(QStringLiteral("one-stopped/checkpoints/epoch-003.ckpt"))), 300'000);
        ::kill(pid_t(rank1.processId()), SIGTERM);
        const Run stopped = finish(rank1, 120'000), other = finish(rank0, 120'000);
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        QVERIFY2(QFile::exists(path(QStringLiteral("one-stopped/checkpoints/stopped.ckpt"))), qPrintable(other.out));
    }

    void aStoppedTwoRankRunResumesExactly()
    {
        const Run whole = cli(train(path(QStringLiteral("whole")), settings(30, 16, 0), {QStringLiteral("--nproc"), QStringLiteral("2")}));
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        // The same run, stopped (SIGTERM to the launcher, passed on to the ranks) once it trains.
        QProcess stopped;
        start(stopped, train(path(QStringLiteral("parts")), settings(30, 16, 0), {QStringLiteral("--nproc"), QStringLiteral("2")}));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path(QStringLiteral("parts/checkpoints/epoch-001.ckpt"))), 300'000);
        ::kill(pid_t(stopped.processId()), SIGTERM);
        const Run first = finish(stopped);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString checkpoint = path(QStringLiteral("parts/checkpoints/stopped.ckpt"));
        QVERIFY2(QFile::exists(checkpoint), qPrintable(first.out)); // stopped before the end
        const Run rest = cli({QStringLiteral("train"), QStringLiteral("--resume"), checkpoint, QStringLiteral("--nproc"), QStringLiteral("2")});
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.err));
        const std::vector<double> expected = stepLosses(path(QStringLiteral("whole"))), actual = stepLosses(path(QStringLiteral("parts")));
        QCOMPARE(int(expected.size()), 300);
        QCOMPARE(actual, expected);
        QCOMPARE(largestDifference(path(QStringLiteral("whole/final.safetensors")), path(QStringLiteral("parts/final.safetensors"))), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestDistributedTraining)
#include "tst_distributedtraining.moc"
