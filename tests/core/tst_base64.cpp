// Base64 for binary model metadata: RFC 4648's test vectors, every byte value against Python's
// base64 module, and malformed text refused.
#include "base64.h"

#include <snaption/error.h>

#include <QtTest>

using namespace snaption;

class TestBase64 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesTheRfcTestVectors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("text");
        // RFC 4648, section 10.
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg==");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8=");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg==");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE=");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    }
    void matchesTheRfcTestVectors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, text);
        QCOMPARE(QByteArray::fromStdString(Base64::encode(bytes.toStdString())), text);
        QCOMPARE(QByteArray::fromStdString(Base64::decode(text.toStdString())), bytes);
    }

    void encodesEveryByteAsPythonDoes()
    {
        std::string bytes;
        for (int value = 255; value >= 0; --value) bytes += char(value);
        // python3 -c "import base64; print(base64.b64encode(bytes(range(256))[::-1]).decode())"
        const std::string python = "//79/Pv6+fj39vX08/Lx8O/u7ezr6uno5+bl5OPi4eDf3t3c29rZ2NfW1dTT0tHQz87NzMvKycjHxsXEw8LBwL++vby7urm4t7a1tLOysbCvrq2sq6qpqKempaSjoqGgn56dnJuamZiXlpWUk5KRkI+OjYyLiomIh4aFhIOCgYB/fn18e3p5eHd2dXRzcnFwb25tbGtqaWhnZmVkY2JhYF9eXVxbWllYV1ZVVFNSUVBPTk1MS0pJSEdGRURDQkFAPz49PDs6OTg3NjU0MzIxMC8uLSwrKikoJyYlJCMiISAfHh0cGxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwIBAA==";
        QCOMPARE(Base64::encode(bytes), python);
        QCOMPARE(Base64::decode(python), bytes);
    }

    void refusesMalformedText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("length") << QByteArray("Zm9");
        QTest::newRow("outside the alphabet") << QByteArray("Zm9*");
        QTest::newRow("space") << QByteArray("Zm 9");
        QTest::newRow("padding in the middle") << QByteArray("Zg==Zm9v");
        QTest::newRow("padding before a character") << QByteArray("Zm=v");
        QTest::newRow("three padding characters") << QByteArray("Z===");
        QTest::newRow("a byte above 127") << QByteArray("Zm9\xc3");
    }
    void refusesMalformedText()
    {
        QFETCH(QByteArray, text);
        QVERIFY_THROWS_EXCEPTION(Error, Base64::decode(text.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_base64.moc"
