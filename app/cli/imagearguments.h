#pragma once

#include <QStringList>

namespace snaption::cli {

// Expands the image arguments of a command: files stay as they are, folders become the image files
// they contain (sorted, not recursive).
class ImageArguments {
public:
    static QStringList expand(const QStringList &arguments);
    // "*.png *.jpg ..." for every format the image loader reads.
    static QStringList nameFilters();
};

} // namespace snaption::cli
