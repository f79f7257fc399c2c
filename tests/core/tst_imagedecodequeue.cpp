// The decode queue that reads images ahead of the captioner: order, keys, errors, clearing, and
// that the reads really happen on its own threads before anyone asks for them.
#include <snaption/error.h>
#include <snaption/imagedecodequeue.h>
#include <snaption/imageloader.h>
#include <snaption/imagewriter.h>

#include <QtTest>

#include <atomic>
#include <chrono>
#include <set>

using namespace snaption;

namespace {

// "12" -> a 12 x 1 image; "bad..." -> Error(BadImage); records the threads and calls.
struct CountingReader {
    std::atomic<int> calls{0};
    std::mutex mutex;
    std::condition_variable called;
    std::set<std::thread::id> threads;
    std::atomic<int> delayMs{0};

    RgbImage read(const std::string &path)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs.load()));
        {
            std::lock_guard<std::mutex> lock(mutex);
            threads.insert(std::this_thread::get_id());
            ++calls;
        }
        called.notify_all();
        if (path.rfind("bad", 0) == 0) throw Error(ErrorKind::BadImage, path + ": not an image");
        return RgbImage(std::stoi(path), 1);
    }
    bool waitForCalls(int count)
    {
        std::unique_lock<std::mutex> lock(mutex);
        return called.wait_for(lock, std::chrono::seconds(30), [&] { return calls >= count; });
    }
};

} // namespace

class TestImageDecodeQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsAheadOnItsOwnThreads()
    {
        CountingReader reader;
        ImageDecodeQueue queue([&](const std::string &path) { return reader.read(path); }, 2);
        QCOMPARE(queue.threads(), 2);
        for (int i = 1; i <= 20; ++i) queue.submit(std::uint64_t(i), std::to_string(i));
        // Nobody has asked yet: all twenty are read anyway, none on this thread.
        QVERIFY(reader.waitForCalls(20));
        QVERIFY(!reader.threads.count(std::this_thread::get_id()));
        QCOMPARE(queue.outstanding(), std::size_t(20));
        for (int i = 1; i <= 20; ++i) {
            const ImageDecodeQueue::Decoded decoded = queue.take(std::uint64_t(i), std::to_string(i));
            QVERIFY(decoded.image);
            QCOMPARE(decoded.image->width, i);
            QVERIFY(decoded.error.empty());
        }
        QCOMPARE(queue.outstanding(), std::size_t(0));
        QCOMPARE(reader.calls.load(), 20);
    }

    void takesByKeyInAnyOrder()
    {
        CountingReader reader;
        reader.delayMs = 5;
        ImageDecodeQueue queue([&](const std::string &path) { return reader.read(path); }, 1);
        for (int i = 1; i <= 6; ++i) queue.submit(std::uint64_t(100 + i), std::to_string(i));
        for (const int i : {6, 1, 4, 2, 5, 3}) QCOMPARE(queue.take(std::uint64_t(100 + i), std::to_string(i)).image->width, i);
        QCOMPARE(reader.calls.load(), 6); // each read once
    }

    void saysWhichReadsHaveFinished()
    {
        CountingReader reader;
        reader.delayMs = 300;
        ImageDecodeQueue queue([&](const std::string &path) { return reader.read(path); }, 1);
        queue.submit(1, "4");
        queue.submit(2, "bad.jpg");
        queue.submit(3, "5");
        QVERIFY(!queue.isReady(1)); // a read of 300 ms has only begun
        QVERIFY(!queue.isReady(9)); // never submitted
        QTRY_VERIFY_WITH_TIMEOUT(queue.isReady(1) && queue.isReady(2), 10000);
        QVERIFY(!queue.isReady(3));   // one reader: the third read has barely begun
        QVERIFY(queue.isReady(2));    // a failed read has finished too
        QCOMPARE(queue.take(1, "4").image->width, 4);
        QVERIFY(!queue.isReady(1)); // taken
    }

    void keepsErrorsWithTheirImage()
    {
        CountingReader reader;
        ImageDecodeQueue queue([&](const std::string &path) { return reader.read(path); }, 1);
        queue.submit(1, "bad.jpg");
        queue.submit(2, "7");
        const ImageDecodeQueue::Decoded bad = queue.take(1, "bad.jpg");
        QVERIFY(!bad.image);
        QCOMPARE(QString::fromStdString(bad.error), QStringLiteral("bad.jpg: not an image"));
        QCOMPARE(queue.take(2, "7").image->width, 7);
    }

    void readsWhatWasNeverSubmittedOnTheCaller()
    {
        CountingReader reader;
        ImageDecodeQueue queue([&](const std::string &path) { return reader.read(path); }, 1);
        QCOMPARE(queue.take(5, "9").image->width, 9);
        QVERIFY(reader.threads.count(std::this_thread::get_id()));
        // A key submitted for another path is not mistaken for this one.
        queue.submit(6, "3");
        QCOMPARE(queue.take(6, "4").image->width, 4);
    }

    void clearForgetsEverythingOutstanding()
    {
        CountingReader reader;
        reader.delayMs = 200;
        ImageDecodeQueue queue([&](const std::string &path) { return reader.read(path); }, 1);
        for (int i = 1; i <= 50; ++i) queue.submit(std::uint64_t(i), std::to_string(i));
        queue.clear();
        QCOMPARE(queue.outstanding(), std::size_t(0));
        QVERIFY(!queue.contains(1));
        // At most the one read in progress ran; a cleared key is read afresh when taken.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QVERIFY(reader.calls <= 1);
        QCOMPARE(queue.take(3, "3").image->width, 3);
    }

    void destructionWaitsOnlyForReadsInProgress()
    {
        CountingReader reader;
        reader.delayMs = 200;
        {
            ImageDecodeQueue queue([&](const std::string &path) { return reader.read(path); }, 2);
            for (int i = 1; i <= 40; ++i) queue.submit(std::uint64_t(i), std::to_string(i));
        }
        QVERIFY(reader.calls <= 2);
    }

    void readsRealFilesWithTheImageLoader()
    {
        QTemporaryDir folder;
        RgbImage picture(64, 48);
        for (std::size_t i = 0; i < picture.pixels.size(); ++i) picture.pixels[i] = std::uint8_t(i * 7);
        const std::string png = folder.filePath(QStringLiteral("a.png")).toStdString();
        writeImage(picture, png);
        const ImageLoader loader;
        ImageDecodeQueue queue([&](const std::string &path) { return loader.load(path); });
        queue.submit(1, png);
        queue.submit(2, folder.filePath(QStringLiteral("missing.png")).toStdString());
        const ImageDecodeQueue::Decoded decoded = queue.take(1, png);
        QVERIFY(decoded.image);
        QCOMPARE(decoded.image->pixels, picture.pixels);
        QVERIFY(decoded.decodeMs >= 0);
        const ImageDecodeQueue::Decoded missing = queue.take(2, folder.filePath(QStringLiteral("missing.png")).toStdString());
        QVERIFY(!missing.image);
        QVERIFY2(QString::fromStdString(missing.error).contains(QStringLiteral("missing.png")), missing.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestImageDecodeQueue)
#include "tst_imagedecodequeue.moc"
