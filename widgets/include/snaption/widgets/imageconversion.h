#pragma once

#include <snaption/rgbimage.h>

#include <QImage>

namespace snaption::widgets {

// Between core's RgbImage and Qt's QImage.
class ImageConversion {
public:
    static QImage toQImage(const RgbImage &image); // a deep copy, Format_RGB888
    // The same pixels as a QImage, not copied: valid while `image` lives and is not changed.
    static QImage wrap(const RgbImage &image);
    static RgbImage fromQImage(const QImage &image);
};

} // namespace snaption::widgets
