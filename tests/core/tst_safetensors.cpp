#include <snaption/error.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include "testsupport.h"

#include <QtTest>

#include <csignal>
#include <cstring>
#include <sys/resource.h>

using namespace snaption;
using namespace snaption::test;

namespace {

QByteArray fileWithHeader(const QByteArray &header, const QByteArray &data = QByteArray(), std::uint64_t declaredLength = ~0ull)
{
    QByteArray bytes;
    const std::uint64_t length = declaredLength == ~0ull ? std::uint64_t(header.size()) : declaredLength;
    for (int i = 0; i < 8; ++i) bytes.append(char((length >> (8 * i)) & 0xFF));
    return bytes + header + data;
}

SafetensorsFile parse(const QByteArray &bytes)
{
    return SafetensorsFile::parse(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), "test.safetensors");
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const float values[6] = {1, -2, 3.5f, 0, 1e-20f, 65504};
        const std::int64_t ids[3] = {-1, 0, 1LL << 40};
        SafetensorsWriter writer;
        writer.setMetadata("format", "snaption");
        writer.setMetadata("unicode", "Bär 東京");
        writer.addTensor("weights.w", TensorDType::F32, {2, 3}, values, sizeof(values));
        writer.addTensor("ids", TensorDType::I64, {3}, ids, sizeof(ids));
        writer.addTensor("empty", TensorDType::F32, {0, 4}, nullptr, 0);
        writer.addTensor("scalar", TensorDType::F32, {}, values, 4);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("x.safetensors")).toStdString();
        writer.write(path);

        const SafetensorsFile file = SafetensorsFile::read(path);
        QCOMPARE(file.metadata().at("unicode"), std::string("Bär 東京"));
        QCOMPARE(file.entries().size(), std::size_t(4));
        const auto *w = file.find("weights.w");
        QVERIFY(w);
        QCOMPARE(w->dtype, TensorDType::F32);
        QCOMPARE(w->shape, (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(std::memcmp(file.data(*w), values, sizeof(values)), 0);
        QCOMPARE(std::memcmp(file.data(*file.find("ids")), ids, sizeof(ids)), 0);
        QCOMPARE(file.find("empty")->elementCount(), std::int64_t(0));
        QCOMPARE(file.find("scalar")->elementCount(), std::int64_t(1));
        // The header alone describes the same tensors without reading their data.
        const SafetensorsFile header = SafetensorsFile::readHeader(path);
        QCOMPARE(header.entries().size(), std::size_t(4));
        QVERIFY_THROWS_EXCEPTION(Error, header.data(*header.find("ids")));
        // The data section is 8-byte aligned, as the reference writer keeps it.
        const QByteArray raw = readBytes(QString::fromStdString(path));
        std::uint64_t headerLength = 0;
        std::memcpy(&headerLength, raw.constData(), 8);
        QCOMPARE(headerLength % 8, std::uint64_t(0));
    }

    // A read file's bytes are mapped, not copied: whoever holds bytesOwner() keeps them after the
    // file object is gone, and replacing the file the way our writers do (a finished copy renamed
    // over it) leaves them as they were read.
    void readBytesOutliveTheFileObjectAndItsReplacement()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("mapped.safetensors")).toStdString();
        std::vector<float> first(50000), second(50000);
        for (std::size_t i = 0; i < first.size(); ++i) {
            first[i] = float(i) * 0.5f;
            second[i] = -float(i);
        }
        const auto write = [&](const std::vector<float> &values) {
            SafetensorsWriter writer;
            writer.addTensor("w", TensorDType::F32, {std::int64_t(values.size())}, values.data(), values.size() * sizeof(float));
            writer.write(path);
        };
        write(first);
        std::shared_ptr<const void> owner;
        const std::uint8_t *bytes = nullptr;
        {
            const SafetensorsFile file = SafetensorsFile::read(path);
            owner = file.bytesOwner();
            bytes = file.data(file.entries().front());
            QVERIFY(SafetensorsFile::readHeader(path).bytesOwner() == nullptr);
        }
        QVERIFY(owner);
        write(second); // our writer renames a finished file over the old one
        QCOMPARE(std::memcmp(bytes, first.data(), first.size() * sizeof(float)), 0);
        const SafetensorsFile replaced = SafetensorsFile::read(path);
        QCOMPARE(std::memcmp(replaced.data(replaced.entries().front()), second.data(), second.size() * sizeof(float)), 0);
        // An in-memory file holds its bytes the same way.
        const QByteArray raw = readBytes(QString::fromStdString(path));
        std::shared_ptr<const void> held = parse(raw).bytesOwner();
        QVERIFY(held);
    }

    void readsFilesWrittenByPython()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("py.safetensors"));
        SNAPTION_RUN_FIXTURE(QStringLiteral("safetensors_interop.py"), QStringLiteral("write"), path);
        const SafetensorsFile file = SafetensorsFile::read(path.toStdString());
        QCOMPARE(file.metadata().at("who"), std::string("python"));
        const auto *a = file.find("a");
        QCOMPARE(a->dtype, TensorDType::F32);
        const float *floats = reinterpret_cast<const float *>(file.data(*a));
        for (int i = 0; i < 6; ++i) QCOMPARE(floats[i], float(i));
        QCOMPARE(file.find("b")->dtype, TensorDType::F16);
        QCOMPARE(file.find("d")->dtype, TensorDType::BF16);
        const std::int64_t *ids = reinterpret_cast<const std::int64_t *>(file.data(*file.find("c")));
        QCOMPARE(ids[0], std::int64_t(7));
        QCOMPARE(ids[1], std::int64_t(-7));
        QCOMPARE(file.find("e")->shape, std::vector<std::int64_t>{0});
    }

    void pythonReadsOurFiles()
    {
        const float values[4] = {1.5f, 2.5f, -1, 10};
        const std::uint16_t half[2] = {0x3C00, 0xC000}; // 1.0, -2.0
        SafetensorsWriter writer;
        writer.setMetadata("config", "{\"a\": 1}");
        writer.addTensor("x", TensorDType::F32, {2, 2}, values, sizeof(values));
        writer.addTensor("y", TensorDType::F16, {2}, half, sizeof(half));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ours.safetensors"));
        writer.write(path.toStdString());
        SNAPTION_RUN_FIXTURE(QStringLiteral("safetensors_interop.py"), QStringLiteral("check"), path, dir.filePath(QStringLiteral("out.txt")));
        QCOMPARE(QString::fromUtf8(readBytes(dir.filePath(QStringLiteral("out.txt")))),
                 QStringLiteral("x F32 [2, 2] 13.000000\ny F16 [2] -1.000000\nmeta config={\"a\": 1}\n"));
    }

    void malformedFilesAreRejected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const QByteArray f32x2 = QByteArray(8, '\0');
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("shorter than the 8-byte");
        QTest::newRow("short length") << QByteArray("\x10\0\0", 3) << QStringLiteral("shorter than the 8-byte");
        QTest::newRow("length past end") << fileWithHeader("{}", {}, 1000) << QStringLiteral("runs past the end");
        QTest::newRow("length 2^62") << fileWithHeader("{}", {}, 1ull << 62) << QStringLiteral("exceeds the 100 MB limit");
        QTest::newRow("not json") << fileWithHeader("{\"a\": ") << QStringLiteral("not valid JSON");
        QTest::newRow("json array") << fileWithHeader("[1, 2]") << QStringLiteral("not a JSON object");
        QTest::newRow("entry not object") << fileWithHeader("{\"a\": 5}") << QStringLiteral("entry is not an object");
        QTest::newRow("missing shape") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"data_offsets\": [0, 8]}}", f32x2)
                                       << QStringLiteral("needs dtype, shape and data_offsets");
        QTest::newRow("unknown dtype") << fileWithHeader("{\"a\": {\"dtype\": \"F128\", \"shape\": [2], \"data_offsets\": [0, 8]}}", f32x2)
                                       << QStringLiteral("unsupported dtype \"F128\"");
        QTest::newRow("negative dim") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [-2], \"data_offsets\": [0, 8]}}", f32x2)
                                      << QStringLiteral("not a non-negative integer");
        QTest::newRow("float dim") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [2.5], \"data_offsets\": [0, 8]}}", f32x2)
                                   << QStringLiteral("not a non-negative integer");
        QTest::newRow("huge shape") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [4294967296, 4294967296], \"data_offsets\": [0, 8]}}", f32x2)
                                    << QStringLiteral("absurdly large");
        QTest::newRow("offsets reversed") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [8, 0]}}", f32x2)
                                          << QStringLiteral("end before they begin");
        QTest::newRow("offsets past data") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 16]}}", f32x2)
                                           << QStringLiteral("truncated file");
        QTest::newRow("size mismatch") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 8]}}", f32x2)
                                       << QStringLiteral("shape and dtype need 12");
        QTest::newRow("overlap") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},"
                                                   " \"b\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", f32x2)
                                 << QStringLiteral("overlaps another tensor");
        QTest::newRow("gap") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", f32x2)
                             << QStringLiteral("leaves a gap");
        QTest::newRow("trailing bytes") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", f32x2)
                                        << QStringLiteral("belong to no tensor");
        QTest::newRow("metadata not strings") << fileWithHeader("{\"__metadata__\": {\"a\": 1}}") << QStringLiteral("is not a string");
        QTest::newRow("duplicate name") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]},"
                                                          " \"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", f32x2)
                                        << QStringLiteral("appears twice");
        QTest::newRow("too many dims") << fileWithHeader("{\"a\": {\"dtype\": \"F32\", \"shape\": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1], \"data_offsets\": [0, 4]}}",
                                                         QByteArray(4, '\0'))
                                       << QStringLiteral("at most 16 sizes");
    }

    void malformedFilesAreRejected()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        try {
            parse(bytes);
            QFAIL("accepted a malformed file");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            const QString text = QString::fromStdString(error.what());
            QVERIFY2(text.contains(message) && text.contains(QLatin1String("test.safetensors")), error.what());
        }
        // The header-only reader gives the same verdict.
        QTemporaryDir dir;
        writeBytes(dir.filePath(QStringLiteral("bad.safetensors")), bytes);
        QVERIFY_THROWS_EXCEPTION(Error, SafetensorsFile::readHeader(dir.filePath(QStringLiteral("bad.safetensors")).toStdString()));
    }

    void writerValidatesItsInput()
    {
        SafetensorsWriter writer;
        const float value = 1;
        QVERIFY_THROWS_EXCEPTION(Error, writer.addTensor("a", TensorDType::F32, {2}, &value, 4));
        QVERIFY_THROWS_EXCEPTION(Error, writer.addTensor("__metadata__", TensorDType::F32, {1}, &value, 4));
    }

    void writeFailureKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("model.safetensors")).toStdString();
        SafetensorsWriter first;
        const float value = 1;
        first.addTensor("a", TensorDType::F32, {1}, &value, 4);
        first.write(path);
        // A folder that does not exist: the error names the file and the reason.
        try {
            first.write(dir.filePath(QStringLiteral("missing/model.safetensors")).toStdString());
            QFAIL("wrote into a missing folder");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::Io);
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("No such file")), error.what());
        }
        // Running out of space half-way: a file size limit makes write() fail as a full disk would.
        // The old file stays intact and the temporary file is removed.
        SafetensorsWriter big;
        const std::vector<float> many(100000, 2.0f);
        big.addTensor("a", TensorDType::F32, {100000}, many.data(), many.size() * 4);
        rlimit previous{};
        getrlimit(RLIMIT_FSIZE, &previous);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = previous;
        small.rlim_cur = 4096;
        setrlimit(RLIMIT_FSIZE, &small);
        bool failed = false;
        try {
            big.write(path);
        } catch (const Error &error) {
            failed = error.kind() == ErrorKind::Io;
        }
        setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(failed);
        QCOMPARE(SafetensorsFile::read(path).entries().front().elementCount(), std::int64_t(1));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("model.safetensors")});
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
