#pragma once

#include <snaption/metadata/captionfields.h>
#include <snaption/metadata/metadataproblem.h>
#include <snaption/metadata/metadatarestorer.h>
#include <snaption/metadata/writerecord.h>

#include <QCoreApplication>
#include <QString>

namespace snaption {

// The words users read for the metadata library's codes (the library speaks English only in its
// details), shared by snaption-cli and the desktop app.
class MetadataText {
    Q_DECLARE_TR_FUNCTIONS(MetadataText)
public:
    static QString field(metadata::CaptionField field);
    static QString fields(metadata::CaptionFields fields); // "description, alt text"
    static QString problem(metadata::MetadataProblem problem);
    static QString skipReason(metadata::SkipReason reason);
    static QString restoreStatus(metadata::RestoreStatus status);
    // "photo.jpg: the file is read-only (photo.jpg is read-only)": what failed and the system's words.
    static QString failure(const QString &file, metadata::MetadataProblem problem, const std::string &detail);
};

} // namespace snaption
