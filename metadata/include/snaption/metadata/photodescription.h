#pragma once

#include <snaption/metadata/captionfields.h>

#include <map>
#include <optional>
#include <string>

namespace snaption::metadata {

// A lang-alt value: language ("x-default", "en", "de-DE", ...) -> text.
using LangAltText = std::map<std::string, std::string>;

// The text of a lang-alt value for display: x-default, else the first language, else "".
std::string defaultText(const LangAltText &text);

// What Snaption records (in its own XMP namespace) beside every caption it writes, so later runs
// can tell its captions from a person's.
struct MachineMark {
    std::string model;      // the model's name (its file's base name)
    std::string modelHash;  // SHA-256 of the model file, hex
    double score = 0;       // the caption's length-normalised log probability
    std::string date;       // ISO 8601, with the UTC offset
    bool edited = false;    // a person corrected the text before it was written
    std::string caption;    // the text as written (alt text may be a cut of it)
    std::string language;   // the caption's language ("en")
    CaptionFields fields;   // the fields it was written to

    bool operator==(const MachineMark &other) const;
    bool operator!=(const MachineMark &other) const { return !(*this == other); }
};

// The caption-bearing metadata of one photo (the file and, where there is one, its sidecar).
struct PhotoDescription {
    LangAltText description; // XMP dc:description
    LangAltText altText;     // XMP Iptc4xmpCore:AltTextAccessibility
    LangAltText extended;    // XMP Iptc4xmpCore:ExtDescrAccessibility
    std::optional<std::string> exifDescription; // Exif.Image.ImageDescription
    std::optional<std::string> iptcCaption;     // Iptc.Application2.Caption
    std::optional<MachineMark> mark;            // Snaption's record of what it wrote

    // The text a field holds ("" when none): a lang-alt field's default text.
    std::string text(CaptionField field) const;
    bool holds(CaptionField field) const { return !text(field).empty(); }
    bool holdsAny() const; // any of the five fields holds text
    // True when the field holds exactly what Snaption wrote there and nobody changed it since:
    // the mark names the field, the text is the mark's, and no person edited it.
    bool isMachineMade(CaptionField field) const;
    // True when some of the fields hold text and all of those that do are Snaption's (what the
    // desktop app says of a photo's description and alt text).
    bool isMachineMade(CaptionFields fields) const;
};

// What Snaption writes into a field for a caption: the alt text is cut to kAltTextLimit
// characters at a word boundary, the IPTC caption to kIptcCaptionLimit bytes.
std::string fieldText(CaptionField field, const std::string &caption);

} // namespace snaption::metadata
