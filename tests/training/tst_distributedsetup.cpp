// torchrun's environment, as Slurm and Kubernetes launchers also set it.
#include <snaption/error.h>
#include <snaption/training/distributedsetup.h>

#include <QtTest>

using snaption::Error;
using snaption::training::DistributedSetup;

class TestDistributedSetup : public QObject {
    Q_OBJECT

    static void clear()
    {
        for (const char *name : {"RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"}) qunsetenv(name);
    }

private Q_SLOTS:
    void init() { clear(); }
    void cleanup() { clear(); }

    void withoutALauncherThereIsNoSetup() { QVERIFY(!DistributedSetup::fromEnvironment()); }

    void readsTorchrunsVariables()
    {
        qputenv("RANK", "3");
        qputenv("WORLD_SIZE", "8");
        qputenv("LOCAL_RANK", "1");
        qputenv("MASTER_ADDR", "node07.cluster");
        qputenv("MASTER_PORT", "29400");
        const auto setup = DistributedSetup::fromEnvironment();
        QVERIFY(setup);
        QCOMPARE(setup->rank, 3);
        QCOMPARE(setup->worldSize, 8);
        QCOMPARE(setup->localRank, 1);
        QCOMPARE(setup->masterAddress, std::string("node07.cluster"));
        QCOMPARE(setup->masterPort, 29400);
        QVERIFY(setup->distributed());
        QVERIFY(!setup->leads());
    }

    void malformedValuesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("rank not a number") << QByteArray("RANK") << QByteArray("one") << QStringLiteral("RANK");
        QTest::newRow("rank beyond the world") << QByteArray("RANK") << QByteArray("2") << QStringLiteral("RANK 2");
        QTest::newRow("world of none") << QByteArray("WORLD_SIZE") << QByteArray("0") << QStringLiteral("WORLD_SIZE");
        QTest::newRow("port too high") << QByteArray("MASTER_PORT") << QByteArray("70000") << QStringLiteral("MASTER_PORT");
        QTest::newRow("trailing text") << QByteArray("LOCAL_RANK") << QByteArray("0x") << QStringLiteral("LOCAL_RANK");
        QTest::newRow("no address") << QByteArray("MASTER_ADDR") << QByteArray("") << QStringLiteral("MASTER_ADDR");
    }
    void malformedValuesAreNamed()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, named);
        qputenv("RANK", "0");
        qputenv("WORLD_SIZE", "2");
        qputenv("MASTER_ADDR", "127.0.0.1");
        qputenv(name.constData(), value);
        try {
            DistributedSetup::fromEnvironment();
            QFAIL("accepted");
        } catch (const Error &error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(named), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestDistributedSetup)
#include "tst_distributedsetup.moc"
