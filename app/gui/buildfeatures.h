#pragma once

#include <QStringList>

namespace snaption::gui {

// What of the optional features this build has, in words for --version and the About box: a
// feature left out because a package was missing at build time must be visible, not silent.
class BuildFeatures
{
public:
    static bool hasSpeech();
    // One translated line per optional feature, e.g. "Speak captions aloud: yes (engines: speechd)".
    static QStringList describe();
};

} // namespace snaption::gui
