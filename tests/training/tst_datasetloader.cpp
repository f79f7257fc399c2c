// Dataset formats, detection, and the validation report on malformed data.
#include <snaption/error.h>
#include <snaption/imagewriter.h>
#include <snaption/training/datasetloader.h>

#include "testsupport.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace snaption;
using namespace snaption::training;
using namespace snaption::test;

class TestDatasetLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString make(const QString &relative)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        return path;
    }
    void image(const QString &relative)
    {
        RgbImage pixels(16, 16);
        writeImage(pixels, make(relative).toStdString());
    }
    static int total(const Dataset &d) { return int(d.train.size() + d.validation.size() + d.test.size()); }

private Q_SLOTS:
    void flickr8kTokenFileWithSplits()
    {
        for (const char *name : {"a.jpg", "b.jpg", "c.jpg", "d.jpg"}) image(QStringLiteral("flickr/Images/") + QLatin1String(name));
        writeBytes(make(QStringLiteral("flickr/Flickr8k.token.txt")),
                   "a.jpg#0\tA dog runs .\na.jpg#1\tA dog is running .\na.jpg#2\tA dog runs .\n" // duplicate
                   "b.jpg#0\tTwo cats .\nb.jpg#1\t   \n"                                     // empty
                   "c.jpg#0\tA bird .\nd.jpg#0\tA fish .\nmissing.jpg#0\tNothing here .\n"
                   "garbage line without separator\n");
        writeBytes(make(QStringLiteral("flickr/Flickr_8k.trainImages.txt")), "a.jpg\nb.jpg\nmissing.jpg\n");
        writeBytes(make(QStringLiteral("flickr/Flickr_8k.devImages.txt")), "c.jpg\n");
        const std::string path = m_dir.filePath(QStringLiteral("flickr")).toStdString();
        QCOMPARE(DatasetLoader::detect(path), DatasetLoader::Format::Flickr8k);
        const Dataset dataset = DatasetLoader::load(path, {});
        QCOMPARE(dataset.train.size(), std::size_t(2));
        QCOMPARE(dataset.validation.size(), std::size_t(1));
        QCOMPARE(dataset.test.size(), std::size_t(0)); // d.jpg is on no list
        QCOMPARE(dataset.train.front().captions.size(), std::size_t(2));
        const ValidationReport &r = dataset.report;
        QCOMPARE(r.duplicateCaptions, 1);
        QCOMPARE(r.emptyCaptions, 1);
        QCOMPARE(r.missingImages, 1);
        QCOMPARE(r.malformedLines, 1);
        QCOMPARE(r.images, 3);
        QVERIFY(QString::fromStdString(r.summary()).contains(QLatin1String("1 missing images")));
        QCOMPARE(dataset.name, "Flickr8k (" + path + ")");
        // A captions file given by name (the German Flickr8k.de.token.txt) is what the name says.
        const std::string file = m_dir.filePath(QStringLiteral("flickr/Flickr8k.token.txt")).toStdString();
        QCOMPARE(DatasetLoader::load(file, {}).name, "Flickr8k (" + file + ")");
    }

    void kaggleCaptionsWithAndWithoutHeader_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("header") << QByteArray("image,caption\nx.jpg,A man, a plan and a canal .\nx.jpg,\"A quoted caption .\"\ny.jpg,A boat .\n");
        QTest::newRow("no header") << QByteArray("x.jpg,A man, a plan and a canal .\nx.jpg,\"A quoted caption .\"\ny.jpg,A boat .\n");
    }

    void kaggleCaptionsWithAndWithoutHeader()
    {
        QFETCH(QByteArray, content);
        const QString folder = QStringLiteral("kaggle-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        image(folder + QStringLiteral("/Images/x.jpg"));
        image(folder + QStringLiteral("/Images/y.jpg"));
        writeBytes(make(folder + QStringLiteral("/captions.txt")), content);
        const Dataset dataset = DatasetLoader::load(m_dir.filePath(folder).toStdString(), {});
        QCOMPARE(total(dataset), 2);
        const auto &all = dataset.train.size() ? dataset.train : dataset.validation;
        std::vector<std::string> captions;
        for (const auto *split : {&dataset.train, &dataset.validation, &dataset.test})
            for (const auto &record : *split)
                if (record.id == "x.jpg") captions = record.captions;
        QCOMPARE(captions, (std::vector<std::string>{"A man, a plan and a canal .", "A quoted caption ."}));
        Q_UNUSED(all);
        QCOMPARE(dataset.report.malformedLines, 0);
    }

    void cocoJson()
    {
        image(QStringLiteral("coco/images/1.jpg"));
        image(QStringLiteral("coco/images/2.jpg"));
        writeBytes(make(QStringLiteral("coco/captions.json")),
                   R"({"images": [{"id": 1, "file_name": "1.jpg"}, {"id": 2, "file_name": "2.jpg"}, {"id": "bad"}],
                       "annotations": [{"image_id": 1, "caption": "A red bus."}, {"image_id": 2, "caption": "A train."},
                                       {"image_id": 9, "caption": "Orphan."}, {"caption": "no id"}]})");
        const std::string path = m_dir.filePath(QStringLiteral("coco/captions.json")).toStdString();
        QCOMPARE(DatasetLoader::detect(path), DatasetLoader::Format::Coco);
        const Dataset dataset = DatasetLoader::load(path, {});
        QCOMPARE(total(dataset), 2);
        QCOMPARE(dataset.report.malformedLines, 3);
    }

    void karpathyJson()
    {
        image(QStringLiteral("karpathy/images/p.jpg"));
        image(QStringLiteral("karpathy/images/q.jpg"));
        image(QStringLiteral("karpathy/images/r.jpg"));
        writeBytes(make(QStringLiteral("karpathy/dataset_flickr8k.json")),
                   R"({"dataset": "flickr8k", "images": [
                       {"filename": "p.jpg", "split": "train", "sentences": [{"raw": "A cat."}, {"tokens": ["a", "black", "cat"]}]},
                       {"filename": "q.jpg", "split": "val", "sentences": [{"raw": "A dog."}]},
                       {"filename": "r.jpg", "split": "restval", "sentences": [{"raw": "A cow."}]}]})");
        const std::string path = m_dir.filePath(QStringLiteral("karpathy")).toStdString();
        QCOMPARE(DatasetLoader::detect(path), DatasetLoader::Format::Karpathy);
        const Dataset dataset = DatasetLoader::load(path, {});
        QCOMPARE(dataset.train.size(), std::size_t(2)); // restval trains
        QCOMPARE(dataset.validation.size(), std::size_t(1));
        QCOMPARE(dataset.train.front().captions.size(), std::size_t(2));
    }

    void folderWithSplitFoldersAndUnreadableImages()
    {
        image(QStringLiteral("folder/train/one.png"));
        writeBytes(make(QStringLiteral("folder/train/one.txt")), "first caption\nsecond caption\n");
        image(QStringLiteral("folder/train/nocaption.png"));
        writeBytes(make(QStringLiteral("folder/train/broken.png")), "not really a png");
        writeBytes(make(QStringLiteral("folder/train/broken.txt")), "a caption\n");
        image(QStringLiteral("folder/val/two.png"));
        writeBytes(make(QStringLiteral("folder/val/two.txt")), "third caption\n");
        DatasetLoader::Options options;
        options.verifyImages = true;
        options.maxCaptionWords = 1;
        const Dataset dataset = DatasetLoader::load(m_dir.filePath(QStringLiteral("folder")).toStdString(), options);
        QCOMPARE(dataset.train.size(), std::size_t(1));
        QCOMPARE(dataset.validation.size(), std::size_t(1));
        QCOMPARE(dataset.report.unreadableImages, 1);
        QCOMPARE(dataset.report.imagesWithoutCaptions, 1);
        QCOMPARE(dataset.report.overlongCaptions, 4); // counted when read, the unreadable image's too
    }

    void unusableDatasetsGetOneClearError()
    {
        writeBytes(make(QStringLiteral("empty/Flickr8k.token.txt")), "nothing.jpg#0\tA caption .\n");
        try {
            DatasetLoader::load(m_dir.filePath(QStringLiteral("empty")).toStdString(), {});
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadDataset);
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("no usable training images")), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, DatasetLoader::detect(m_dir.filePath(QStringLiteral("does-not-exist")).toStdString()));
        writeBytes(make(QStringLiteral("other.json")), "{\"something\": 1}");
        QVERIFY_THROWS_EXCEPTION(Error, DatasetLoader::detect(m_dir.filePath(QStringLiteral("other.json")).toStdString()));
        QVERIFY_THROWS_EXCEPTION(Error, DatasetLoader::formatFromName("imagenet"));
    }

    // A field of the wrong type is a bad record (it aborted train and eval with nlohmann's
    // type_error); a top-level list of the wrong type is a clear error.
    void wrongTypesAreBadRecords()
    {
        for (const char *name : {"p.jpg", "q.jpg"}) image(QStringLiteral("types/images/") + QLatin1String(name));
        writeBytes(make(QStringLiteral("types/karpathy.json")),
                   R"({"images": [
                       {"filename": "p.jpg", "split": "train", "sentences": [{"raw": "A cat."}]},
                       {"filename": "q.jpg", "split": 5, "sentences": [{"raw": "A dog."}]},
                       {"filename": "q.jpg", "filepath": 7, "sentences": [{"raw": "A dog."}]},
                       {"filename": "q.jpg", "sentences": "not a list"},
                       {"filename": 3, "sentences": []},
                       {"filename": "q.jpg", "split": "val", "sentences": [{"raw": 42}, {"raw": "A dog."}]}]})");
        const Dataset karpathy = DatasetLoader::load(m_dir.filePath(QStringLiteral("types/karpathy.json")).toStdString(), {});
        QCOMPARE(karpathy.train.size(), std::size_t(1));
        QCOMPARE(karpathy.validation.size(), std::size_t(1));
        QCOMPARE(karpathy.report.malformedLines, 5);

        writeBytes(make(QStringLiteral("types/coco.json")),
                   R"({"images": [{"id": 1, "file_name": "p.jpg"}, {"id": "2", "file_name": "q.jpg"}, {"id": 3, "file_name": ["q.jpg"]}],
                       "annotations": [{"image_id": 1, "caption": "A cat."}, {"image_id": 1, "caption": 5}, {"image_id": [1], "caption": "x"}, 7]})");
        const Dataset coco = DatasetLoader::load(m_dir.filePath(QStringLiteral("types/coco.json")).toStdString(), {});
        QCOMPARE(total(coco), 1);
        QCOMPARE(coco.report.malformedLines, 5);

        for (const char *json : {R"({"images": 5, "annotations": []})", R"({"images": {"a": 1}, "sentences": []})", R"([1, 2])"}) {
            writeBytes(make(QStringLiteral("types/top.json")), json);
            try {
                DatasetLoader::Options options;
                options.format = QByteArray(json).contains("annotations") ? DatasetLoader::Format::Coco : DatasetLoader::Format::Karpathy;
                DatasetLoader::load(m_dir.filePath(QStringLiteral("types/top.json")).toStdString(), options);
                QFAIL("accepted");
            } catch (const Error &error) {
                QCOMPARE(error.kind(), ErrorKind::BadDataset);
                const QString message = QString::fromStdString(error.what());
                QVERIFY2(message.contains(QLatin1String("is not a list")) || message.contains(QLatin1String("not a JSON object")), error.what());
            }
        }
    }

    // Image names in dataset files resolve inside the dataset's folder: an absolute name or one
    // that climbs out is refused, never opened (the loader used to open /etc/hostname).
    void imagePathsStayInsideTheDataset()
    {
        image(QStringLiteral("inside/Images/a.jpg"));
        image(QStringLiteral("inside/Images/p.jpg")); // a training image when split by name
        image(QStringLiteral("inside/Images/sub/b.jpg"));
        image(QStringLiteral("outside.jpg"));
        writeBytes(make(QStringLiteral("inside/Flickr8k.token.txt")),
                   "a.jpg#0\tA dog .\n/etc/hostname#0\tA host .\n../../outside.jpg#0\tOut .\nsub/../sub/b.jpg#0\tA bird .\n");
        writeBytes(make(QStringLiteral("inside/Flickr_8k.trainImages.txt")), "a.jpg\nsub/../sub/b.jpg\n/etc/passwd\n");
        const Dataset flickr = DatasetLoader::load(m_dir.filePath(QStringLiteral("inside")).toStdString(), {});
        QCOMPARE(flickr.report.refusedPaths, 3);
        QCOMPARE(flickr.report.images, 2);
        for (const auto *split : {&flickr.train, &flickr.validation, &flickr.test})
            for (const CaptionedImage &record : *split) {
                QVERIFY2(QString::fromStdString(record.imagePath).startsWith(m_dir.filePath(QStringLiteral("inside/Images"))), record.imagePath.c_str());
            }
        QVERIFY(QString::fromStdString(flickr.report.summary()).contains(QLatin1String("3 image paths outside the dataset folder")));

        writeBytes(make(QStringLiteral("inside/karpathy.json")),
                   R"({"images": [{"filename": "a.jpg", "split": "train", "sentences": [{"raw": "A dog."}]},
                                  {"filename": "outside.jpg", "filepath": "../..", "split": "train", "sentences": [{"raw": "Out."}]},
                                  {"filename": "/etc/hostname", "split": "train", "sentences": [{"raw": "Host."}]}]})");
        const Dataset karpathy = DatasetLoader::load(m_dir.filePath(QStringLiteral("inside/karpathy.json")).toStdString(), {});
        QCOMPARE(karpathy.report.refusedPaths, 2);
        QCOMPARE(karpathy.train.size(), std::size_t(1));

        writeBytes(make(QStringLiteral("inside/coco.json")),
                   R"({"images": [{"id": 1, "file_name": "p.jpg"}, {"id": 2, "file_name": "/etc/hostname"}, {"id": 3, "file_name": "../../outside.jpg"}],
                       "annotations": [{"image_id": 1, "caption": "A dog."}, {"image_id": 2, "caption": "Host."}, {"image_id": 3, "caption": "Out."}]})");
        const Dataset coco = DatasetLoader::load(m_dir.filePath(QStringLiteral("inside/coco.json")).toStdString(), {});
        QCOMPARE(coco.report.refusedPaths, 2);
        QCOMPARE(total(coco), 1);
    }

    // Scoring needs only the split it scores.
    void evaluationNeedsOnlyTheScoredSplit()
    {
        for (const char *name : {"t1.jpg", "t2.jpg"}) image(QStringLiteral("testonly/Images/") + QLatin1String(name));
        writeBytes(make(QStringLiteral("testonly/Flickr8k.token.txt")), "t1.jpg#0\tA cat .\nt2.jpg#0\tA dog .\n");
        writeBytes(make(QStringLiteral("testonly/Flickr_8k.testImages.txt")), "t1.jpg\nt2.jpg\n");
        const std::string path = m_dir.filePath(QStringLiteral("testonly")).toStdString();
        QVERIFY_THROWS_EXCEPTION(Error, DatasetLoader::load(path, {}));
        DatasetLoader::Options options;
        options.requiredSplit = "test";
        const Dataset dataset = DatasetLoader::load(path, options);
        QCOMPARE(dataset.test.size(), std::size_t(2));
        options.requiredSplit = "dev";
        try {
            DatasetLoader::load(path, options);
            QFAIL("accepted");
        } catch (const Error &error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("no usable dev images")), error.what());
        }
    }

    void syntheticNamesAndSizesAreChecked()
    {
        QVERIFY_THROWS_EXCEPTION(Error, DatasetLoader::load("synthetic:abc", {}));
        QVERIFY_THROWS_EXCEPTION(Error, DatasetLoader::load("synthetic:-1", {}));
        DatasetLoader::Options options;
        options.syntheticTrain = 100'000'000;
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(Error, DatasetLoader::load("synthetic", options));
        QVERIFY(timer.elapsed() < 1000); // refused before any scene is made
    }

    void syntheticByName()
    {
        DatasetLoader::Options options;
        options.syntheticTrain = 10;
        options.syntheticValidation = 3;
        options.syntheticTest = 2;
        const Dataset dataset = DatasetLoader::load("synthetic:4", options);
        QCOMPARE(dataset.syntheticSeed, std::uint64_t(4));
        QCOMPARE(dataset.source, std::string("synthetic:4"));
        QCOMPARE(total(dataset), 15);
        QVERIFY(dataset.isSynthetic());
    }
};

QTEST_GUILESS_MAIN(TestDatasetLoader)
#include "tst_datasetloader.moc"
