#include "taggedphotos.h"

#include <snaption/imageloader.h>
#include <snaption/imagewriter.h>

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QtDebug>

namespace snaption::test {

bool haveExiftool()
{
    QProcess process;
    process.start(QStringLiteral("exiftool"), {QStringLiteral("-ver")});
    return process.waitForFinished(30'000) && process.exitCode() == 0;
}

QString exiftool(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("exiftool"), arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit) {
        qWarning() << "exiftool failed:" << arguments;
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

namespace {

// Whether a listing line is one that changes whenever any program rewrites a file.
bool changesOnEveryRewrite(const QString &line, const QString &path)
{
    static const QRegularExpression changing(
        QStringLiteral("^\\[System\\]\\s+(FileSize|FileAccessDate|FileInodeChangeDate|FileName|Directory)\\b|^\\[ExifTool\\] ExifToolVersion|"
                       // Where a TIFF's strips lie: any TIFF writer moves them when the metadata grows.
                       "^\\[IFD\\d\\] (StripOffsets|TileOffsets)\\b"));
    // Exiv2 0.27 writes Exif into PNG and WebP in Intel byte order whatever the file had (every tag
    // keeps its value); JPEG and TIFF keep theirs.
    static const QRegularExpression byteOrder(QStringLiteral("^\\[File\\] ExifByteOrder\\b"));
    const bool reordered = path.endsWith(QLatin1String(".png")) || path.endsWith(QLatin1String(".webp"));
    return changing.match(line).hasMatch() || (reordered && byteOrder.match(line).hasMatch());
}

} // namespace

QStringList exiftoolListing(const QString &path)
{
    QStringList lines;
    for (const QString &line : exiftool({QStringLiteral("-a"), QStringLiteral("-G1"), QStringLiteral("-s"), path}).split(QLatin1Char('\n'))) {
        const QString simplified = line.simplified();
        if (!simplified.isEmpty() && !changesOnEveryRewrite(simplified, path)) lines << simplified;
    }
    lines.sort();
    return lines;
}

QMap<QString, QStringList> exiftoolListings(const QString &folder)
{
    QMap<QString, QStringList> listings;
    QString current;
    const QString output = exiftool({QStringLiteral("-a"), QStringLiteral("-G1"), QStringLiteral("-s"), QStringLiteral("-ext"), QStringLiteral("jpg"), folder});
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QString simplified = line.simplified();
        if (simplified.startsWith(QLatin1String("======== "))) {
            current = QFileInfo(simplified.mid(9)).fileName();
            continue;
        }
        if (current.isEmpty() || simplified.isEmpty() || simplified.contains(QLatin1String("image files read")) ||
            simplified.contains(QLatin1String("directories scanned")) || changesOnEveryRewrite(simplified, current))
            continue;
        listings[current] << simplified;
    }
    for (QStringList &lines : listings) lines.sort();
    return listings;
}

QString listingDifference(const QStringList &before, const QStringList &after)
{
    QStringList onlyBefore, onlyAfter;
    for (const QString &line : before)
        if (!after.contains(line)) onlyBefore << line;
    for (const QString &line : after)
        if (!before.contains(line)) onlyAfter << line;
    return QStringLiteral("only before: %1\nonly after: %2").arg(onlyBefore.join(QLatin1String(" | ")), onlyAfter.join(QLatin1String(" | ")));
}

QString exiftoolTag(const QString &path, const QString &tag)
{
    return exiftool({QStringLiteral("-s3"), QStringLiteral("-") + tag, path}).trimmed();
}

QString makeTaggedPhoto(const QString &path, const QString &iccProfile)
{
    RgbImage image(96, 64);
    for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t((i * 37) % 251);
    writeImage(image, path.toStdString());
    QStringList arguments{QStringLiteral("-q"), QStringLiteral("-overwrite_original"), QStringLiteral("-DateTimeOriginal=2024:05:06 07:08:09"),
                          QStringLiteral("-GPSLatitude=48.1"), QStringLiteral("-GPSLatitudeRef=N"), QStringLiteral("-GPSLongitude=11.5"),
                          QStringLiteral("-GPSLongitudeRef=E"), QStringLiteral("-XMP-dc:Subject=dog"), QStringLiteral("-XMP-dc:Subject=park"),
                          QStringLiteral("-ICC_Profile<=") + iccProfile};
    if (path.endsWith(QLatin1String(".jpg")) || path.endsWith(QLatin1String(".tif")))
        arguments << QStringLiteral("-IPTC:Keywords=dog") << QStringLiteral("-IPTC:Keywords=park");
    QProcess process;
    process.start(QStringLiteral("exiftool"), arguments << path);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return QStringLiteral("exiftool could not tag %1: %2").arg(path, QString::fromUtf8(process.readAllStandardError()));
    return {};
}

QString makeTaggedPhotos(const QString &folder, int count, const QString &iccProfile)
{
    for (int n = 0; n < count; ++n) {
        RgbImage image(96, 64);
        for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t((i * 37 + std::size_t(n) * 101) % 251);
        writeImage(image, QStringLiteral("%1/photo%2.jpg").arg(folder).arg(n, 3, 10, QLatin1Char('0')).toStdString());
    }
    QProcess process;
    process.start(QStringLiteral("exiftool"),
                  {QStringLiteral("-q"), QStringLiteral("-overwrite_original"), QStringLiteral("-DateTimeOriginal=2024:05:06 07:08:09"),
                   QStringLiteral("-GPSLatitude=48.1"), QStringLiteral("-GPSLatitudeRef=N"), QStringLiteral("-IPTC:Keywords=dog"),
                   QStringLiteral("-XMP-dc:Subject=dog"), QStringLiteral("-ICC_Profile<=") + iccProfile, QStringLiteral("-ext"), QStringLiteral("jpg"),
                   folder});
    if (!process.waitForFinished(300'000) || process.exitCode() != 0)
        return QStringLiteral("exiftool could not tag %1: %2").arg(folder, QString::fromUtf8(process.readAllStandardError()));
    return {};
}

QString TaggedPhotos::next(const QString &extension)
{
    const QString path = QStringLiteral("%1/photo%2.%3").arg(m_folder).arg(++m_count).arg(extension);
    const QString problem = makeTaggedPhoto(path, m_icc);
    if (!problem.isEmpty()) qFatal("%s", qPrintable(problem));
    return path;
}

std::vector<std::uint8_t> decodedPixels(const QString &path)
{
    return ImageLoader().load(path.toStdString()).pixels;
}

} // namespace snaption::test
