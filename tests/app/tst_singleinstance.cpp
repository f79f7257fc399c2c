// One Snaption per display: a second launch hands its images to the running one over a local
// socket. Tested with a real socket: the hand-off, a socket left behind by a crash, two listeners,
// and requests that are not what Snaption sends (refused, nothing opened).
#include "singleinstance.h"

#include <QDir>
#include <QFuture>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using snaption::gui::SingleInstance;

class TestSingleInstance : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString socketName() const { return m_dir.filePath(QStringLiteral("instance")); }

    // Runs the blocking hand-off on another thread while this one serves.
    SingleInstance::HandOff handOff(const QStringList &images, const QString &model, QString *error, const QStringList &switches = {})
    {
        const QString name = socketName();
        QFuture<SingleInstance::HandOff> done = QtConcurrent::run([name, images, model, error, switches] {
            return SingleInstance(name).handOff(images, model, error, 3000, switches);
        });
        if (!QTest::qWaitFor([&] { return done.isFinished(); }, 10000)) return SingleInstance::HandOff::Failed;
        return done.result();
    }

    // What a raw client gets back for a line of its own.
    QByteArray answerTo(const QByteArray &request)
    {
        QLocalSocket socket;
        socket.connectToServer(socketName());
        if (!socket.waitForConnected(1000)) return "not connected";
        socket.write(request);
        QElapsedTimer clock;
        clock.start();
        while (!socket.canReadLine() && clock.elapsed() < 10000) QTest::qWait(20);
        return socket.readLine(4096).trimmed();
    }

private Q_SLOTS:
    void aSecondLaunchHandsItsImagesToTheRunningOne()
    {
        SingleInstance running(socketName());
        QString error;
        QVERIFY2(running.listen(&error), qPrintable(error));
        QSignalSpy requested(&running, &SingleInstance::requested);

        QCOMPARE(handOff({QStringLiteral("photo.jpg"), QStringLiteral("/archive/b.png")}, QStringLiteral("model.safetensors"), &error),
                 SingleInstance::HandOff::Delivered);
        QTRY_COMPARE(requested.count(), 1);
        // Relative paths are the second launch's: made absolute there.
        QCOMPARE(requested.first().at(0).toStringList(),
                 QStringList({QDir::current().absoluteFilePath(QStringLiteral("photo.jpg")), QStringLiteral("/archive/b.png")}));
        QCOMPARE(requested.first().at(1).toString(), QDir::current().absoluteFilePath(QStringLiteral("model.safetensors")));

        // No images: the running window comes to the front, nothing is opened.
        QCOMPARE(handOff({}, QString(), &error), SingleInstance::HandOff::Delivered);
        QTRY_COMPARE(requested.count(), 2);
        QVERIFY(requested.last().at(0).toStringList().isEmpty());
        QVERIFY(requested.last().at(1).toString().isEmpty());
        QVERIFY(requested.last().at(2).toStringList().isEmpty());

        // `snaption --background --watch-clipboard` while one runs: its switches go along.
        const QStringList switches{QStringLiteral("background"), QStringLiteral("watch-clipboard")};
        QCOMPARE(handOff({}, QString(), &error, switches), SingleInstance::HandOff::Delivered);
        QTRY_COMPARE(requested.count(), 3);
        QCOMPARE(requested.last().at(2).toStringList(), switches);
    }

    void withoutARunningOneTheLaunchOpensItsOwnWindow()
    {
        QString error;
        QCOMPARE(handOff({QStringLiteral("/a.png")}, QString(), &error), SingleInstance::HandOff::NoneRunning);
    }

    void aSocketLeftByACrashIsReplaced()
    {
        // A bound socket file nobody listens on: what a killed Snaption leaves.
        const QByteArray path = QFile::encodeName(socketName());
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()) + 1);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        ::close(fd);
        QVERIFY(QFile::exists(socketName()));

        QString error;
        QCOMPARE(handOff({QStringLiteral("/a.png")}, QString(), &error), SingleInstance::HandOff::NoneRunning);
        SingleInstance running(socketName());
        QVERIFY2(running.listen(&error), qPrintable(error));
        QCOMPARE(handOff({QStringLiteral("/a.png")}, QString(), &error), SingleInstance::HandOff::Delivered);
    }

    void aSecondListenerIsRefusedAndTheFirstKeepsServing()
    {
        SingleInstance first(socketName());
        QString error;
        QVERIFY(first.listen(&error));
        SingleInstance second(socketName());
        QVERIFY(!second.listen(&error));
        QCOMPARE(error, QStringLiteral("Another Snaption is already running."));
        QSignalSpy requested(&first, &SingleInstance::requested);
        QCOMPARE(handOff({QStringLiteral("/a.png")}, QString(), &error), SingleInstance::HandOff::Delivered);
        QTRY_COMPARE(requested.count(), 1);
    }

    void requestsNotShapedLikeSnaptionsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("not JSON") << QByteArray("rm -rf /\n") << QByteArray("The request is not a JSON object.");
        QTest::newRow("a list") << QByteArray("[\"/a.png\"]\n") << QByteArray("The request is not a JSON object.");
        QTest::newRow("no images") << QByteArray("{\"model\": \"/m\"}\n") << QByteArray("The request needs an");
        QTest::newRow("images not a list") << QByteArray("{\"images\": \"/a.png\"}\n") << QByteArray("The request needs an");
        QTest::newRow("a number") << QByteArray("{\"images\": [1]}\n") << QByteArray("Every image must be an absolute path.");
        QTest::newRow("relative image") << QByteArray("{\"images\": [\"a.png\"]}\n") << QByteArray("Every image must be an absolute path.");
        QTest::newRow("relative model") << QByteArray("{\"images\": [], \"model\": \"m\"}\n") << QByteArray("The model must be an absolute path.");
        QTest::newRow("model not text") << QByteArray("{\"images\": [], \"model\": 3}\n") << QByteArray("The request needs an");
        QTest::newRow("switches not a list") << QByteArray("{\"images\": [], \"switches\": \"background\"}\n") << QByteArray("The switches must be a list.");
        QTest::newRow("an unknown switch") << QByteArray("{\"images\": [], \"switches\": [\"delete-everything\"]}\n") << QByteArray("Unknown switch: delete-everything");
        QTest::newRow("endless line") << QByteArray(SingleInstance::maxRequestBytes + 10, 'x') << QByteArray("The request is too long.");
    }

    void requestsNotShapedLikeSnaptionsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, answer);
        SingleInstance running(socketName());
        QString error;
        QVERIFY(running.listen(&error));
        QSignalSpy requested(&running, &SingleInstance::requested);
        const QByteArray got = answerTo(request);
        QVERIFY2(got.startsWith("{\"error\":\"" + answer), got.constData());
        QCOMPARE(requested.count(), 0);
        // Still serving afterwards.
        QCOMPARE(handOff({QStringLiteral("/a.png")}, QString(), &error), SingleInstance::HandOff::Delivered);
        QTRY_COMPARE(requested.count(), 1);
    }

    void theDefaultNameIsTheUsersAndTheDisplays()
    {
        qunsetenv("WAYLAND_DISPLAY");
        const QString name = SingleInstance::defaultName();
        QVERIFY(name.startsWith(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + QStringLiteral("/snaption-")));
        const QByteArray display = qgetenv("DISPLAY");
        qputenv("DISPLAY", display + "7");
        QVERIFY(SingleInstance::defaultName() != name);
        qputenv("DISPLAY", display);
        QCOMPARE(SingleInstance::defaultName(), name);
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
