#include <snaption/widgets/modelcatalog.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cmath>

namespace snaption::widgets {

std::vector<CatalogEntry> ModelCatalog::parse(const QByteArray &json, int *skipped, QString *error)
{
    std::vector<CatalogEntry> entries;
    int bad = 0;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject() || !document.object().value(QStringLiteral("models")).isArray()) {
        if (error) *error = QObject::tr("The model catalog is not valid: %1").arg(parseError.errorString());
        return entries;
    }
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    for (const QJsonValue &value : document.object().value(QStringLiteral("models")).toArray()) {
        const QJsonObject o = value.toObject();
        CatalogEntry e;
        e.id = o.value(QStringLiteral("id")).toString();
        e.name = o.value(QStringLiteral("name")).toString(e.id);
        e.description = o.value(QStringLiteral("description")).toString();
        e.url = QUrl(o.value(QStringLiteral("url")).toString());
        e.sha256 = o.value(QStringLiteral("sha256")).toString().toLower().toLatin1();
        // A size must be a plausible whole number of bytes (a double outside qint64 is undefined).
        const QJsonValue size = o.value(QStringLiteral("size"));
        const double bytes = size.isUndefined() ? 0 : size.toDouble(-1); // no size: unknown
        const bool sizeOk = (size.isUndefined() || size.isDouble()) && bytes >= 0 && bytes <= 1e12 && bytes == std::floor(bytes);
        e.size = sizeOk ? qint64(bytes) : -1;
        // Every field that is there must be text, except the size.
        bool typesOk = value.isObject();
        for (const char *key : {"id", "name", "description", "url", "sha256", "license"})
            typesOk = typesOk && (!o.contains(QLatin1String(key)) || o.value(QLatin1String(key)).isString());
        e.license = o.value(QStringLiteral("license")).toString();
        // An id becomes a file name: letters, digits, '-', '_' and '.' only.
        const bool safeId = !e.id.isEmpty() && QRegularExpression(QStringLiteral("^[A-Za-z0-9._-]+$")).match(e.id).hasMatch() && !e.id.startsWith(QLatin1Char('.'));
        if (!typesOk || !safeId || !e.url.isValid() || e.url.scheme().isEmpty() || !hex.match(QString::fromLatin1(e.sha256)).hasMatch() || e.size < 0) {
            ++bad;
            continue;
        }
        entries.push_back(e);
    }
    if (skipped) *skipped = bad;
    return entries;
}

QString ModelCatalog::defaultLocation()
{
    const QString fromEnvironment = qEnvironmentVariable("SNAPTION_MODEL_CATALOG");
    return fromEnvironment.isEmpty() ? QStringLiteral(":/snaption/models.json") : fromEnvironment;
}

std::vector<CatalogEntry> ModelCatalog::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QObject::tr("Cannot read the model catalog %1: %2").arg(path, file.errorString());
        return {};
    }
    return parse(file.readAll(), nullptr, error);
}

QString ModelCatalog::modelFolder()
{
    // GenericDataLocation is $XDG_DATA_HOME (~/.local/share); the app's folder below it.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("snaption/models"));
}

} // namespace snaption::widgets
