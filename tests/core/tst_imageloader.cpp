#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/imagewriter.h>
#include <snaption/preprocessing.h>

#include "testsupport.h"

#include <QBuffer>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace snaption;
using namespace snaption::test;

namespace {

QByteArray encode(const QImage &image, const char *format, int quality = 95)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, quality)) qFatal("cannot encode %s", format);
    return bytes;
}

RgbImage decode(const QByteArray &bytes, std::int64_t maxPixels = ImageLoader::kDefaultMaxPixels, int fitWithin = 0)
{
    return ImageLoader(maxPixels).decode(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), "test image", fitWithin);
}

QColor pixel(const RgbImage &image, int x, int y)
{
    const std::uint8_t *p = image.row(y) + 3 * x;
    return QColor(p[0], p[1], p[2]);
}

// A minimal EXIF APP1 segment (big-endian TIFF) holding only the orientation tag.
QByteArray exifOrientation(int orientation)
{
    QByteArray tiff("MM\0\x2A\0\0\0\x08", 8);
    tiff += QByteArray("\0\x01", 2);                            // one IFD entry
    tiff += QByteArray("\x01\x12\0\x03\0\0\0\x01", 8);          // tag 0x0112, SHORT, count 1
    tiff += char(0) + QByteArray(1, char(orientation)) + QByteArray(2, '\0');
    tiff += QByteArray(4, '\0');                                // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = payload.size() + 2;
    return QByteArray("\xFF\xE1", 2) + char(length >> 8) + char(length & 0xFF) + payload;
}

void expectRejected(const QByteArray &bytes, const QString &message, std::int64_t maxPixels = ImageLoader::kDefaultMaxPixels)
{
    try {
        decode(bytes, maxPixels);
        QFAIL("accepted");
    } catch (const Error &error) {
        QCOMPARE(error.kind(), ErrorKind::BadImage);
        QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
    }
}

QByteArray bytes(std::initializer_list<unsigned> values)
{
    QByteArray out;
    for (const unsigned v : values) out.append(char(v & 0xFF));
    return out;
}
QByteArray be32(quint32 v) { return bytes({v >> 24, v >> 16, v >> 8, v}); }
QByteArray le32(quint32 v) { return bytes({v, v >> 8, v >> 16, v >> 24}); }
QByteArray le16(quint16 v) { return bytes({v, unsigned(v) >> 8}); }
QByteArray be16(quint16 v) { return bytes({unsigned(v) >> 8, v}); }

} // namespace

class TestImageLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void losslessFormatsKeepPixels_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << QByteArray("PNG");
        QTest::newRow("bmp") << QByteArray("BMP");
        QTest::newRow("ppm") << QByteArray("PPM");
    }

    void losslessFormatsKeepPixels()
    {
        QFETCH(QByteArray, format);
        QImage image(5, 3, QImage::Format_RGB888);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 5; ++x) image.setPixelColor(x, y, QColor(x * 50, y * 100, 200 - x * 10));
        const RgbImage loaded = decode(encode(image, format.constData()));
        QCOMPARE(loaded.width, 5);
        QCOMPARE(loaded.height, 3);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 5; ++x) QCOMPARE(pixel(loaded, x, y), image.pixelColor(x, y));
    }

    void openCvFormatsRoundTrip_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::newRow("tiff") << QStringLiteral("tiff");
        QTest::newRow("webp") << QStringLiteral("webp");
        QTest::newRow("png") << QStringLiteral("png");
    }

    void openCvFormatsRoundTrip()
    {
        QFETCH(QString, extension);
        RgbImage image(8, 6);
        for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t(i * 7);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("image.") + extension);
        try {
            writeImage(image, path.toStdString());
        } catch (const Error &) {
            QSKIP("OpenCV here cannot write this format");
        }
        const RgbImage loaded = ImageLoader().load(path.toStdString());
        QCOMPARE(loaded.width, 8);
        QCOMPARE(loaded.height, 6);
        if (extension != QLatin1String("webp")) QCOMPARE(loaded.pixels, image.pixels); // WebP is lossy by default
    }

    void greyAnd16BitBecomeEightBitRgb()
    {
        QImage grey16(4, 2, QImage::Format_Grayscale16);
        grey16.fill(QColor::fromRgba64(qRgba64(0x8080, 0x8080, 0x8080, 0xFFFF)));
        const RgbImage loaded = decode(encode(grey16, "PNG"));
        QCOMPARE(pixel(loaded, 3, 1), QColor(128, 128, 128));

        QImage grey8(4, 2, QImage::Format_Grayscale8);
        grey8.fill(QColor(77, 77, 77));
        QCOMPARE(pixel(decode(encode(grey8, "PNG")), 0, 0), QColor(77, 77, 77));
    }

    void transparencyIsCompositedOverWhite()
    {
        QImage image(3, 1, QImage::Format_RGBA8888);
        image.setPixelColor(0, 0, QColor(255, 0, 0, 255)); // opaque red
        image.setPixelColor(1, 0, QColor(0, 0, 0, 0));     // transparent (black underneath)
        image.setPixelColor(2, 0, QColor(0, 0, 255, 128)); // half-transparent blue
        const RgbImage loaded = decode(encode(image, "PNG"));
        QCOMPARE(pixel(loaded, 0, 0), QColor(255, 0, 0));
        QCOMPARE(pixel(loaded, 1, 0), QColor(255, 255, 255));
        const QColor blend = pixel(loaded, 2, 0);
        QVERIFY(std::abs(blend.red() - 127) <= 1 && std::abs(blend.blue() - 255) <= 1);
    }

    void exifOrientationIsApplied()
    {
        // 64 x 32: left half red, right half blue. Orientation 6 = rotate 90 degrees clockwise.
        QImage image(64, 32, QImage::Format_RGB888);
        image.fill(Qt::blue);
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 32; ++x) image.setPixelColor(x, y, Qt::red);
        QByteArray jpeg = encode(image, "JPEG", 100);
        jpeg.insert(2, exifOrientation(6)); // right after SOI
        const RgbImage loaded = decode(jpeg);
        QCOMPARE(loaded.width, 32);
        QCOMPARE(loaded.height, 64);
        // After a clockwise turn the left (red) half is on top.
        QVERIFY(pixel(loaded, 16, 10).red() > 200 && pixel(loaded, 16, 10).blue() < 60);
        QVERIFY(pixel(loaded, 16, 54).blue() > 200 && pixel(loaded, 16, 54).red() < 60);
    }

    void brokenFilesAreRejected()
    {
        QImage image(64, 64, QImage::Format_RGB888);
        image.fill(Qt::green);
        const QByteArray jpeg = encode(image, "JPEG");
        expectRejected(QByteArray(), QStringLiteral("empty"));
        expectRejected(jpeg.left(jpeg.size() / 2), QStringLiteral("truncated"));
        expectRejected(QByteArray("This is a text file, not a JPEG.\n"), QStringLiteral("not an image format"));
        // Found by fuzzing: OpenCV hands a DICOM preamble to GDCM, which aborts the process. Only
        // formats Snaption reads reach OpenCV.
        expectRejected(QByteArray(127, '\0') + QByteArray("PDICM"), QStringLiteral("not an image format that can be read"));
        const QByteArray png = encode(image, "PNG");
        expectRejected(png.left(png.size() - 30), QStringLiteral("corrupt or truncated"));
    }

    void hugeHeadersAreRefusedBeforeDecoding_data()
    {
        QTest::addColumn<QByteArray>("header");
        const quint32 huge = 40000;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + be32(huge) + be32(huge) + QByteArray("\x08\x02\0\0\0", 5);
        QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xC0\0\x11\x08", 7) + be16(huge) + be16(huge) + QByteArray(12, '\x01');
        QTest::newRow("gif") << QByteArray("GIF89a") + le16(65535) + le16(65535) + QByteArray(8, '\0');
        QTest::newRow("bmp") << QByteArray("BM") + QByteArray(12, '\0') + le32(40) + le32(huge) + le32(quint32(-qint32(huge))) + QByteArray(30, '\0');
        QTest::newRow("tiff") << QByteArray("II*\0", 4) + le32(8) + le16(2) + le16(256) + le16(4) + le32(1) + le32(huge) + le16(257) + le16(3) +
                                     le32(1) + le16(40000) + le16(0) + le32(0);
        QTest::newRow("pnm") << QByteArray("P6\n# a comment\n40000 40000\n255\n");
        // Found by fuzzing: sides whose product overflows 64 bits.
        QTest::newRow("pnm, overflowing") << QByteArray("P6\n33333333 333333333333\n255\n");
        QTest::newRow("tiff, overflowing") << QByteArray("II*\0", 4) + le32(8) + le16(2) + le16(256) + le16(4) + le32(1) + le32(0xFFFFFFFF) +
                                                  le16(257) + le16(4) + le32(1) + le32(0xFFFFFFFF) + le32(0);
        QTest::newRow("webp") << QByteArray("RIFF") + le32(100) + QByteArray("WEBPVP8X") + le32(10) + le32(0) +
                                     bytes({0x3F, 0x9C, 0}) + bytes({0x3F, 0x9C, 0});
    }

    void hugeHeadersAreRefusedBeforeDecoding()
    {
        QFETCH(QByteArray, header);
        expectRejected(header, QStringLiteral("more than the limit of 100.0 MP"));
    }

    // OpenCV 4.6 reads no GIF: giflib does, the first frame, compared with Pillow's.
    void gifFirstFramesMatchPillow_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("static, transparent colour") << QStringLiteral("static") << 40 << 30;
        QTest::newRow("animated: the first frame") << QStringLiteral("animated") << 48 << 32;
        QTest::newRow("interlaced") << QStringLiteral("interlaced") << 24 << 61;
        QTest::newRow("frame smaller than the screen") << QStringLiteral("offset") << 50 << 40;
    }

    void gifFirstFramesMatchPillow()
    {
        QFETCH(QString, name);
        QFETCH(int, width);
        QFETCH(int, height);
        static QTemporaryDir dir;
        if (!QFileInfo::exists(dir.filePath(QStringLiteral("static.gif")))) SNAPTION_RUN_FIXTURE(QStringLiteral("gif_reference.py"), dir.path());
        const RgbImage loaded = ImageLoader().load(dir.filePath(name + QStringLiteral(".gif")).toStdString());
        QCOMPARE(loaded.width, width);
        QCOMPARE(loaded.height, height);
        const QByteArray expected = readBytes(dir.filePath(name + QStringLiteral(".rgb")));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(loaded.pixels.data()), qsizetype(loaded.pixels.size())), expected);
        QVERIFY(std::find(ImageLoader::supportedExtensions().begin(), ImageLoader::supportedExtensions().end(), "gif") !=
                ImageLoader::supportedExtensions().end());
    }

    void brokenGifsAreRefused()
    {
        static QTemporaryDir dir;
        SNAPTION_RUN_FIXTURE(QStringLiteral("gif_reference.py"), dir.path());
        const QByteArray gif = readBytes(dir.filePath(QStringLiteral("animated.gif")));
        expectRejected(gif.left(40), QStringLiteral("GIF"));
        // A screen without a colour table, and no frame.
        QByteArray header = gif.left(13);
        header[10] = 0;
        expectRejected(header + QByteArray(1, '\x3B'), QStringLiteral("no image"));
    }

    // The pixel limit bounds memory too: a 16-bit RGBA PNG of 64 MP decodes to 512 MB, more than
    // 100 MP of RGBA (400 MB), and is refused from its header.
    void pixelLimitIsAlsoAMemoryLimit()
    {
        const QByteArray header = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + be32(8000) + be32(8000) + QByteArray("\x10\x06\0\0\0", 5);
        expectRejected(header, QStringLiteral("would need 512 MB, more than the 400 MB the pixel limit allows"));
        // The same size in 8-bit RGB is within both limits and gets as far as decoding.
        const QByteArray rgb = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + be32(8000) + be32(8000) + QByteArray("\x08\x02\0\0\0", 5);
        expectRejected(rgb, QStringLiteral("corrupt or truncated"));
    }

    // A large JPEG read to fit is decoded at a reduced DCT size, still turned by its EXIF
    // orientation, and looks like the full decode shrunk.
    void largeJpegsAreDecodedReducedAndTurned()
    {
        QImage image(3200, 1600, QImage::Format_RGB888);
        for (int y = 0; y < 1600; ++y)
            for (int x = 0; x < 3200; ++x) image.setPixelColor(x, y, x < 1600 ? QColor(220, 30, 30) : QColor(30, 30, 220 - y / 16));
        QByteArray jpeg = encode(image, "JPEG", 92);
        jpeg.insert(2, exifOrientation(6));
        const RgbImage fitted = decode(jpeg, ImageLoader::kDefaultMaxPixels, 800);
        QCOMPARE(fitted.width, 400);
        QCOMPARE(fitted.height, 800);
        QVERIFY(pixel(fitted, 200, 100).red() > 180);  // the left (red) half is on top
        QVERIFY(pixel(fitted, 200, 700).blue() > 100); // the right half below
        const RgbImage full = shrinkToFit(decode(jpeg), 800);
        QCOMPARE(full.width, fitted.width);
        double difference = 0;
        for (std::size_t i = 0; i < full.pixels.size(); ++i) difference += std::abs(int(full.pixels[i]) - int(fitted.pixels[i]));
        QVERIFY2(difference / double(full.pixels.size()) < 2.0, qPrintable(QString::number(difference / double(full.pixels.size()))));
    }

    // Read for the encoder: a camera-sized JPEG is decoded at 1/8 (each side still at least the
    // encoder's size) and looks like the full decode shrunk the encoder's way; a PNG gives exactly
    // what shrinkForEncoder makes of the whole picture; both at once equals each alone.
    void readsForTheEncoderTheFastWay()
    {
        QImage photo(4000, 3000, QImage::Format_RGB888);
        for (int y = 0; y < photo.height(); ++y)
            for (int x = 0; x < photo.width(); ++x) photo.setPixelColor(x, y, QColor(x * 255 / 4000, y * 255 / 3000, (x / 500 + y / 500) % 2 * 200));
        QTemporaryDir dir;
        const QString jpeg = dir.filePath(QStringLiteral("photo.jpg")), png = dir.filePath(QStringLiteral("photo.png"));
        QVERIFY(photo.save(jpeg, "JPEG", 92));
        QVERIFY(photo.copy(0, 0, 2000, 1000).save(png, "PNG"));
        const ImageLoader loader;
        const RgbImage fast = loader.loadForEncoder(jpeg.toStdString(), 224);
        QCOMPARE(fast.width, 500);
        QCOMPARE(fast.height, 375);
        const RgbImage slow = resizeImage(loader.load(jpeg.toStdString()), 500, 375);
        double difference = 0;
        for (std::size_t i = 0; i < slow.pixels.size(); ++i) difference += std::abs(int(slow.pixels[i]) - int(fast.pixels[i]));
        QVERIFY2(difference / double(slow.pixels.size()) < 2.0, qPrintable(QString::number(difference / double(slow.pixels.size()))));

        const RgbImage whole = loader.loadForEncoder(png.toStdString(), 224);
        QCOMPARE(whole.width, 896);
        QCOMPARE(whole.height, 896);
        QVERIFY(whole.pixels == shrinkForEncoder(loader.load(png.toStdString()), 224).pixels);

        for (const QString &path : {jpeg, png}) {
            const ImageLoader::EncoderAndFitted withDisplay = loader.loadForEncoderAndFit(path.toStdString(), 224, 1600);
            QVERIFY(withDisplay.encoderInput.pixels == loader.loadForEncoder(path.toStdString(), 224).pixels);
            const RgbImage shown = loader.load(path.toStdString(), 1600); // the JPEG decoded twice: at 1/8 and at 1/2
            QCOMPARE(withDisplay.fitted.width, shown.width);
            QVERIFY(withDisplay.fitted.pixels == shown.pixels);
            // A thumbnail is shrunk from the encoder's decode, never decoded on its own.
            const ImageLoader::EncoderAndFitted withThumbnail = loader.loadForEncoderAndFit(path.toStdString(), 224, 96);
            QVERIFY(withThumbnail.encoderInput.pixels == withDisplay.encoderInput.pixels);
            const RgbImage fromTheEncoders = path == jpeg ? resizeImage(fast, 96, 72) : shrinkToFit(loader.load(path.toStdString()), 96);
            QCOMPARE(withThumbnail.fitted.width, fromTheEncoders.width);
            QVERIFY(withThumbnail.fitted.pixels == fromTheEncoders.pixels);
        }
        QCOMPARE(loader.loadForEncoderAndFit(jpeg.toStdString(), 224, 1600).fitted.width, 1600);
        // A small photo: read whole for the encoder, where a thumbnail alone would be read at 1/2.
        const QString small = dir.filePath(QStringLiteral("small.jpg"));
        QVERIFY(photo.copy(1000, 1000, 300, 224).save(small, "JPEG", 92));
        const ImageLoader::EncoderAndFitted smallBoth = loader.loadForEncoderAndFit(small.toStdString(), 224, 96);
        QVERIFY(smallBoth.fitted.pixels == shrinkToFit(loader.load(small.toStdString()), 96).pixels);
        QCOMPARE(smallBoth.fitted.width, 96);
        // Images smaller than the encoder's blocks are left as they are.
        QVERIFY(photo.copy(0, 0, 300, 200).save(png, "PNG"));
        QCOMPARE(loader.loadForEncoder(png.toStdString(), 224).width, 300);
        try {
            loader.loadForEncoder(png.toStdString(), 0);
            QFAIL("an encoder size of 0 was accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::InvalidArgument);
        }
    }

    void everyFormatShrinksToFit_data()
    {
        QTest::addColumn<QByteArray>("file");
        QImage rgba(2000, 1000, QImage::Format_RGBA8888);
        rgba.fill(QColor(0, 0, 255, 128));
        QImage rgb(2000, 1000, QImage::Format_RGB888);
        rgb.fill(QColor(10, 200, 30));
        QTest::newRow("png with alpha") << encode(rgba, "PNG");
        QTest::newRow("png") << encode(rgb, "PNG");
        QTest::newRow("jpeg") << encode(rgb, "JPEG");
        QTest::newRow("bmp") << encode(rgb, "BMP");
    }

    void everyFormatShrinksToFit()
    {
        QFETCH(QByteArray, file);
        const RgbImage fitted = decode(file, ImageLoader::kDefaultMaxPixels, 500);
        QCOMPARE(fitted.width, 500);
        QCOMPARE(fitted.height, 250);
        const RgbImage full = decode(file);
        QCOMPARE(full.width, 2000);
        // Shrinking a flat colour keeps it.
        QVERIFY(std::abs(pixel(fitted, 250, 125).green() - pixel(full, 1000, 500).green()) <= 1);
    }

    void foldersAreNotImages()
    {
        QTemporaryDir dir;
        try {
            ImageLoader().load(dir.path().toStdString());
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::Io);
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("is a folder, not a file")), error.what());
        }
    }

    void pixelBudgetIsConfigurable()
    {
        QImage image(100, 60, QImage::Format_RGB888);
        image.fill(Qt::white);
        const QByteArray png = encode(image, "PNG");
        expectRejected(png, QStringLiteral("more than the limit"), 5000);
        QCOMPARE(decode(png, 6000).width, 100);
        QVERIFY_THROWS_EXCEPTION(Error, ImageLoader(0));
    }

    void missingFileIsAnIoError()
    {
        try {
            ImageLoader().load("/nonexistent/photo.jpg");
            QFAIL("loaded");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::Io);
            QVERIFY(QString::fromStdString(error.what()).contains(QLatin1String("/nonexistent/photo.jpg")));
        }
    }

    void supportedExtensionsIncludeTheCommonFormats()
    {
        const auto extensions = ImageLoader::supportedExtensions();
        for (const char *e : {"jpg", "jpeg", "png", "bmp", "tiff"}) QVERIFY(std::find(extensions.begin(), extensions.end(), e) != extensions.end());
        // Debian's OpenCV decodes WebP; a probe that sniffed a non-existent file never offered it.
        QVERIFY(std::find(extensions.begin(), extensions.end(), "webp") != extensions.end());
    }

    void readsWebp()
    {
        // A lossless WebP written by PyTorch's reference interpreter (Pillow) decodes to the same pixels.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pattern.webp"));
        const int status = QProcess::execute(QStringLiteral("/usr/bin/python3"),
                                             {QStringLiteral("-c"), QStringLiteral("from PIL import Image; im = Image.new('RGB', (3, 2)); "
                                                                                   "im.putdata([(255,0,0),(0,255,0),(0,0,255),(10,20,30),(200,100,50),(0,0,0)]); "
                                                                                   "im.save('%1', lossless=True)").arg(path)});
        if (status != 0) QSKIP("/usr/bin/python3 with Pillow is not available");
        const RgbImage image = ImageLoader().load(path.toStdString());
        QCOMPARE(image.width, 3);
        QCOMPARE(image.height, 2);
        QCOMPARE(int(image.row(0)[0]), 255);
        QCOMPARE(int(image.row(0)[4]), 255);
        QCOMPARE(int(image.row(1)[0]), 10);
        QCOMPARE(int(image.row(1)[2]), 30);
    }
};

QTEST_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
