// Downloading catalog models from a local HTTP server: checksum, size, cancel, and a file that is
// not a model.
#include <snaption/modelfactory.h>
#include <snaption/widgets/modelcatalog.h>
#include <snaption/widgets/modeldownloader.h>

#include "testsupport.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace snaption;
using namespace snaption::widgets;

namespace {

// Serves one body for every GET, slowly if asked (for the cancel test).
class TinyHttpServer : public QObject {
public:
    QByteArray body;
    int chunkDelayMs = 0;

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_server.serverPort()).arg(path)); }

    TinyHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (!socket->readAll().contains("\r\n\r\n")) return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(body.size()) +
                              "\r\nConnection: close\r\n\r\n");
                if (chunkDelayMs == 0) {
                    socket->write(body);
                    socket->disconnectFromHost();
                    return;
                }
                auto *timer = new QTimer(socket);
                auto offset = std::make_shared<int>(0);
                connect(timer, &QTimer::timeout, socket, [this, socket, timer, offset] {
                    socket->write(body.mid(*offset, 4096));
                    *offset += 4096;
                    if (*offset >= body.size()) {
                        timer->stop();
                        socket->disconnectFromHost();
                    }
                });
                timer->start(chunkDelayMs);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
    }

private:
    QTcpServer m_server;
};

} // namespace

class TestModelDownloader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TinyHttpServer m_server;
    QByteArray m_model;

    CatalogEntry entry(const QByteArray &sha, qint64 size)
    {
        CatalogEntry e;
        e.id = QStringLiteral("tiny-model");
        e.name = QStringLiteral("Tiny");
        e.url = m_server.url(QStringLiteral("tiny.safetensors"));
        e.sha256 = sha;
        e.size = size;
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        ModelConfig config;
        config.encoder.name = EncoderConfig::kMobileNetV2;
        config.decoder.layers = 1;
        config.decoder.dim = 16;
        config.decoder.heads = 2;
        config.decoder.feedForward = 16;
        const QString path = m_dir.filePath(QStringLiteral("source.safetensors"));
        ModelFactory::createRandom(config, Vocabulary::fromCaptions({"a cat"}), path.toStdString(), {});
        m_model = snaption::test::readBytes(path);
        m_server.body = m_model;
    }

    void downloadsAndVerifies()
    {
        const QString folder = m_dir.filePath(QStringLiteral("ok"));
        ModelDownloader downloader;
        QSignalSpy finished(&downloader, &ModelDownloader::finished), failed(&downloader, &ModelDownloader::failed),
            progress(&downloader, &ModelDownloader::progress);
        downloader.start(entry(QCryptographicHash::hash(m_model, QCryptographicHash::Sha256).toHex(), m_model.size()), folder);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(progress.count() > 0);
        const QString path = finished.first().first().toString();
        QCOMPARE(path, QDir(folder).filePath(QStringLiteral("tiny-model.safetensors")));
        QCOMPARE(snaption::test::readBytes(path), m_model);
    }

    void checksumMismatchKeepsNothing()
    {
        const QString folder = m_dir.filePath(QStringLiteral("bad-sha"));
        ModelDownloader downloader;
        QSignalSpy finished(&downloader, &ModelDownloader::finished), failed(&downloader, &ModelDownloader::failed);
        downloader.start(entry(QByteArray(64, 'a'), m_model.size()), folder);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("SHA-256")));
        QCOMPARE(finished.count(), 0);
        QVERIFY(QDir(folder).entryList(QDir::Files).isEmpty());
    }

    void sizeMismatchIsRefused()
    {
        ModelDownloader downloader;
        QSignalSpy failed(&downloader, &ModelDownloader::failed);
        downloader.start(entry(QCryptographicHash::hash(m_model, QCryptographicHash::Sha256).toHex(), m_model.size() - 100),
                         m_dir.filePath(QStringLiteral("bad-size")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("larger")));
    }

    void notAModelIsRefused()
    {
        const QByteArray text("definitely not a model");
        m_server.body = text;
        ModelDownloader downloader;
        QSignalSpy failed(&downloader, &ModelDownloader::failed);
        downloader.start(entry(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex(), text.size()), m_dir.filePath(QStringLiteral("text")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("not a usable model")));
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("text"))).entryList(QDir::Files).isEmpty());
        m_server.body = m_model;
    }

    void cancelStopsTheDownload()
    {
        m_server.chunkDelayMs = 20;
        ModelDownloader downloader;
        QSignalSpy failed(&downloader, &ModelDownloader::failed), progress(&downloader, &ModelDownloader::progress);
        downloader.start(entry(QCryptographicHash::hash(m_model, QCryptographicHash::Sha256).toHex(), m_model.size()), m_dir.filePath(QStringLiteral("cancel")));
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 20000);
        downloader.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("cancelled")));
        m_server.chunkDelayMs = 0;
    }

    void catalogParsing()
    {
        int skipped = 0;
        // An ordinary literal, not a raw one: moc (Qt 6.4) loses track of braces inside raw strings.
        const auto entries = ModelCatalog::parse(
            "{\"models\": ["
            "{\"id\": \"good\", \"url\": \"https://example.org/m.safetensors\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\", \"size\": 10},"
            "{\"id\": \"../escape\", \"url\": \"https://example.org/x\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"},"
            "{\"id\": \"nohash\", \"url\": \"https://example.org/x\"},"
            "{\"id\": \"badurl\", \"url\": \"not a url\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"},"
            // Fields of the wrong type are bad records, not zeros or empty strings.
            "{\"id\": \"hugesize\", \"url\": \"https://example.org/x\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\", \"size\": 1e300},"
            "{\"id\": \"textsize\", \"url\": \"https://example.org/x\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\", \"size\": \"10\"},"
            "{\"id\": \"numbername\", \"name\": 5, \"url\": \"https://example.org/x\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"},"
            "7,"
            "{\"id\": \"nosize\", \"url\": \"https://example.org/y\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"}]}",
            &skipped);
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries.front().id, QStringLiteral("good"));
        QCOMPARE(entries.back().id, QStringLiteral("nosize"));
        QCOMPARE(skipped, 7);
        QString error;
        QVERIFY(ModelCatalog::parse("[1, 2]", nullptr, &error).empty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestModelDownloader)
#include "tst_modeldownloader.moc"
