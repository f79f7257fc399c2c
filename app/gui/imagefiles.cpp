#include "imagefiles.h"

#include "imagepaths.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace snaption::gui {

QString ImageFiles::dialogFilter()
{
    return QCoreApplication::translate("ImageFiles", "Images (%1)").arg(ImagePaths::nameFilters().join(QLatin1Char(' ')));
}

QStringList ImageFiles::expand(const QStringList &paths)
{
    QStringList files = ImagePaths::expand(paths);
    for (QString &file : files) file = QFileInfo(file).absoluteFilePath();
    return files;
}

} // namespace snaption::gui
