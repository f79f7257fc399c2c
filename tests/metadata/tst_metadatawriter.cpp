// Captions written into photos, read back by exiftool: every field, every format, nothing else lost.
#include <snaption/metadata/metadatajournal.h>
#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/metadatawriter.h>

#include "taggedphotos.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>

using namespace snaption::metadata;
using namespace snaption::test;

namespace {

const char *kCaption = "a brown dog runs through the grass";

CaptionToWrite caption(const std::string &text = kCaption, const std::string &hash = "hash-1")
{
    CaptionToWrite caption;
    caption.text = text;
    caption.model = "flickr8k-test";
    caption.modelHash = hash;
    caption.score = -0.5;
    return caption;
}

struct stat statusOf(const QString &path)
{
    struct stat status {};
    ::stat(QFile::encodeName(path).constData(), &status);
    return status;
}

// The hidden temporary files a write may leave behind.
QStringList leftovers(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral(".*snaption-tmp*")}, QDir::Files | QDir::Hidden);
}

// Listing lines a caption write may change: the new XMP fields, Snaption's mark, the toolkit name.
QStringList withoutCaptionTags(QStringList lines)
{
    lines.removeIf([](const QString &line) {
        return line.startsWith(QLatin1String("[XMP-snaption]")) || line.startsWith(QLatin1String("[XMP-x] XMPToolkit")) ||
               line.contains(QLatin1String("Description")) || line.contains(QLatin1String("AltTextAccessibility")) ||
               line.contains(QLatin1String("ExtDescrAccessibility")) || line.contains(QLatin1String("Caption-Abstract")) ||
               line.startsWith(QLatin1String("[IPTC] CodedCharacterSet")) || line.startsWith(QLatin1String("[IPTC] ApplicationRecordVersion")) ||
               line.startsWith(QLatin1String("[File] CurrentIPTCDigest"));
    });
    return lines;
}

} // namespace

class TestMetadataWriter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TaggedPhotos> m_photos;

    QString taggedPhoto(const QString &extension) { return m_photos->next(extension); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString icc = m_dir.filePath(QStringLiteral("srgb.icc"));
        SNAPTION_REQUIRE_TAGGED_PHOTOS(icc);
        m_photos = std::make_unique<TaggedPhotos>(m_dir.path(), icc);
    }

    void roundTripIsReadByExiftool_data()
    {
        QTest::addColumn<QString>("extension");
        for (const char *extension : {"jpg", "png", "webp", "tif"}) QTest::newRow(extension) << QString::fromLatin1(extension);
    }

    void roundTripIsReadByExiftool()
    {
        QFETCH(QString, extension);
        const QString photo = taggedPhoto(extension);
        ::chmod(QFile::encodeName(photo).constData(), 0640);
        const QStringList listingBefore = exiftoolListing(photo);
        QVERIFY(listingBefore.join(QLatin1Char('\n')).contains(QLatin1String("ProfileDescription")));
        QVERIFY(listingBefore.join(QLatin1Char('\n')).contains(QLatin1String("GPSLatitude")));
        const auto pixelsBefore = decodedPixels(photo);
        const struct stat before = statusOf(photo);

        const WriteRecord record = MetadataWriter(WriteOptions()).write(photo.toStdString(), caption());
        QVERIFY2(record.status == WriteStatus::Written, record.detail.c_str());
        QCOMPARE(record.written, CaptionFields::defaults());

        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description")), QString::fromLatin1(kCaption));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description-en")), QString::fromLatin1(kCaption));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-iptcCore:AltTextAccessibility")), QString::fromLatin1(kCaption));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-iptcCore:AltTextAccessibility-en")), QString::fromLatin1(kCaption));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-snaption:Model")), QStringLiteral("flickr8k-test"));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-snaption:Edited")), QStringLiteral("False"));

        // Every other tag is still there, exactly; the pixels, the mode and the time too.
        const QStringList listingAfter = withoutCaptionTags(exiftoolListing(photo));
        QVERIFY2(listingAfter == withoutCaptionTags(listingBefore), qPrintable(listingDifference(withoutCaptionTags(listingBefore), listingAfter)));
        QVERIFY(decodedPixels(photo) == pixelsBefore);
        const struct stat after = statusOf(photo);
        QCOMPARE(after.st_mode, before.st_mode);
        QCOMPARE(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
        QCOMPARE(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
        QCOMPARE(std::uint64_t(after.st_ino), record.inode);
        QVERIFY(leftovers(m_dir.path()).isEmpty());

        const PhotoDescription read = MetadataReader::read(photo.toStdString());
        QVERIFY(read.isMachineMade(CaptionField::Description));
        QVERIFY(read.isMachineMade(CaptionField::AltText));
        QCOMPARE(read.mark->modelHash, std::string("hash-1"));
    }

    void everyFieldAndOtherAlphabets()
    {
        const QString photo = taggedPhoto(QStringLiteral("jpg"));
        const QStringList listingBefore = exiftoolListing(photo);
        WriteOptions options;
        options.fields = CaptionFields::all();
        CaptionToWrite german = caption("ein Hund läuft über die Wiese");
        german.language = "de";
        const WriteRecord record = MetadataWriter(options).write(photo.toStdString(), german);
        QVERIFY2(record.status == WriteStatus::Written, record.detail.c_str());
        const QString text = QString::fromUtf8(german.text.c_str());
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description-de")), text);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-iptcCore:ExtDescrAccessibility")), text);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("IFD0:ImageDescription")), text);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("IPTC:Caption-Abstract")), text);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("IPTC:Keywords")), QStringLiteral("dog, park"));
        const QStringList listingAfter = withoutCaptionTags(exiftoolListing(photo));
        QVERIFY2(listingAfter == withoutCaptionTags(listingBefore), qPrintable(listingDifference(withoutCaptionTags(listingBefore), listingAfter)));
    }

    void altTextIsCutAtAWordBoundary()
    {
        const QString photo = taggedPhoto(QStringLiteral("png"));
        std::string longCaption;
        while (longCaption.size() < 300) longCaption += "a dog catches a frisbee ";
        longCaption.pop_back();
        QVERIFY(MetadataWriter(WriteOptions()).write(photo.toStdString(), caption(longCaption)).status == WriteStatus::Written);
        const QString altText = exiftoolTag(photo, QStringLiteral("XMP-iptcCore:AltTextAccessibility"));
        QVERIFY(altText.size() <= 250);
        QVERIFY(altText.size() > 230);
        QVERIFY(QString::fromStdString(longCaption).startsWith(altText + QLatin1Char(' ')));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description")), QString::fromStdString(longCaption));
        QVERIFY(MetadataReader::read(photo.toStdString()).isMachineMade(CaptionField::AltText));
    }

    void aPersonsDescriptionIsKept()
    {
        const QString photo = taggedPhoto(QStringLiteral("jpg"));
        exiftool({QStringLiteral("-q"), QStringLiteral("-overwrite_original"), QStringLiteral("-XMP-dc:Description=Rex at the lake, 2019"), photo});
        WriteRecord record = MetadataWriter(WriteOptions()).write(photo.toStdString(), caption());
        QVERIFY(record.status == WriteStatus::Written);
        QCOMPARE(record.written, CaptionFields({CaptionField::AltText}));
        QCOMPARE(record.keptHuman, CaptionFields({CaptionField::Description}));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description")), QStringLiteral("Rex at the lake, 2019"));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-iptcCore:AltTextAccessibility")), QString::fromLatin1(kCaption));

        WriteOptions replaceSnaptions;
        replaceSnaptions.overwrite = OverwritePolicy::ReplaceMachineMade;
        record = MetadataWriter(replaceSnaptions).write(photo.toStdString(), caption("another caption", "hash-2"));
        QVERIFY(record.status == WriteStatus::Written); // Snaption's alt text is replaced, the person's words stay
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description")), QStringLiteral("Rex at the lake, 2019"));
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-iptcCore:AltTextAccessibility")), QStringLiteral("another caption"));

        // Only the person's field chosen: nothing to write.
        replaceSnaptions.fields = {CaptionField::Description};
        QVERIFY(MetadataWriter(replaceSnaptions).preview(photo.toStdString(), "hash-3").skip == SkipReason::DescribedByPerson);

        WriteOptions replaceAll = replaceSnaptions;
        replaceAll.overwrite = OverwritePolicy::ReplaceAll;
        record = MetadataWriter(replaceAll).write(photo.toStdString(), caption("a third caption", "hash-3"));
        QVERIFY(record.status == WriteStatus::Written);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description")), QStringLiteral("a third caption"));
        // Snaption's earlier alt text goes with it: one mark speaks for every machine-made field.
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-iptcCore:AltTextAccessibility")), QStringLiteral("a third caption"));
    }

    void snaptionsOwnCaptionIsSkippedReplacedOrLeftToThisModel()
    {
        const QString photo = taggedPhoto(QStringLiteral("webp"));
        const std::string path = photo.toStdString();
        QVERIFY(MetadataWriter(WriteOptions()).write(path, caption()).status == WriteStatus::Written);
        WriteRecord again = MetadataWriter(WriteOptions()).write(path, caption("something else"));
        QVERIFY(again.status == WriteStatus::Skipped);
        QVERIFY(again.skip == SkipReason::DescribedBySnaption);

        WriteOptions overwrite;
        overwrite.overwrite = OverwritePolicy::ReplaceMachineMade;
        QVERIFY(MetadataWriter(overwrite).preview(path, "hash-1").skip == SkipReason::CaptionedByThisModel);
        CaptionToWrite corrected = caption("a brown dog runs across a meadow", "hash-2");
        corrected.edited = true;
        QVERIFY(MetadataWriter(overwrite).write(path, corrected).status == WriteStatus::Written);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-snaption:Edited")), QStringLiteral("True"));
        // A caption a person corrected counts as theirs.
        again = MetadataWriter(overwrite).write(path, caption("a dog", "hash-3"));
        QVERIFY(again.skip == SkipReason::DescribedByPerson);
        // And --skip-described leaves any described photo alone.
        WriteOptions skipDescribed;
        skipDescribed.skipDescribed = true;
        QVERIFY(MetadataWriter(skipDescribed).preview(path, "hash-3").skip == SkipReason::AlreadyDescribed);
    }

    void sidecarsLeaveThePhotoUntouched_data()
    {
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("sidecarName");
        QTest::newRow("photo.jpg.xmp") << int(SidecarName::AppendXmp) << QStringLiteral("%1.jpg.xmp");
        QTest::newRow("photo.xmp") << int(SidecarName::ReplaceExtension) << QStringLiteral("%1.xmp");
    }

    void sidecarsLeaveThePhotoUntouched()
    {
        QFETCH(int, style);
        QFETCH(QString, sidecarName);
        const QString photo = taggedPhoto(QStringLiteral("jpg"));
        const QByteArray bytes = readBytes(photo);
        WriteOptions options;
        options.sidecar = true;
        options.sidecarName = SidecarName(style);
        const WriteRecord record = MetadataWriter(options).write(photo.toStdString(), caption());
        QVERIFY2(record.status == WriteStatus::Written, record.detail.c_str());
        QVERIFY(record.sidecarCreated);
        QCOMPARE(readBytes(photo), bytes);
        const QFileInfo info(photo);
        const QString sidecar = info.dir().filePath(sidecarName.arg(info.completeBaseName()));
        QCOMPARE(QString::fromStdString(record.target), sidecar);
        QCOMPARE(exiftoolTag(sidecar, QStringLiteral("XMP-dc:Description")), QString::fromLatin1(kCaption));
        QCOMPARE(exiftoolTag(sidecar, QStringLiteral("XMP-iptcCore:AltTextAccessibility")), QString::fromLatin1(kCaption));
        QCOMPARE(MetadataReader::read(photo.toStdString()).text(CaptionField::Description), std::string(kCaption));

        options.fields = CaptionFields::all();
        QVERIFY(!MetadataWriter::validate(options).empty());
    }

    void eachBadFileFailsAloneAndStaysAsItWas()
    {
        const QString readOnly = taggedPhoto(QStringLiteral("jpg"));
        ::chmod(QFile::encodeName(readOnly).constData(), 0444);
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.jpg"));
        // A JPEG whose first segment claims more bytes than the file has.
        writeBytes(corrupt, QByteArray::fromHex("ffd8ffe1fff0457869660000") + QByteArray(40, 'x'));
        const QString missing = m_dir.filePath(QStringLiteral("missing.jpg"));
        const QString good = taggedPhoto(QStringLiteral("jpg"));
        const QByteArray readOnlyBytes = readBytes(readOnly), corruptBytes = readBytes(corrupt);

        const MetadataWriter writer{WriteOptions()};
        const WriteRecord a = writer.write(readOnly.toStdString(), caption());
        const WriteRecord b = writer.write(corrupt.toStdString(), caption());
        const WriteRecord c = writer.write(missing.toStdString(), caption());
        const WriteRecord d = writer.write(good.toStdString(), caption());
        QVERIFY(a.problem == MetadataProblem::ReadOnly);
        QVERIFY(b.problem == MetadataProblem::Corrupt);
        QVERIFY(c.problem == MetadataProblem::Missing);
        for (const WriteRecord *failed : {&a, &b, &c}) {
            QVERIFY(failed->status == WriteStatus::Failed);
            QVERIFY2(failed->detail.find(failed->file) != std::string::npos, failed->detail.c_str()); // names the file
        }
        QVERIFY(d.status == WriteStatus::Written);
        QCOMPARE(readBytes(readOnly), readOnlyBytes);
        QCOMPARE(readBytes(corrupt), corruptBytes);
        QVERIFY(!QFile::exists(missing));
        QVERIFY(leftovers(m_dir.path()).isEmpty());
    }

    void aFullDiskFailsAndLeavesThePhoto()
    {
        QTemporaryDir mountPoint;
        const QByteArray where = QFile::encodeName(mountPoint.path());
        const bool mounted = ::mount("tmpfs", where.constData(), "tmpfs", 0, "size=1m") == 0;
        const QString photo = mounted ? mountPoint.filePath(QStringLiteral("photo.jpg")) : m_dir.filePath(QStringLiteral("full.jpg"));
        QVERIFY(makeTaggedPhoto(photo, m_photos->iccProfile()).isEmpty());
        const QByteArray bytes = readBytes(photo);
        struct rlimit oldLimit {};
        if (mounted) {
            // Fill what is left of the small file system.
            QFile filler(mountPoint.filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'f');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
        } else {
            // No permission to mount: the same failure injected, a file size limit below the photo.
            qInfo("no tmpfs (not permitted here): limiting the file size instead");
            std::signal(SIGXFSZ, SIG_IGN);
            ::getrlimit(RLIMIT_FSIZE, &oldLimit);
            struct rlimit small = oldLimit;
            small.rlim_cur = rlim_t(bytes.size() / 2);
            ::setrlimit(RLIMIT_FSIZE, &small);
        }
        const WriteRecord record = MetadataWriter(WriteOptions()).write(photo.toStdString(), caption());
        if (!mounted) ::setrlimit(RLIMIT_FSIZE, &oldLimit);
        const QString folder = QFileInfo(photo).path();
        const QByteArray after = readBytes(photo);
        const QStringList left = leftovers(folder);
        if (mounted) ::umount(where.constData());
        QVERIFY(record.status == WriteStatus::Failed);
        QVERIFY2(record.problem == MetadataProblem::NoSpace, record.detail.c_str());
        QVERIFY(record.detail.find("No space") != std::string::npos || record.detail.find("too large") != std::string::npos);
        QCOMPARE(after, bytes);
        QVERIFY(left.isEmpty());
    }

    void theJournalHoldsTheRecordBeforeThePhotoChanges()
    {
        const QString photo = taggedPhoto(QStringLiteral("jpg"));
        const QString journalPath = m_dir.filePath(QStringLiteral("journal.jsonl"));
        {
            MetadataJournal journal(journalPath.toStdString());
            QVERIFY_THROWS_EXCEPTION(MetadataError, MetadataJournal second(journalPath.toStdString()));
            const MetadataWriter writer(WriteOptions(), &journal);
            QVERIFY(writer.write(photo.toStdString(), caption()).status == WriteStatus::Written);
            QVERIFY(writer.write(photo.toStdString(), caption()).status == WriteStatus::Skipped);
        }
        const JournalContents contents = MetadataJournal::read(journalPath.toStdString());
        QCOMPARE(contents.records.size(), std::size_t(2));
        QCOMPARE(contents.malformedLines, 0);
        const WriteRecord &written = contents.records[0];
        QVERIFY(written.status == WriteStatus::Written);
        QCOMPARE(written.after.text(CaptionField::Description), std::string(kCaption));
        QVERIFY(!written.before.holds(CaptionField::Description));
        QVERIFY(written.stored.hasXmp); // exiftool gave it dc:subject
        QCOMPARE(contents.landed().count(photo.toStdString()), std::size_t(1));
        QVERIFY(contents.records[1].skip == SkipReason::DescribedBySnaption);
    }
};

QTEST_GUILESS_MAIN(TestMetadataWriter)
#include "tst_metadatawriter.moc"
