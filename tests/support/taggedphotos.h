#pragma once

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
// The decoded pixels (RGB) of an image file, through Snaption's loader.
std::vector<std::uint8_t> decodedPixels(const QString &path);

} // namespace snaption::test
