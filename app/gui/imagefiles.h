#pragma once

#include <QStringList>

namespace snaption::gui {

// Image files from paths the user gave (ImagePaths, made absolute for the image list and
// settings), and the file dialog's filter.
class ImageFiles {
public:
    static QStringList expand(const QStringList &paths);
    static QString dialogFilter();
};

} // namespace snaption::gui
