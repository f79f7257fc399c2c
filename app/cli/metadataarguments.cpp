#include "metadataarguments.h"

#include "clioutput.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace snaption::cli {

using namespace metadata;

void MetadataArguments::add(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("write-metadata"),
                      tr("Write each caption into the photo's metadata: a comma-separated list of description, alt-text, extended, "
                         "exif, iptc (e.g. description,alt-text)."),
                      tr("fields")});
    parser.addOption({QStringLiteral("sidecar"), tr("Write an XMP sidecar (photo.jpg.xmp) instead of changing the photo.")});
    parser.addOption({QStringLiteral("sidecar-name"), tr("The sidecar's name: photo.jpg.xmp (default) or photo.xmp."), tr("style"),
                      QStringLiteral("photo.jpg.xmp")});
    parser.addOption({QStringLiteral("skip-described"), tr("Leave photos that hold any description alone (they are not captioned).")});
    parser.addOption({QStringLiteral("overwrite"), tr("Replace captions Snaption wrote earlier (a person's description stays).")});
    parser.addOption({QStringLiteral("overwrite-human"), tr("Replace a person's description too.")});
    parser.addOption({QStringLiteral("journal"), tr("The undo journal (JSON Lines; default: one per command in the data folder)."), tr("file")});
    parser.addOption({QStringLiteral("touch"), tr("Give written photos the current modification time (default: keep theirs).")});
    parser.addOption({QStringLiteral("language"), tr("The captions' language tag (default: the model's caption language)."), tr("tag")});
}

bool MetadataArguments::requested(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("write-metadata"));
}

std::optional<MetadataRequest> MetadataArguments::read(const QCommandLineParser &parser)
{
    MetadataRequest request;
    const auto fields = CaptionFields::parse(parser.value(QStringLiteral("write-metadata")).toStdString());
    if (!fields) {
        CliOutput::error(tr("--write-metadata takes a comma-separated list of description, alt-text, extended, exif and iptc"));
        return std::nullopt;
    }
    WriteOptions &options = request.options;
    options.fields = *fields;
    options.sidecar = parser.isSet(QStringLiteral("sidecar"));
    const QString sidecarName = parser.value(QStringLiteral("sidecar-name"));
    if (sidecarName != QLatin1String("photo.jpg.xmp") && sidecarName != QLatin1String("photo.xmp")) {
        CliOutput::error(tr("--sidecar-name is photo.jpg.xmp or photo.xmp"));
        return std::nullopt;
    }
    options.sidecarName = sidecarName == QLatin1String("photo.xmp") ? SidecarName::ReplaceExtension : SidecarName::AppendXmp;
    options.skipDescribed = parser.isSet(QStringLiteral("skip-described"));
    options.overwrite = parser.isSet(QStringLiteral("overwrite-human")) ? OverwritePolicy::ReplaceAll
                        : parser.isSet(QStringLiteral("overwrite"))     ? OverwritePolicy::ReplaceMachineMade
                                                                        : OverwritePolicy::KeepExisting;
    options.keepModificationTime = !parser.isSet(QStringLiteral("touch"));
    if (options.sidecar && !options.fields.onlyXmp()) {
        CliOutput::error(tr("an XMP sidecar holds no Exif or IPTC fields: leave out exif and iptc, or --sidecar"));
        return std::nullopt;
    }
    if (options.skipDescribed && options.overwrite != OverwritePolicy::KeepExisting) {
        CliOutput::error(tr("--skip-described and --overwrite contradict each other"));
        return std::nullopt;
    }
    request.language = parser.value(QStringLiteral("language"));
    static const QRegularExpression languageTag(QStringLiteral("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"));
    if (!request.language.isEmpty() && !languageTag.match(request.language).hasMatch()) {
        CliOutput::error(tr("--language takes a language tag such as en or de-DE"));
        return std::nullopt;
    }
    request.journal = parser.value(QStringLiteral("journal"));
    // Shares of one collection (caption --shard) get journals of their own: they run at once, and
    // their journals concatenate into one that restores them all.
    const QString shard = parser.optionNames().contains(QStringLiteral("shard")) ? parser.value(QStringLiteral("shard")) : QString();
    if (request.journal.isEmpty()) request.journal = defaultJournal(parser.positionalArguments(), options, shard);
    return request;
}

QString MetadataArguments::defaultJournal(const QStringList &inputs, const WriteOptions &options, const QString &shard)
{
    QStringList key;
    for (const QString &input : inputs) key << QFileInfo(input).absoluteFilePath();
    key.sort();
    key << QString::fromStdString(options.fields.names()) << QString::number(int(options.sidecar)) << QString::number(int(options.sidecarName))
        << QString::number(int(options.overwrite)) << QString::number(int(options.skipDescribed));
    if (!shard.isEmpty()) key << QStringLiteral("shard ") + shard;
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(key.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/snaption/journals");
    QDir().mkpath(folder);
    return folder + QStringLiteral("/metadata-") + hash + QStringLiteral(".jsonl");
}

} // namespace snaption::cli
