// Undo: a journal's restore gives back files that exiftool lists exactly as before the write.
#include <snaption/metadata/metadatajournal.h>
#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/metadatarestorer.h>
#include <snaption/metadata/metadatawriter.h>

#include "taggedphotos.h"
#include "testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace snaption::metadata;
using namespace snaption::test;

namespace {

CaptionToWrite caption(const std::string &text, const std::string &hash = "hash-1")
{
    CaptionToWrite caption;
    caption.text = text;
    caption.model = "flickr8k-test";
    caption.modelHash = hash;
    return caption;
}

// Restores a journal's records, newest first.
std::vector<RestoreOutcome> restoreAll(const QString &journal)
{
    const JournalContents contents = MetadataJournal::read(journal.toStdString());
    std::vector<RestoreOutcome> outcomes;
    for (const WriteRecord *record : MetadataRestorer::undoOrder(contents.records)) outcomes.push_back(MetadataRestorer::restore(*record));
    return outcomes;
}

} // namespace

class TestMetadataRestorer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TaggedPhotos> m_photos;
    int m_files = 0;

    QString taggedPhoto(const QString &extension) { return m_photos->next(extension); }
    QString newJournal() { return m_dir.filePath(QStringLiteral("journal%1.jsonl").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString icc = m_dir.filePath(QStringLiteral("srgb.icc"));
        SNAPTION_REQUIRE_TAGGED_PHOTOS(icc);
        m_photos = std::make_unique<TaggedPhotos>(m_dir.path(), icc);
    }

    void restoreGivesBackTheOriginalListing_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("fields");
        for (const char *extension : {"jpg", "png", "webp", "tif"})
            QTest::newRow(extension) << QString::fromLatin1(extension) << QStringLiteral("description,alt-text");
        QTest::newRow("jpg, every field") << QStringLiteral("jpg") << QStringLiteral("description,alt-text,extended,exif,iptc");
        QTest::newRow("tif, every field") << QStringLiteral("tif") << QStringLiteral("description,alt-text,extended,exif,iptc");
    }

    void restoreGivesBackTheOriginalListing()
    {
        QFETCH(QString, extension);
        QFETCH(QString, fields);
        const QString photo = taggedPhoto(extension);
        const QStringList original = exiftoolListing(photo);
        const auto pixels = decodedPixels(photo);
        const QString journalPath = newJournal();
        {
            MetadataJournal journal(journalPath.toStdString());
            WriteOptions options;
            options.fields = *CaptionFields::parse(fields.toStdString());
            QVERIFY(MetadataWriter(options, &journal).write(photo.toStdString(), caption("ein Hund läuft über die Wiese")).status == WriteStatus::Written);
            // A later run with another model replaces Snaption's caption: undo takes back both.
            options.overwrite = OverwritePolicy::ReplaceMachineMade;
            QVERIFY(MetadataWriter(options, &journal).write(photo.toStdString(), caption("a dog runs", "hash-2")).status == WriteStatus::Written);
        }
        QVERIFY(exiftoolListing(photo) != original);
        const auto outcomes = restoreAll(journalPath);
        QCOMPARE(outcomes.size(), std::size_t(2));
        for (const RestoreOutcome &outcome : outcomes) QVERIFY2(outcome.status == RestoreStatus::Restored, outcome.detail.c_str());
        const QStringList restored = exiftoolListing(photo);
        QVERIFY2(restored == original, qPrintable(listingDifference(original, restored)));
        QVERIFY(decodedPixels(photo) == pixels);
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral(".*snaption-tmp*")}, QDir::Files | QDir::Hidden).isEmpty());
    }

    void aSidecarSnaptionCreatedIsRemoved()
    {
        const QString photo = taggedPhoto(QStringLiteral("jpg"));
        const QString journalPath = newJournal();
        WriteOptions options;
        options.sidecar = true;
        std::string sidecar;
        {
            MetadataJournal journal(journalPath.toStdString());
            const WriteRecord record = MetadataWriter(options, &journal).write(photo.toStdString(), caption("a dog"));
            QVERIFY(record.status == WriteStatus::Written);
            sidecar = record.target;
        }
        QVERIFY(QFile::exists(QString::fromStdString(sidecar)));
        const auto outcomes = restoreAll(journalPath);
        QVERIFY(outcomes.at(0).status == RestoreStatus::Restored);
        QVERIFY(!QFile::exists(QString::fromStdString(sidecar)));
    }

    void aFileChangedSinceIsLeftAlone()
    {
        const QString photo = taggedPhoto(QStringLiteral("jpg"));
        const QString journalPath = newJournal();
        {
            MetadataJournal journal(journalPath.toStdString());
            QVERIFY(MetadataWriter(WriteOptions(), &journal).write(photo.toStdString(), caption("a dog")).status == WriteStatus::Written);
        }
        // A person re-captions it in another program, which drops Snaption's mark.
        exiftool({QStringLiteral("-q"), QStringLiteral("-overwrite_original"), QStringLiteral("-XMP-snaption:all="),
                  QStringLiteral("-XMP-dc:Description=Rex"), photo});
        const auto outcomes = restoreAll(journalPath);
        QVERIFY(outcomes.at(0).status == RestoreStatus::NotWritten || outcomes.at(0).status == RestoreStatus::Changed);
        QCOMPARE(exiftoolTag(photo, QStringLiteral("XMP-dc:Description")), QStringLiteral("Rex"));
    }

    void tornAndForeignLinesAreCountedNotTrusted()
    {
        const QString photo = taggedPhoto(QStringLiteral("png"));
        const QString journalPath = newJournal();
        {
            MetadataJournal journal(journalPath.toStdString());
            QVERIFY(MetadataWriter(WriteOptions(), &journal).write(photo.toStdString(), caption("a dog")).status == WriteStatus::Written);
        }
        QFile file(journalPath);
        QVERIFY(file.open(QIODevice::ReadWrite | QIODevice::Append));
        QVERIFY(file.seek(0));
        QByteArray record = file.readLine();
        // The record again with an inode no integer holds (fuzzing found that it converted undefined-ly).
        record.replace(QRegularExpression(QStringLiteral("\"inode\":\\d+")).match(QString::fromUtf8(record)).captured().toUtf8(),
                       "\"inode\":1222222222222222222222222");
        file.write(record);
        file.write("{\"file\": \"/etc/passwd\", \"status\": \"written\"}\n[1, 2]\n{\"file\": \"x\", \"sta");
        file.close();
        const JournalContents contents = MetadataJournal::read(journalPath.toStdString());
        QCOMPARE(contents.records.size(), std::size_t(1));
        QCOMPARE(contents.malformedLines, 4);
        QVERIFY_THROWS_EXCEPTION(MetadataError, MetadataJournal::read(m_dir.filePath(QStringLiteral("none.jsonl")).toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestMetadataRestorer)
#include "tst_metadatarestorer.moc"
