#include <snaption/widgets/installedmodels.h>

#include <snaption/modelinfo.h>

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace snaption::widgets {
namespace {

QString absolute(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

QStringList InstalledModels::candidates(const QString &folder, const QStringList &recent)
{
    QStringList paths;
    for (const QString &path : recent) paths << absolute(path);
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.safetensors")}, QDir::Files | QDir::Readable, QDir::Name))
        paths << absolute(dir.filePath(name));
    paths.removeDuplicates();
    return paths;
}

QList<InstalledModel> InstalledModels::scan(const QStringList &candidates)
{
    QList<InstalledModel> models;
    for (const QString &path : candidates) {
        const QFileInfo file(path);
        if (!file.isFile()) continue;
        try {
            const ModelInfo info = ModelInfo::read(path.toStdString());
            models.push_back({path, QString::fromStdString(info.style.language()), file.lastModified()});
        } catch (const std::exception &) {
            // Not a model (any more): not offered. Opening it by hand reports why.
        }
    }
    return models;
}

QStringList InstalledModels::languages(const QList<InstalledModel> &models)
{
    QStringList tags;
    for (const InstalledModel &model : models) tags << model.language;
    tags.removeDuplicates();
    tags.sort();
    return tags;
}

QString InstalledModels::defaultLanguage(const QList<InstalledModel> &models, const QString &remembered, const QString &interfaceLanguage)
{
    const QStringList offered = languages(models);
    for (const QString &wanted : {remembered, interfaceLanguage, QStringLiteral("en")}) {
        if (!wanted.isEmpty() && offered.contains(wanted)) return wanted;
    }
    return offered.value(0);
}

QString InstalledModels::modelFor(const QList<InstalledModel> &models, const QString &language, const QStringList &recent)
{
    for (const QString &path : recent) {
        const QString wanted = absolute(path);
        for (const InstalledModel &model : models) {
            if (model.path == wanted && model.language == language) return model.path;
        }
    }
    const InstalledModel *newest = nullptr;
    for (const InstalledModel &model : models) {
        if (model.language == language && (!newest || model.modified > newest->modified)) newest = &model;
    }
    return newest ? newest->path : QString();
}

QString InstalledModels::languageOf(const QList<InstalledModel> &models, const QString &path)
{
    const QString wanted = absolute(path);
    for (const InstalledModel &model : models) {
        if (model.path == wanted) return model.language;
    }
    return QString();
}

QString InstalledModels::displayName(const QString &language)
{
    // Qt names "en" "American English" (its default territory); the language alone is meant.
    if (language == QLatin1String("en")) return QStringLiteral("English");
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name;
}

} // namespace snaption::widgets
