#pragma once

#include <snaption/rgbimage.h>

#include <QImage>

namespace snaption::widgets {

// Between core's RgbImage and Qt's QImage.
class ImageConversion {
public:
    static QImage toQImage(const RgbImage &image); // a deep copy, Format_RGB888
    static RgbImage fromQImage(const QImage &image);
};

} // namespace snaption::widgets
