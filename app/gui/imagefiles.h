#pragma once

#include <QStringList>

namespace snaption::gui {

// Image files from paths the user gave: files stay as they are, folders become the images they
// hold (sorted naturally, not recursive).
class ImageFiles {
public:
    static QStringList expand(const QStringList &paths);
    static QStringList nameFilters();
    static QString dialogFilter();
};

} // namespace snaption::gui
