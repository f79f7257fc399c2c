#pragma once

#include <snaption/metadata/metadatawriter.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>

namespace snaption::cli {

// What `caption --write-metadata` was asked to do.
struct MetadataRequest {
    metadata::WriteOptions options;
    QString journal;  // the undo journal (a default one per command when not given)
    QString language; // the captions' language tag
};

// The options of `snaption-cli caption` that write captions into the photos: --write-metadata
// FIELDS [--sidecar] [--sidecar-name] [--skip-described] [--overwrite] [--overwrite-human]
// [--journal FILE] [--touch] [--language TAG].
class MetadataArguments {
    Q_DECLARE_TR_FUNCTIONS(MetadataArguments)
public:
    static void add(QCommandLineParser &parser);
    static bool requested(const QCommandLineParser &parser);
    // nullopt after printing an error when the values do not fit together.
    static std::optional<MetadataRequest> read(const QCommandLineParser &parser);
    // The journal a command writes when none is named: one per set of inputs and options, in the
    // user's data folder, so that the same command started again carries on in the same journal.
    static QString defaultJournal(const QStringList &inputs, const metadata::WriteOptions &options, const QString &shard);
};

} // namespace snaption::cli
