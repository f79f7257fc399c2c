#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace snaption::widgets {

// A model file the app knows about and the language of its captions.
struct InstalledModel {
    QString path;     // absolute
    QString language; // BCP 47, from the file's header
    QDateTime modified;
};

// The models installed at once (the model folder's files and the recently used ones) and which
// one to use for a caption language. Reading headers touches the disk: scan() runs off the GUI
// thread (the caption worker); the choices are plain functions of its result.
class InstalledModels {
public:
    // The files to look at: *.safetensors in `folder`, then `recent` (most recent first), each once.
    static QStringList candidates(const QString &folder, const QStringList &recent);
    // Reads each candidate's header; files that are missing or not Snaption models are left out.
    static QList<InstalledModel> scan(const QStringList &candidates);

    // The caption languages on offer, sorted by tag, each once.
    static QStringList languages(const QList<InstalledModel> &models);
    // `remembered` if a model for it exists, else the interface language's if one exists, else
    // English, else the first; empty without models.
    static QString defaultLanguage(const QList<InstalledModel> &models, const QString &remembered, const QString &interfaceLanguage);
    // The model for `language`: the first of `recent` that has it, else the newest; empty if none.
    static QString modelFor(const QList<InstalledModel> &models, const QString &language, const QStringList &recent);
    // The language of `path` among the models, or empty.
    static QString languageOf(const QList<InstalledModel> &models, const QString &path);
    // A language's name in that language: "English", "Deutsch", "français".
    static QString displayName(const QString &language);
};

} // namespace snaption::widgets

Q_DECLARE_METATYPE(snaption::widgets::InstalledModel)
