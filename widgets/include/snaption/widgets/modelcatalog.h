#pragma once

#include <QString>
#include <QUrl>

#include <vector>

namespace snaption::widgets {

// Downloadable models, from a small JSON catalog:
// {"models": [{"id", "name", "description", "url", "sha256", "size", "license"}]}
struct CatalogEntry {
    QString id;
    QString name;
    QString description;
    QUrl url;
    QByteArray sha256; // hex, lower case
    qint64 size = 0;   // bytes, 0 = unknown
    QString license;
};

class ModelCatalog {
public:
    // Parses a catalog; malformed entries are skipped (and counted in `skipped`).
    static std::vector<CatalogEntry> parse(const QByteArray &json, int *skipped = nullptr, QString *error = nullptr);
    // The catalog in use: $SNAPTION_MODEL_CATALOG (a file) if set, else the one built into the app.
    static QString defaultLocation();
    static std::vector<CatalogEntry> load(const QString &path, QString *error = nullptr);
    // Where downloaded models are kept: $XDG_DATA_HOME/snaption/models.
    static QString modelFolder();
};

} // namespace snaption::widgets
