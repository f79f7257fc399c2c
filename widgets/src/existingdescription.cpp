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
        const bool anything = photo.holds(CaptionField::Description) || photo.holds(CaptionField::AltText);
        const bool descriptionMachineMade = !photo.holds(CaptionField::Description) || photo.isMachineMade(CaptionField::Description);
        const bool altTextMachineMade = !photo.holds(CaptionField::AltText) || photo.isMachineMade(CaptionField::AltText);
        outcome.existingFromSnaption = anything && descriptionMachineMade && altTextMachineMade;
    } catch (const metadata::MetadataError &) {
    }
}

} // namespace snaption::widgets
