// The inference worker: its description of a model (where a trained model came from, in the
// user's language when the file says it in parts, else the file's own English words), and
// folders captioned in batches with their files read ahead.
#include <snaption/imagewriter.h>
#include <snaption/modelfactory.h>
#include <snaption/threading.h>
#include <snaption/widgets/captionworker.h>
#include <snaption/widgets/imageconversion.h>

#include "translators.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using snaption::widgets::CaptionJob;
using snaption::widgets::CaptionOutcome;
using snaption::widgets::CaptionWorker;

class TestCaptionWorker : public QObject {
    Q_OBJECT

private:
    const std::map<std::string, std::string> m_trained{{"source", "best epoch (5), trained on synthetic (1500 images, 5 epochs)"},
                                                       {"role", "best"},
                                                       {"dataset", "synthetic"},
                                                       {"train_images", "1500"},
                                                       {"epoch", "5"}};

    // A random model with MobileNetV2 and a small decoder, in `folder`.
    static std::string writeSmallModel(const QTemporaryDir &folder)
    {
        snaption::ModelConfig config;
        config.encoder.name = snaption::EncoderConfig::kMobileNetV2;
        config.decoder.layers = 2;
        config.decoder.dim = 64;
        config.decoder.heads = 4;
        config.decoder.feedForward = 128;
        config.decoder.contextLength = 10;
        const std::string model = folder.filePath(QStringLiteral("m.safetensors")).toStdString();
        snaption::ModelFactory::Options options;
        options.seed = 3;
        snaption::ModelFactory::createRandom(config, snaption::Vocabulary::fromCaptions({"a red ball on green grass", "two dogs play in the snow"}),
                                             model, options);
        return model;
    }

    // The jobs started before the first finished ("s<id>" and "f<id>" events in order): the first
    // batch.
    static int startedBeforeFirstFinished(const QStringList &events)
    {
        int count = 0;
        while (count < events.size() && events[count].startsWith(QLatin1Char('s'))) ++count;
        return count;
    }

private Q_SLOTS:
    void describesATrainedModelInTheUsersLanguage()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        {
            const snaption::Translators english{QLocale()}; // the English plural forms
            QCOMPARE(CaptionWorker::describeSource(m_trained), QStringLiteral("best epoch (5), trained on synthetic (1,500 images, 5 epochs)"));
        }
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const snaption::Translators german{QLocale()};
        QCOMPARE(CaptionWorker::describeSource(m_trained), QStringLiteral("beste Epoche (5), trainiert auf synthetic (1.500 Bilder, 5 Epochen)"));
        auto one = m_trained;
        one["role"] = "final";
        one["epoch"] = "1";
        QCOMPARE(CaptionWorker::describeSource(one), QStringLiteral("Endmodell, trainiert auf synthetic (1.500 Bilder, 1 Epoche)"));
        QLocale::setDefault(QLocale::c());
    }

    void otherModelsKeepTheirOwnWords()
    {
        QCOMPARE(CaptionWorker::describeSource({{"source", "imported from the seed project"}}), QStringLiteral("imported from the seed project"));
        auto odd = m_trained;
        odd["epoch"] = "five"; // not a number: not ours to rephrase
        QCOMPARE(CaptionWorker::describeSource(odd), QString::fromStdString(m_trained.at("source")));
        QCOMPARE(CaptionWorker::describeSource({}), QString());
    }

    // Twenty files queued at once (as a dropped folder is) come back in order, each with the
    // caption snaption-cli gives it (the pixels ImageLoader::loadForEncoder reads; for the large
    // JPEGs a DCT-reduced decode of its own), a thumbnail, and its display image when it is to be
    // shown; a broken file among them fails alone; pasted pixels keep working.
    void queuedFilesAreCaptionedInBatchesAsTheyAreAlone()
    {
        QTemporaryDir folder;
        const std::string model = writeSmallModel(folder);
        QStringList files;
        for (int i = 0; i < 20; ++i) {
            snaption::RgbImage image(120 + i, 90);
            for (std::size_t p = 0; p < image.pixels.size(); ++p) image.pixels[p] = std::uint8_t((p * (i + 3)) % 251);
            files << folder.filePath(QStringLiteral("%1.png").arg(i));
            snaption::writeImage(image, files.last().toStdString());
        }
        for (int i : {3, 12}) { // larger than the display size: read twice over
            snaption::RgbImage photo(2400 + i, 1800);
            for (std::size_t p = 0; p < photo.pixels.size(); ++p) photo.pixels[p] = std::uint8_t((p / 3 % 2400) * (i + 1) / 16 + p % 3 * 60);
            files[i] = folder.filePath(QStringLiteral("%1.jpg").arg(i));
            snaption::writeImage(photo, files[i].toStdString());
        }
        QFile broken(folder.filePath(QStringLiteral("broken.png")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("\x89PNG not really");
        broken.close();
        files.insert(7, broken.fileName());

        CaptionWorker worker;
        QSignalSpy loaded(&worker, &CaptionWorker::modelLoaded), finished(&worker, &CaptionWorker::finished), idle(&worker, &CaptionWorker::idle);
        QStringList events; // the first batch is all started before any of it finishes
        connect(&worker, &CaptionWorker::started, this, [&](int id) { events << QStringLiteral("s%1").arg(id); });
        connect(&worker, &CaptionWorker::finished, this, [&](const CaptionOutcome &o) { events << QStringLiteral("f%1").arg(o.id); });
        worker.loadModel(QString::fromStdString(model), 0);
        QCOMPARE(loaded.count(), 1);
        for (int i = 0; i < files.size(); ++i) {
            CaptionJob job{i, files[i], QImage(), snaption::DecodingOptions::beam(3), false};
            job.shown = i % 3 == 0; // the others get a thumbnail only
            worker.enqueue(job);
        }
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 60000);
        QCOMPARE(finished.count(), files.size());
        // The first batch waits for its first kWaitedImages files; the rest join if already read.
        const int firstBatchSize = startedBeforeFirstFinished(events);
        QVERIFY2(firstBatchSize >= CaptionWorker::kWaitedImages && firstBatchSize <= CaptionWorker::kBatchSize, qPrintable(events.join(QLatin1Char(' '))));
        QStringList firstBatch;
        for (int i = 0; i < firstBatchSize; ++i) firstBatch << QStringLiteral("s%1").arg(i);
        QVERIFY(CaptionWorker::kWaitedImages > 1);
        QCOMPARE(events.mid(0, firstBatchSize + 1), firstBatch << QStringLiteral("f0"));
        const snaption::Captioner alone(model);
        const snaption::ImageLoader loader;
        for (int i = 0; i < files.size(); ++i) {
            const auto outcome = finished.at(i).at(0).value<CaptionOutcome>();
            QCOMPARE(outcome.id, i);
            if (i == 7) {
                QVERIFY(!outcome.ok);
                QVERIFY2(outcome.error.contains(QStringLiteral("broken.png")), qPrintable(outcome.error));
                continue;
            }
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            const snaption::RgbImage shown = loader.load(files[i].toStdString(), CaptionOutcome::kDisplaySize);
            QCOMPARE(std::max(outcome.thumbnail.width(), outcome.thumbnail.height()), CaptionOutcome::kThumbnailSize);
            // The thumbnail is the one shrunk from the encoder's decode, and it owns its pixels (it
            // pointed into the freed image once the reader made it at exactly 96 px).
            const snaption::RgbImage small = loader.loadForEncoderAndFit(files[i].toStdString(), alone.info().config.encoder.inputSize, CaptionOutcome::kThumbnailSize).fitted;
            const QImage expectedThumbnail = snaption::widgets::ImageConversion::toQImage(small).scaled(
                CaptionOutcome::kThumbnailSize, CaptionOutcome::kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            QCOMPARE(outcome.thumbnail.convertToFormat(QImage::Format_RGB888), expectedThumbnail.convertToFormat(QImage::Format_RGB888));
            const double thumbnailAspect = double(outcome.thumbnail.width()) / outcome.thumbnail.height();
            QVERIFY2(std::abs(thumbnailAspect - double(shown.width) / shown.height) < 0.03, qPrintable(QString::number(thumbnailAspect)));
            QCOMPARE(bool(outcome.display), i % 3 == 0);
            if (outcome.display) {
                QCOMPARE(outcome.display->width, shown.width);
                QCOMPARE(outcome.display->height, shown.height);
                QVERIFY(outcome.display->pixels == shown.pixels);
            }
            const snaption::CaptionResult expected = alone.caption(loader.loadForEncoder(files[i].toStdString(), alone.info().config.encoder.inputSize));
            QCOMPARE(outcome.result.caption, expected.caption);
            QCOMPARE(outcome.result.probabilities.size(), expected.probabilities.size());
            for (std::size_t w = 0; w < expected.probabilities.size(); ++w)
                QVERIFY(std::abs(outcome.result.probabilities[w] - expected.probabilities[w]) < 1e-4);
        }
        QImage pasted(64, 48, QImage::Format_RGB888);
        pasted.fill(Qt::darkGreen);
        worker.enqueue(CaptionJob{99, QString(), pasted, snaption::DecodingOptions::greedy(), false});
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 2, 60000);
        const auto pastedOutcome = finished.last().at(0).value<CaptionOutcome>();
        QVERIFY(pastedOutcome.ok && pastedOutcome.display && pastedOutcome.display->width == 64);
        QCOMPARE(pastedOutcome.thumbnail.size(), QSize(96, 72));
    }

    // Camera photos are read more slowly than they are captioned: a batch waits for the reading of
    // its first kWaitedImages files at most, and past them takes only files already read, so the
    // first captions do not wait for a whole batch of photos to be decoded.
    void aBatchWaitsOnlyForItsFirstReads()
    {
        QTemporaryDir folder;
        const std::string model = writeSmallModel(folder);
        QStringList files;
        for (int i = 0; i < CaptionWorker::kWaitedImages; ++i) {
            snaption::RgbImage image(64, 48);
            for (std::size_t p = 0; p < image.pixels.size(); ++p) image.pixels[p] = std::uint8_t(p * (i + 5) % 251);
            files << folder.filePath(QStringLiteral("small-%1.png").arg(i));
            snaption::writeImage(image, files.last().toStdString());
        }
        // A 12-MP photo of noise takes ~50 ms to decode even at 1/8 scale (the entropy-coded data
        // is read whole); copies of it fill the rest of the batch and more.
        snaption::RgbImage photo(4000, 3000);
        std::uint32_t state = 1;
        for (std::uint8_t &value : photo.pixels) value = std::uint8_t((state = state * 1664525u + 1013904223u) >> 24);
        const QString large = folder.filePath(QStringLiteral("large.jpg"));
        snaption::writeImage(photo, large.toStdString());
        for (int i = 0; i < CaptionWorker::kBatchSize; ++i) {
            files << folder.filePath(QStringLiteral("large-%1.jpg").arg(i));
            QVERIFY(QFile::copy(large, files.last()));
        }

        CaptionWorker worker;
        QSignalSpy loaded(&worker, &CaptionWorker::modelLoaded), idle(&worker, &CaptionWorker::idle);
        QStringList events;
        connect(&worker, &CaptionWorker::started, this, [&](int id) { events << QStringLiteral("s%1").arg(id); });
        connect(&worker, &CaptionWorker::finished, this, [&](const CaptionOutcome &o) { events << QStringLiteral("f%1").arg(o.id); });
        worker.loadModel(QString::fromStdString(model), 0);
        QCOMPARE(loaded.count(), 1);
        for (int i = 0; i < files.size(); ++i) worker.enqueue(CaptionJob{i, files[i], QImage(), snaption::DecodingOptions::greedy(), false});
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 120000);
        // Waiting for the reads would have made a batch of kBatchSize; the photos behind the small
        // files were still being read when the batch was taken.
        const int firstBatchSize = startedBeforeFirstFinished(events);
        QVERIFY2(firstBatchSize >= CaptionWorker::kWaitedImages && firstBatchSize < CaptionWorker::kBatchSize, qPrintable(events.join(QLatin1Char(' '))));
        QCOMPARE(events.filter(QRegularExpression(QStringLiteral("^f"))).size(), files.size());
    }

    // A camera photo costs about as much to decode as to caption, and with one reader the model
    // waited for photos: files are read on every core, as snaption-cli reads them.
    void readsFilesOnEveryCore()
    {
        const CaptionWorker worker;
        QCOMPARE(worker.readerThreads(), snaption::physicalCoreCount());
    }
};

QTEST_GUILESS_MAIN(TestCaptionWorker)
#include "tst_captionworker.moc"
