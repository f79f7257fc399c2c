#pragma once

#include <QStringList>

namespace snaption {

// Image paths from what the user named (command-line arguments, dropped or chosen files): files
// stay as they are, folders become the image files they contain (natural order, not recursive).
// Shared by snaption-cli and the desktop app.
class ImagePaths {
public:
    static QStringList expand(const QStringList &paths);
    // "*.png", "*.PNG", "*.jpg", ... for every format the image loader reads.
    static QStringList nameFilters();
};

} // namespace snaption
