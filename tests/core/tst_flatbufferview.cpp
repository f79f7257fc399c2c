// The FlatBuffer reader under TFLite files: counts and offsets are checked before anything
// trusts them.
#include <snaption/error.h>

#include "flatbufferview.h"

#include <QtTest>

#include <cstring>
#include <vector>

using namespace snaption;

namespace {

void put32(std::vector<std::uint8_t> &buffer, std::size_t at, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i) buffer[at + std::size_t(i)] = std::uint8_t(value >> (8 * i));
}

void put16(std::vector<std::uint8_t> &buffer, std::size_t at, std::uint16_t value)
{
    buffer[at] = std::uint8_t(value);
    buffer[at + 1] = std::uint8_t(value >> 8);
}

// A root table whose field 0 is a vector of `count` bytes, of which `present` follow it.
std::vector<std::uint8_t> tableWithVector(std::uint32_t count, std::size_t present)
{
    std::vector<std::uint8_t> buffer(28 + present, 0);
    put32(buffer, 0, 16);  // the root table
    std::memcpy(buffer.data() + 4, "TFL3", 4);
    put16(buffer, 8, 6);   // vtable: 6 bytes,
    put16(buffer, 10, 8);  // a table of 8 bytes,
    put16(buffer, 12, 4);  // field 0 at +4
    put32(buffer, 16, 8);  // the table: its vtable 8 bytes before it
    put32(buffer, 20, 4);  // field 0: the vector 4 bytes on
    put32(buffer, 24, count);
    return buffer;
}

} // namespace

class TestFlatBufferView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void vectorsReadTheirElements()
    {
        std::vector<std::uint8_t> buffer = tableWithVector(3, 3);
        buffer[28] = 7;
        buffer[30] = 9;
        const FlatBufferView view(buffer.data(), buffer.size(), "test");
        const auto vector = view.root().vector(0);
        QVERIFY(vector);
        QCOMPARE(vector->size(), 3u);
        QCOMPARE(vector->integer(2, 1, false), std::int64_t(9));
        QVERIFY_THROWS_EXCEPTION(Error, vector->integer(3, 1, false));
    }

    // Found by fuzzing: a count of 2^28 with nothing behind it made the TFLite reader reserve
    // gigabytes before reading the first element.
    void aCountBeyondTheBufferIsRefused()
    {
        const std::vector<std::uint8_t> buffer = tableWithVector(0x10000000, 4);
        const FlatBufferView view(buffer.data(), buffer.size(), "test");
        try {
            view.root().vector(0);
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("outside the file")), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestFlatBufferView)
#include "tst_flatbufferview.moc"
