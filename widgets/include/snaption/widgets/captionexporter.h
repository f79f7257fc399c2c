#pragma once

#include <snaption/captionresult.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace snaption::widgets {

// One captioned image as exported.
struct ExportedCaption {
    QString file;
    CaptionResult result;
};

// Writes captions as CSV (file, caption, words, probabilities) or JSON, and as .txt sidecar files
// next to the images. Files are written whole or not at all.
class CaptionExporter {
    Q_DECLARE_TR_FUNCTIONS(CaptionExporter)

public:
    static QByteArray toCsv(const std::vector<ExportedCaption> &captions);
    static QByteArray toJson(const std::vector<ExportedCaption> &captions);
    // Returns false with `error` set on failure.
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *error);
    // The sidecar path for an image: photo.jpg -> photo.txt.
    static QString sidecarPath(const QString &imagePath);
    // Writes sidecars; existing files are skipped (and listed in `skipped`) unless overwrite.
    // Images that would share one sidecar (photo.jpg, photo.png) get none: listed in `failed`.
    static int writeSidecars(const std::vector<ExportedCaption> &captions, bool overwrite, QStringList *skipped, QStringList *failed);
};

} // namespace snaption::widgets
