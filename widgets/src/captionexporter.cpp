#include <snaption/widgets/captionexporter.h>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace snaption::widgets {
namespace {

QString csvField(const QString &text)
{
    // RFC 4180: quote fields with separators, quotes or line breaks; double the quotes.
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))) return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QByteArray CaptionExporter::toCsv(const std::vector<ExportedCaption> &captions)
{
    QString out = QStringLiteral("file,caption,words,probabilities,language\n"); // language last: older readers keep working
    for (const ExportedCaption &c : captions) {
        QStringList words, probabilities;
        for (const std::string &w : c.result.words) words << QString::fromStdString(w);
        for (const float p : c.result.probabilities) probabilities << QString::number(double(p), 'f', 4);
        out += csvField(c.file) + QLatin1Char(',') + csvField(QString::fromStdString(c.result.caption)) + QLatin1Char(',') +
               csvField(words.join(QLatin1Char(' '))) + QLatin1Char(',') + csvField(probabilities.join(QLatin1Char(' '))) + QLatin1Char(',') +
               csvField(QString::fromStdString(c.result.language)) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray CaptionExporter::toJson(const std::vector<ExportedCaption> &captions)
{
    QJsonArray list;
    for (const ExportedCaption &c : captions) {
        QJsonArray words, probabilities;
        for (const std::string &w : c.result.words) words.append(QString::fromStdString(w));
        for (const float p : c.result.probabilities) probabilities.append(double(p));
        list.append(QJsonObject{{QStringLiteral("file"), c.file},
                                {QStringLiteral("caption"), QString::fromStdString(c.result.caption)},
                                {QStringLiteral("language"), QString::fromStdString(c.result.language)},
                                {QStringLiteral("words"), words},
                                {QStringLiteral("probabilities"), probabilities}});
    }
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

bool CaptionExporter::writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

QString CaptionExporter::sidecarPath(const QString &imagePath)
{
    const QFileInfo info(imagePath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".txt"));
}

int CaptionExporter::writeSidecars(const std::vector<ExportedCaption> &captions, bool overwrite, QStringList *skipped, QStringList *failed)
{
    // photo.jpg and photo.png would both write photo.txt: neither caption is the right one for it.
    QHash<QString, QStringList> imagesBySidecar;
    for (const ExportedCaption &c : captions) {
        if (c.file.isEmpty()) continue;
        QStringList &images = imagesBySidecar[QFileInfo(sidecarPath(c.file)).absoluteFilePath()];
        if (!images.contains(QFileInfo(c.file).absoluteFilePath())) images << QFileInfo(c.file).absoluteFilePath();
    }
    int written = 0;
    QSet<QString> reported;
    for (const ExportedCaption &c : captions) {
        if (c.file.isEmpty()) continue; // pasted images have no file to sit beside
        const QString path = sidecarPath(c.file);
        const QStringList &sharing = imagesBySidecar[QFileInfo(path).absoluteFilePath()];
        if (sharing.size() > 1) {
            if (failed && !reported.contains(path))
                *failed << tr("%1: not written, because %2 would share it").arg(path, sharing.join(QStringLiteral(", ")));
            reported.insert(path);
            continue;
        }
        if (!overwrite && QFileInfo::exists(path)) {
            if (skipped) *skipped << path;
            continue;
        }
        QString error;
        if (writeFile(path, QString::fromStdString(c.result.caption + "\n").toUtf8(), &error)) ++written;
        else if (failed) *failed << path + QStringLiteral(": ") + error;
    }
    return written;
}

} // namespace snaption::widgets
