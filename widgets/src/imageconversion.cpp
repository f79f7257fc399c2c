#include <snaption/widgets/imageconversion.h>

#include <QPainter>

#include <cstring>

namespace snaption::widgets {

QImage ImageConversion::toQImage(const RgbImage &image)
{
    if (image.isNull()) return {};
    QImage out(image.width, image.height, QImage::Format_RGB888);
    for (int y = 0; y < image.height; ++y) std::memcpy(out.scanLine(y), image.row(y), std::size_t(image.width) * 3);
    return out;
}

QImage ImageConversion::wrap(const RgbImage &image)
{
    if (image.isNull()) return {};
    return QImage(image.pixels.data(), image.width, image.height, qsizetype(image.width) * 3, QImage::Format_RGB888);
}

RgbImage ImageConversion::fromQImage(const QImage &image)
{
    if (image.isNull()) return {};
    // Transparent pixels over white, as the image loader does for files.
    QImage rgb(image.size(), QImage::Format_RGB888);
    rgb.fill(Qt::white);
    {
        QPainter painter(&rgb);
        painter.drawImage(0, 0, image);
    }
    RgbImage out(rgb.width(), rgb.height());
    for (int y = 0; y < rgb.height(); ++y) std::memcpy(out.row(y), rgb.constScanLine(y), std::size_t(rgb.width()) * 3);
    return out;
}

} // namespace snaption::widgets
