// The restricted unpickler and the torch.save reader, on ordinary and on hostile files.
#include "torchcheckpoint.h"
#include "unpickler.h"

#include <snaption/error.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;
using Kind = PickleValue::Kind;

class TestUnpickler : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    PickleValue::Ptr load(const QString &name)
    {
        const QByteArray bytes = readBytes(m_dir.filePath(name));
        return Unpickler::load(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()), name.toStdString(), {});
    }

    void expectRefused(const QString &name, const QString &message)
    {
        try {
            load(name);
            QFAIL(qPrintable(name + QStringLiteral(" was accepted")));
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }

    void expectCheckpointRefused(const QString &name, const QString &message)
    {
        try {
            TorchCheckpoint checkpoint(m_dir.filePath(name).toStdString());
            checkpoint.stateDict();
            QFAIL(qPrintable(name + QStringLiteral(" was accepted")));
        } catch (const Error &error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile::remove(QStringLiteral("/tmp/snaption-pwned"));
        SNAPTION_RUN_FIXTURE(QStringLiteral("hostile_files.py"), m_dir.path());
    }

    void readsOrdinaryData()
    {
        // {"a": [1, 2.5, "three", b"four", (5, None, True)], "b": 2 ** 40}
        const PickleValue::Ptr root = load(QStringLiteral("valid.pkl"));
        QCOMPARE(root->kind, Kind::Dict);
        const PickleValue::Ptr a = root->get("a");
        QVERIFY(a && a->kind == Kind::List && a->items.size() == 5);
        QCOMPARE(a->items[0]->integer, std::int64_t(1));
        QCOMPARE(a->items[1]->real, 2.5);
        QCOMPARE(a->items[2]->text, std::string("three"));
        QCOMPARE(a->items[3]->kind, Kind::Bytes);
        QCOMPARE(a->items[3]->text, std::string("four"));
        const PickleValue::Ptr tuple = a->items[4];
        QCOMPARE(tuple->kind, Kind::Tuple);
        QCOMPARE(tuple->items[1]->kind, Kind::None);
        QVERIFY(tuple->items[2]->boolean);
        QCOMPARE(root->get("b")->integer, std::int64_t(1) << 40);
    }

    void refusesCode_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("global");
        QTest::newRow("os.system") << QStringLiteral("os_system.pkl") << QStringLiteral("posix.system is not allowed");
        QTest::newRow("eval") << QStringLiteral("eval.pkl") << QStringLiteral("builtins.eval is not allowed");
        QTest::newRow("Popen") << QStringLiteral("popen.pkl") << QStringLiteral("subprocess.Popen is not allowed");
    }

    void refusesCode()
    {
        QFETCH(QString, file);
        QFETCH(QString, global);
        expectRefused(file, global);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/snaption-pwned")));
    }

    void refusesMalformedData_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("100,000 deep") << QStringLiteral("deep.pkl") << QStringLiteral("nested deeper than 1000");
        QTest::newRow("2^62 bytes") << QStringLiteral("huge_length.pkl") << QStringLiteral("runs past the end");
        QTest::newRow("truncated") << QStringLiteral("truncated.pkl") << QStringLiteral("runs past the end");
        QTest::newRow("empty") << QStringLiteral("empty.pkl") << QStringLiteral("empty");
        QTest::newRow("missing memo") << QStringLiteral("memo_missing.pkl") << QStringLiteral("memo entry 7 does not exist");
        QTest::newRow("underflow") << QStringLiteral("stack_underflow.pkl") << QStringLiteral("stack underflow");
    }

    void refusesMalformedData()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        expectRefused(file, message);
    }

    void boundsTheNumberOfValues()
    {
        const QByteArray bytes = readBytes(m_dir.filePath(QStringLiteral("valid.pkl")));
        Unpickler::Limits limits;
        limits.maxValues = 5;
        QVERIFY_THROWS_EXCEPTION(Error, Unpickler::load(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()), "x", limits));
    }

    void readsTorchSaveArchives()
    {
        TorchCheckpoint checkpoint(m_dir.filePath(QStringLiteral("good.pt")).toStdString());
        const TensorMap tensors = checkpoint.stateDict();
        QCOMPARE(tensors.size(), std::size_t(1));
        const torch::Tensor weight = tensors.at("weight");
        QCOMPARE(weight.sizes().vec(), (std::vector<std::int64_t>{3, 4}));
        QVERIFY(torch::equal(weight, torch::arange(12, torch::kFloat).reshape({3, 4})));
    }

    void refusesHostileArchives_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << QStringLiteral("truncated.pt") << QStringLiteral("not a valid ZIP archive");
        QTest::newRow("entry outside") << QStringLiteral("outside.pt") << QStringLiteral("not a valid ZIP archive");
        QTest::newRow("short storage") << QStringLiteral("short_storage.pt") << QStringLiteral("needed");
        QTest::newRow("code inside") << QStringLiteral("evil_inside.pt") << QStringLiteral("posix.system is not allowed");
        QTest::newRow("whole module") << QStringLiteral("whole_module.pt") << QStringLiteral("torch.nn.modules.linear.Linear is not allowed");
        QTest::newRow("legacy format") << QStringLiteral("legacy.pt") << QStringLiteral("legacy torch.save format");
        QTest::newRow("plain pickle") << QStringLiteral("valid.pkl") << QStringLiteral("a plain pickle");
    }

    void refusesHostileArchives()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        expectCheckpointRefused(file, message);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/snaption-pwned")));
    }
};

QTEST_GUILESS_MAIN(TestUnpickler)
#include "tst_unpickler.moc"
