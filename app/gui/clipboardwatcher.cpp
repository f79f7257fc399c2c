#include "clipboardwatcher.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

#include <algorithm>
#include <utility>

namespace snaption::gui {
namespace {

// Up to 256 rows: a 12-megapixel photo is hashed in milliseconds on the GUI thread, and two
// different copies differ in them.
QByteArray digestOf(const QImage &image)
{
    QCryptographicHash hash(QCryptographicHash::Md5);
    const int step = std::max(1, image.height() / 256);
    for (int y = 0; y < image.height(); y += step)
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(image.constScanLine(y)), qsizetype(image.bytesPerLine())));
    return QByteArray::number(image.width()) + 'x' + QByteArray::number(image.height()) + 'f' + QByteArray::number(int(image.format()))
           + hash.result();
}

} // namespace

ClipboardWatcher::ClipboardWatcher(QObject *parent) : QObject(parent)
{
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, &ClipboardWatcher::onClipboardChanged);
}

void ClipboardWatcher::setWatching(bool on)
{
    if (on == m_watching) return;
    m_watching = on;
    // Only what is copied from now on counts: Qt reports changes, not what is already there (and
    // fetching another application's image here would block the GUI thread).
    m_lastImage.clear();
    Q_EMIT watchingChanged(on);
}

void ClipboardWatcher::onClipboardChanged()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!m_watching || clipboard->ownsClipboard()) return;
    const QMimeData *mime = clipboard->mimeData();
    if (!mime || !mime->hasImage()) return;
    const QImage image = clipboard->image();
    if (image.isNull()) return;
    QByteArray digest = digestOf(image);
    if (digest == m_lastImage) return; // applications announce one copy more than once
    m_lastImage = std::move(digest);
    Q_EMIT imageCopied(image);
}

} // namespace snaption::gui
