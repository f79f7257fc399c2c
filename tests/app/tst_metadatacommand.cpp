// snaption-cli caption --write-metadata and snaption-cli metadata, as an archivist runs them: killed
// and started again, undone, with exiftool as the judge.
#include <snaption/metadata/metadatajournal.h>

#include "taggedphotos.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

#include <sys/file.h>

#include <csignal>
#include <map>

using namespace snaption::test;
using namespace snaption::metadata;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment cliEnvironment(const QString &dataHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome); // default journals stay in the test's folder
    return environment;
}

int lineCount(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
}

QStringList temporaryFiles(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral(".*snaption-tmp*")}, QDir::Files | QDir::Hidden);
}

// The value of one "[Group] Tag : value" line of a listing.
QString listed(const QStringList &listing, const QString &groupAndTag)
{
    for (const QString &line : listing)
        if (line.startsWith(groupAndTag + QLatin1String(" : "))) return line.mid(groupAndTag.size() + 3);
    return {};
}

} // namespace

class TestMetadataCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_icc;
    int m_folders = 0;

    Run cli(const QStringList &arguments, const QString &workingFolder = QString()) const
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment(m_dir.path()));
        if (!workingFolder.isEmpty()) process.setWorkingDirectory(workingFolder);
        process.start(QStringLiteral(SNAPTION_CLI), arguments);
        if (!process.waitForFinished(600'000)) qFatal("snaption-cli did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    QStringList captionArguments(const QString &folder, const QString &journal, const QStringList &more = {}) const
    {
        return QStringList{QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--write-metadata"),
                           QStringLiteral("description,alt-text"), QStringLiteral("--journal"), journal}
               + more + QStringList{folder};
    }

    QString photoFolder(int photos)
    {
        const QString folder = m_dir.filePath(QStringLiteral("photos%1").arg(++m_folders));
        QDir().mkpath(folder);
        const QString problem = makeTaggedPhotos(folder, photos, m_icc);
        if (!problem.isEmpty()) qFatal("%s", qPrintable(problem));
        return folder;
    }

    // Starts a run and kills it (SIGKILL) once its journal holds `records` lines.
    void killAfter(const QString &folder, const QString &journal, int records)
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment(m_dir.path()));
        process.start(QStringLiteral(SNAPTION_CLI), captionArguments(folder, journal));
        QVERIFY(process.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        while (lineCount(journal) < records && process.state() == QProcess::Running && clock.elapsed() < 300'000) QThread::usleep(2000);
        QVERIFY2(process.state() == QProcess::Running, "the run ended before it could be killed");
        ::kill(pid_t(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_icc = m_dir.filePath(QStringLiteral("srgb.icc"));
        SNAPTION_REQUIRE_TAGGED_PHOTOS(m_icc);
        writeBytes(m_dir.filePath(QStringLiteral("captions.txt")), "A dog runs on the grass.\nTwo cats sleep on a red sofa.\n");
        m_model = m_dir.filePath(QStringLiteral("model.safetensors"));
        const Run init = cli({QStringLiteral("init-model"), QStringLiteral("--encoder"), QStringLiteral("mobilenet_v2"), QStringLiteral("--layers"),
                              QStringLiteral("1"), QStringLiteral("--dim"), QStringLiteral("32"), QStringLiteral("--heads"), QStringLiteral("2"),
                              QStringLiteral("--ff"), QStringLiteral("64"), QStringLiteral("--vocab-from-captions"),
                              m_dir.filePath(QStringLiteral("captions.txt")), QStringLiteral("--out"), m_model});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void killedRunsCarryOnAndRestoreGivesBackEveryPhoto()
    {
        constexpr int kPhotos = 300;
        const QString folder = photoFolder(kPhotos);
        const QMap<QString, QStringList> originals = exiftoolListings(folder);
        QCOMPARE(originals.size(), kPhotos);
        std::map<QString, std::vector<std::uint8_t>> pixels;
        for (const QString &name : originals.keys()) pixels[name] = decodedPixels(folder + QLatin1Char('/') + name);
        const QString journal = m_dir.filePath(QStringLiteral("archive.jsonl"));

        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        const int firstKill = random.bounded(10, 120), secondKill = random.bounded(150, 260);
        qInfo("killing after %d and %d journal records (seed %u)", firstKill, secondKill, seed);
        killAfter(folder, journal, firstKill);
        killAfter(folder, journal, secondKill);
        const Run last = cli(captionArguments(folder, journal));
        QVERIFY2(last.exitCode == 0, qPrintable(last.err));
        QVERIFY2(last.err.contains(QLatin1String("Carrying on")), qPrintable(last.err));
        QVERIFY(lines(last.out) < kPhotos - secondKill + 8); // only what was left was captioned
        QVERIFY(temporaryFiles(folder).isEmpty());

        // Every photo holds exactly one caption, the one its last journal record wrote, and still
        // decodes to the same pixels.
        const JournalContents contents = MetadataJournal::read(journal.toStdString());
        QVERIFY(contents.malformedLines <= 2); // at most the torn last line of each kill
        const auto landed = contents.landed();
        QCOMPARE(int(landed.size()), kPhotos);
        std::map<std::string, std::vector<const WriteRecord *>> written;
        for (const WriteRecord &record : contents.records)
            if (record.status == WriteStatus::Written) written[record.file].push_back(&record);
        const QMap<QString, QStringList> listings = exiftoolListings(folder);
        for (const QString &name : originals.keys()) {
            const std::string path = (folder + QLatin1Char('/') + name).toStdString();
            const auto &records = written[path];
            QVERIFY2(!records.empty() && records.size() <= 2, qPrintable(name)); // two only when killed between record and rename
            const QString caption = listed(listings[name], QStringLiteral("[XMP-dc] Description"));
            QVERIFY2(!caption.isEmpty(), qPrintable(name));
            QCOMPARE(listed(listings[name], QStringLiteral("[XMP-snaption] Caption")), caption);
            QCOMPARE(QString::fromStdString(records.back()->after.text(CaptionField::Description)), caption);
            QVERIFY2(decodedPixels(QString::fromStdString(path)) == pixels[name], qPrintable(name));
        }

        const Run restore = cli({QStringLiteral("metadata"), QStringLiteral("restore"), journal});
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
        QVERIFY2(restore.out.contains(QStringLiteral("Restored %1 file(s)").arg(kPhotos)), qPrintable(restore.out));
        const QMap<QString, QStringList> restored = exiftoolListings(folder);
        for (const QString &name : originals.keys())
            QVERIFY2(restored[name] == originals[name], qPrintable(name + QLatin1Char('\n') + listingDifference(originals[name], restored[name])));
    }

    void showSaysWhatCameFromSnaption()
    {
        const QString folder = photoFolder(2);
        const QString person = folder + QStringLiteral("/photo000.jpg");
        exiftool({QStringLiteral("-q"), QStringLiteral("-overwrite_original"), QStringLiteral("-XMP-dc:Description=Rex at the lake"), person});
        const Run run = cli(captionArguments(folder, m_dir.filePath(QStringLiteral("show.jsonl"))));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(exiftoolTag(person, QStringLiteral("XMP-dc:Description")), QStringLiteral("Rex at the lake"));

        const Run show = cli({QStringLiteral("metadata"), QStringLiteral("show"), person});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QVERIFY2(show.out.contains(QLatin1String("description: Rex at the lake\n")), qPrintable(show.out));
        QVERIFY2(show.out.contains(QLatin1String(" [Snaption]\n")), qPrintable(show.out)); // the alt text
        QVERIFY(show.out.contains(QLatin1String("Snaption: model model")));
        const Run json = cli({QStringLiteral("metadata"), QStringLiteral("show"), QStringLiteral("--json"), person});
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object.value(QLatin1String("from_snaption")).toArray(), QJsonArray{QStringLiteral("alt-text")});
        QCOMPARE(object.value(QLatin1String("description")).toObject().value(QLatin1String("x-default")).toString(), QStringLiteral("Rex at the lake"));

        // A person's description is replaced only when asked.
        const Run overwrite = cli(captionArguments(folder, m_dir.filePath(QStringLiteral("show2.jsonl")), {QStringLiteral("--overwrite")}));
        QVERIFY(overwrite.err.contains(QLatin1String("skipped, captioned by this model already: 2")));
        QCOMPARE(exiftoolTag(person, QStringLiteral("XMP-dc:Description")), QStringLiteral("Rex at the lake"));
    }

    void sidecarsAndSkippingDescribedPhotos()
    {
        const QString folder = photoFolder(3);
        const QString described = folder + QStringLiteral("/photo001.jpg");
        exiftool({QStringLiteral("-q"), QStringLiteral("-overwrite_original"), QStringLiteral("-XMP-dc:Description=Rex"), described});
        const QByteArray before = readBytes(folder + QStringLiteral("/photo000.jpg"));
        const QString journal = m_dir.filePath(QStringLiteral("sidecar.jsonl"));
        const Run run = cli(captionArguments(folder, journal, {QStringLiteral("--sidecar"), QStringLiteral("--skip-described")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(lines(run.out), 2); // the described photo was not even captioned
        QVERIFY(run.err.contains(QLatin1String("skipped, described already: 1")));
        QCOMPARE(readBytes(folder + QStringLiteral("/photo000.jpg")), before);
        QVERIFY(QFile::exists(folder + QStringLiteral("/photo000.jpg.xmp")));
        QVERIFY(!QFile::exists(described + QStringLiteral(".xmp")));
        QVERIFY(!exiftoolTag(folder + QStringLiteral("/photo000.jpg.xmp"), QStringLiteral("XMP-dc:Description")).isEmpty());
        QVERIFY(cli({QStringLiteral("metadata"), QStringLiteral("restore"), journal}).exitCode == 0);
        QVERIFY(!QFile::exists(folder + QStringLiteral("/photo000.jpg.xmp")));
    }

    void aRunGivenRelativePathsIsUndoneFromAnyFolder()
    {
        const QString folder = photoFolder(2);
        const QFileInfo info(folder);
        const QString journal = m_dir.filePath(QStringLiteral("relative.jsonl"));
        const Run run = cli(captionArguments(info.fileName(), journal), info.path()); // "photosN", from its parent
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!exiftoolTag(folder + QStringLiteral("/photo000.jpg"), QStringLiteral("XMP-dc:Description")).isEmpty());
        const Run restore = cli({QStringLiteral("metadata"), QStringLiteral("restore"), journal}, QDir::rootPath());
        QVERIFY2(restore.out.contains(QLatin1String("Restored 2 file(s)")), qPrintable(restore.out + restore.err));
        QVERIFY(exiftoolTag(folder + QStringLiteral("/photo000.jpg"), QStringLiteral("XMP-dc:Description")).isEmpty());
    }

    // Shares of one collection (caption --shard, as a job array runs them) each keep a default
    // journal of their own, and the journals concatenated restore every photo.
    void shardsKeepJournalsThatConcatenate()
    {
        const QString folder = photoFolder(6);
        const QString journals = m_dir.filePath(QStringLiteral("snaption/journals"));
        const QStringList before = QDir(journals).entryList(QDir::Files);
        QProcess first, second;
        for (QProcess *process : {&first, &second}) {
            process->setProcessEnvironment(cliEnvironment(m_dir.path()));
            process->start(QStringLiteral(SNAPTION_CLI), {QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--write-metadata"),
                                                          QStringLiteral("description"), QStringLiteral("--shard"),
                                                          process == &first ? QStringLiteral("0/2") : QStringLiteral("1/2"), folder});
        }
        for (QProcess *process : {&first, &second}) {
            QVERIFY(process->waitForFinished(300'000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData()); // not "another run is writing to the journal"
        }
        QStringList added = QDir(journals).entryList(QDir::Files);
        for (const QString &name : before) added.removeAll(name);
        QCOMPARE(added.size(), 2);
        QFile combined(m_dir.filePath(QStringLiteral("shards.jsonl")));
        QVERIFY(combined.open(QIODevice::WriteOnly));
        for (const QString &name : added) {
            QFile part(journals + QLatin1Char('/') + name);
            QVERIFY(part.open(QIODevice::ReadOnly));
            combined.write(part.readAll());
        }
        combined.close();
        for (int i = 0; i < 6; ++i)
            QVERIFY(!exiftoolTag(folder + QStringLiteral("/photo%1.jpg").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("XMP-dc:Description")).isEmpty());
        const Run restore = cli({QStringLiteral("metadata"), QStringLiteral("restore"), combined.fileName()});
        QVERIFY2(restore.out.contains(QLatin1String("Restored 6 file(s)")), qPrintable(restore.out + restore.err));
        for (int i = 0; i < 6; ++i)
            QVERIFY(exiftoolTag(folder + QStringLiteral("/photo%1.jpg").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("XMP-dc:Description")).isEmpty());
    }

    // A German model's caption goes into the photo in German, tagged as German: exiftool reads it
    // as the description's "de" entry (xml:lang="de") beside x-default, with no English entry.
    void aGermanModelsCaptionIsTaggedGerman()
    {
        writeBytes(m_dir.filePath(QStringLiteral("de.txt")), "Ein Hund rennt über die Wiese.\nZwei Katzen schlafen auf dem roten Sofa.\n");
        const QString german = m_dir.filePath(QStringLiteral("german.safetensors"));
        const Run init = cli({QStringLiteral("init-model"), QStringLiteral("--encoder"), QStringLiteral("mobilenet_v2"), QStringLiteral("--layers"),
                              QStringLiteral("1"), QStringLiteral("--dim"), QStringLiteral("32"), QStringLiteral("--heads"), QStringLiteral("2"),
                              QStringLiteral("--ff"), QStringLiteral("64"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--language"),
                              QStringLiteral("de"), QStringLiteral("--vocab-from-captions"), m_dir.filePath(QStringLiteral("de.txt")),
                              QStringLiteral("--out"), german});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const QString folder = photoFolder(1);
        const QString photo = folder + QStringLiteral("/photo000.jpg");
        const Run run = cli({QStringLiteral("caption"), QStringLiteral("--model"), german, QStringLiteral("--write-metadata"), QStringLiteral("description"),
                             QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("german.jsonl")), photo});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString caption = run.out.section(QLatin1Char('\t'), -1).trimmed();
        QVERIFY2(caption.endsWith(QLatin1Char('.')), qPrintable(run.out));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description-de")), caption);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description")), caption);
        QVERIFY(exiftoolTag(photo, QStringLiteral("XMP-dc:Description-en")).isEmpty());
        // --language still decides when given.
        const QString other = photoFolder(1) + QStringLiteral("/photo000.jpg");
        const Run tagged = cli({QStringLiteral("caption"), QStringLiteral("--model"), german, QStringLiteral("--write-metadata"), QStringLiteral("description"),
                                QStringLiteral("--language"), QStringLiteral("de-AT"), QStringLiteral("--journal"),
                                m_dir.filePath(QStringLiteral("german2.jsonl")), other});
        QVERIFY2(tagged.exitCode == 0, qPrintable(tagged.err));
        QCOMPARE(exiftoolTag(other, QStringLiteral("XMP-dc:Description-de-AT")), caption);
    }

    void usageErrorsAndASecondRunAreRefused()
    {
        const QString folder = photoFolder(1);
        const QString journal = m_dir.filePath(QStringLiteral("busy.jsonl"));
        QCOMPARE(cli({QStringLiteral("caption"), QStringLiteral("--model"), m_model, QStringLiteral("--write-metadata"), QStringLiteral("caption"), folder}).exitCode, 2);
        QCOMPARE(cli(captionArguments(folder, journal, {QStringLiteral("--sidecar"), QStringLiteral("--write-metadata"), QStringLiteral("exif")})).exitCode, 2);
        QCOMPARE(cli(captionArguments(folder, journal, {QStringLiteral("--skip-described"), QStringLiteral("--overwrite")})).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("metadata"), QStringLiteral("frobnicate")}).exitCode, 2);
        const QString mistyped = m_dir.filePath(QStringLiteral("no-such-journal.jsonl"));
        const Run missing = cli({QStringLiteral("metadata"), QStringLiteral("restore"), mistyped});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("no-such-journal.jsonl")), qPrintable(missing.err));
        QVERIFY(!QFile::exists(mistyped));

        QFile held(journal);
        QVERIFY(held.open(QIODevice::WriteOnly));
        QCOMPARE(::flock(held.handle(), LOCK_EX | LOCK_NB), 0); // as a run in progress holds it
        const Run refused = cli(captionArguments(folder, journal));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("another run is using the journal")), qPrintable(refused.err));
        QVERIFY(exiftoolTag(folder + QStringLiteral("/photo000.jpg"), QStringLiteral("XMP-dc:Description")).isEmpty());
    }

private:
    static int lines(const QString &text) { return int(text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size()); }
};

QTEST_GUILESS_MAIN(TestMetadataCommand)
#include "tst_metadatacommand.moc"
