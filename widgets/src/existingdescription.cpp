#include "existingdescription.h"

#include <snaption/metadata/metadatareader.h>

namespace snaption::widgets {

using metadata::CaptionField;

void readExistingDescription(const QString &path, CaptionOutcome &outcome)
{
    if (path.isEmpty()) return;
    try {
        const metadata::PhotoDescription photo = metadata::MetadataReader::read(path.toStdString());
        outcome.existingDescription = QString::fromStdString(photo.text(CaptionField::Description));
        outcome.existingAltText = QString::fromStdString(photo.text(CaptionField::AltText));
        outcome.existingFromSnaption = photo.isMachineMade({CaptionField::Description, CaptionField::AltText});
    } catch (const metadata::MetadataError &) {
    }
}

} // namespace snaption::widgets
