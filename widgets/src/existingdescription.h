#pragma once

#include <snaption/widgets/captionjob.h>

namespace snaption::widgets {

// Fills the outcome's existing description and alt text from the photo's metadata (and whether
// Snaption wrote them), to be shown beside the new caption. A photo whose metadata cannot be read,
// or a pasted image (no path), shows none.
void readExistingDescription(const QString &path, CaptionOutcome &outcome);

} // namespace snaption::widgets
