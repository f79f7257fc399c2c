#pragma once

#include "testsupport.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

// Photos with real metadata for the metadata tests, and exiftool (the independent reader) to look
// at them.
namespace snaption::test {

// True when exiftool runs; the tests skip without it (and fail under CI).
bool haveExiftool();
// Runs exiftool; returns its standard output (empty and a warning when it fails).
QString exiftool(const QStringList &arguments);
// `exiftool -a -G1 -s` as "[Group] Tag: value" lines, sorted, without the tags that change when any
// program rewrites a file (its size, access and inode-change times, name and folder).
QStringList exiftoolListing(const QString &path);
// "only before: ...; only after: ..." for two listings, to explain a failed comparison.
QString listingDifference(const QStringList &before, const QStringList &after);
// exiftoolListing for every file in a folder at once (one exiftool run), by file name.
QMap<QString, QStringList> exiftoolListings(const QString &folder);
// One tag's value as exiftool prints it with -s3 (e.g. "XMP-dc:Description-en").
QString exiftoolTag(const QString &path, const QString &tag);

// A 96 x 64 photo with varied pixels in the format of the file name's extension (.jpg, .png, .webp,
// .tif), then given by exiftool a DateTimeOriginal, a GPS position, keywords (IPTC where the format
// has IPTC, XMP dc:subject) and the ICC profile in iccProfile. Returns what went wrong, or "".
QString makeTaggedPhoto(const QString &path, const QString &iccProfile);
// `count` such JPEGs (photo000.jpg, ...) in a folder, each with pixels of its own, tagged in one
// exiftool run. Returns what went wrong, or "".
QString makeTaggedPhotos(const QString &folder, int count, const QString &iccProfile);
// Numbered tagged photos in one folder ("photo1.jpg", "photo2.png", ...), for tests that make many.
class TaggedPhotos {
public:
    TaggedPhotos(const QString &folder, const QString &iccProfile) : m_folder(folder), m_icc(iccProfile) {}
    QString next(const QString &extension); // aborts the test program when exiftool fails
    const QString &iccProfile() const { return m_icc; }

private:
    QString m_folder;
    QString m_icc;
    int m_count = 0;
};

// The decoded pixels (RGB) of an image file, through Snaption's loader.
std::vector<std::uint8_t> decodedPixels(const QString &path);

} // namespace snaption::test

// For initTestCase: skips without exiftool or the ICC fixture (fails under CI), and writes the
// ICC profile the tagged photos embed to `iccPath`.
#define SNAPTION_REQUIRE_TAGGED_PHOTOS(iccPath)                                                           \
    do {                                                                                                  \
        if (!snaption::test::haveExiftool()) {                                                            \
            if (snaption::test::underCi()) QFAIL("exiftool is missing (Debian libimage-exiftool-perl)");  \
            QSKIP("exiftool is missing (Debian libimage-exiftool-perl)");                                 \
        }                                                                                                 \
        SNAPTION_RUN_FIXTURE(QStringLiteral("icc_profile.py"), iccPath);                                  \
    } while (false)
