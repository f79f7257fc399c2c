#include "xmpcodec.h"

#include <snaption/metadata/metadataproblem.h>
#include <snaption/metadata/wordboundary.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace snaption::metadata {
namespace {

const char *const kDescriptionKey = "Xmp.dc.description";
const char *const kAltTextKey = "Xmp.iptc.AltTextAccessibility";
const char *const kExtendedKey = "Xmp.iptc.ExtDescrAccessibility";
const char *const kExifKey = "Exif.Image.ImageDescription";
const char *const kIptcKey = "Iptc.Application2.Caption";
const char *const kIptcCharsetKey = "Iptc.Envelope.CharacterSet";
const char *const kUtf8Escape = "\x1b%G"; // ISO 2022 escape for UTF-8 in IPTC IIM

// The mark's properties in Snaption's namespace.
const char *const kMarkModel = "Xmp.snaption.Model";
const char *const kMarkModelHash = "Xmp.snaption.ModelHash";
const char *const kMarkScore = "Xmp.snaption.Score";
const char *const kMarkDate = "Xmp.snaption.Date";
const char *const kMarkEdited = "Xmp.snaption.Edited";
const char *const kMarkCaption = "Xmp.snaption.Caption";
const char *const kMarkLanguage = "Xmp.snaption.Language";
const char *const kMarkFields = "Xmp.snaption.Fields";
const char *const kMarkKeys[] = {kMarkModel, kMarkModelHash, kMarkScore, kMarkDate, kMarkEdited, kMarkCaption, kMarkLanguage, kMarkFields};

const char *xmpKey(CaptionField field)
{
    switch (field) {
    case CaptionField::Description: return kDescriptionKey;
    case CaptionField::AltText: return kAltTextKey;
    case CaptionField::Extended: return kExtendedKey;
    default: return nullptr;
    }
}

LangAltText readLangAlt(const Exiv2::XmpData &xmp, const char *key)
{
    const auto datum = xmp.findKey(Exiv2::XmpKey(key));
    if (datum == xmp.end()) return {};
    if (const auto *langAlt = dynamic_cast<const Exiv2::LangAltValue *>(&datum->value())) {
        LangAltText text;
        for (const auto &entry : langAlt->value_) text[entry.first] = entry.second;
        return text;
    }
    // Written by a tool as plain text: it is still the description.
    return {{"x-default", datum->toString()}};
}

std::string xmpText(const Exiv2::XmpData &xmp, const char *key)
{
    const auto datum = xmp.findKey(Exiv2::XmpKey(key));
    return datum == xmp.end() ? std::string() : datum->toString();
}

std::optional<MachineMark> readMark(const Exiv2::XmpData &xmp)
{
    if (xmp.findKey(Exiv2::XmpKey(kMarkCaption)) == xmp.end()) return std::nullopt;
    MachineMark mark;
    mark.model = xmpText(xmp, kMarkModel);
    mark.modelHash = xmpText(xmp, kMarkModelHash);
    mark.score = std::strtod(xmpText(xmp, kMarkScore).c_str(), nullptr);
    mark.date = xmpText(xmp, kMarkDate);
    mark.edited = xmpText(xmp, kMarkEdited) == "True";
    mark.caption = xmpText(xmp, kMarkCaption);
    mark.language = xmpText(xmp, kMarkLanguage);
    // Unknown names (from a later version) are ignored rather than dropping the mark.
    std::string names = xmpText(xmp, kMarkFields);
    std::size_t start = 0;
    while (start <= names.size()) {
        const std::size_t end = std::min(names.find(',', start), names.size());
        if (const auto field = CaptionFields::fromName(names.substr(start, end - start))) mark.fields.insert(*field);
        start = end + 1;
    }
    return mark;
}

std::optional<std::string> exifText(Exiv2::ExifData &exif)
{
    const auto datum = exif.findKey(Exiv2::ExifKey(kExifKey));
    if (datum == exif.end()) return std::nullopt;
    std::string text = datum->toString();
    while (!text.empty() && text.back() == '\0') text.pop_back();
    return text;
}

std::optional<std::string> iptcText(Exiv2::IptcData &iptc, const char *key = kIptcKey)
{
    const auto datum = iptc.findKey(Exiv2::IptcKey(key));
    if (datum == iptc.end()) return std::nullopt;
    return datum->toString();
}

void eraseXmp(Exiv2::XmpData &xmp, const char *key)
{
    const auto datum = xmp.findKey(Exiv2::XmpKey(key));
    if (datum != xmp.end()) xmp.erase(datum);
}

void writeLangAlt(Exiv2::XmpData &xmp, const char *key, const std::string &text, const std::string &language)
{
    Exiv2::LangAltValue value;
    // Other languages stay: a person's German description survives an English caption.
    for (const auto &entry : readLangAlt(xmp, key)) value.value_[entry.first] = entry.second;
    value.value_["x-default"] = text;
    if (!language.empty() && language != "x-default") value.value_[language] = text;
    eraseXmp(xmp, key);
    xmp.add(Exiv2::XmpKey(key), &value);
}

void writeExif(Exiv2::ExifData &exif, const std::string &text)
{
    exif[kExifKey] = text;
}

bool isAscii(const std::string &text)
{
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}

void writeIptc(Exiv2::IptcData &iptc, const std::string &text)
{
    if (!isAscii(text)) iptc[kIptcCharsetKey] = std::string(kUtf8Escape);
    iptc[kIptcKey] = text;
}

void writeMark(Exiv2::XmpData &xmp, const MachineMark &mark)
{
    for (const char *key : kMarkKeys) eraseXmp(xmp, key);
    xmp[kMarkModel] = mark.model;
    xmp[kMarkModelHash] = mark.modelHash;
    xmp[kMarkScore] = XmpCodec::formatScore(mark.score);
    xmp[kMarkDate] = mark.date;
    xmp[kMarkEdited] = std::string(mark.edited ? "True" : "False");
    xmp[kMarkCaption] = mark.caption;
    xmp[kMarkLanguage] = mark.language;
    xmp[kMarkFields] = mark.fields.names();
}

template <typename Data, typename Key>
void eraseKey(Data &data, const char *key)
{
    const auto datum = data.findKey(Key(key));
    if (datum != data.end()) data.erase(datum);
}

} // namespace

std::string XmpCodec::formatScore(double score)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.4f", std::isfinite(score) ? score : 0.0);
    return buffer;
}

double XmpCodec::storedScore(double score)
{
    return std::strtod(formatScore(score).c_str(), nullptr);
}

PhotoDescription XmpCodec::describe(Exiv2::Image &image)
{
    PhotoDescription description;
    const Exiv2::XmpData &xmp = image.xmpData();
    description.description = readLangAlt(xmp, kDescriptionKey);
    description.altText = readLangAlt(xmp, kAltTextKey);
    description.extended = readLangAlt(xmp, kExtendedKey);
    description.exifDescription = exifText(image.exifData());
    description.iptcCaption = iptcText(image.iptcData());
    description.mark = readMark(xmp);
    return description;
}

StoredMetadata XmpCodec::stored(Exiv2::Image &image)
{
    StoredMetadata stored;
    // The packet as read, not re-serialised: TIFF's reader keeps it in XmpData, the others in the
    // image (whose xmpPacket() serialises the parsed XMP afresh unless told to use the packet).
    stored.xmpPacket = image.xmpData().xmpPacket();
    if (stored.xmpPacket.empty()) {
        const bool fromPacket = image.writeXmpFromPacket();
        image.writeXmpFromPacket(true);
        stored.xmpPacket = image.xmpPacket();
        image.writeXmpFromPacket(fromPacket);
    }
    stored.hasXmp = !stored.xmpPacket.empty() || !image.xmpData().empty();
    stored.exifDescription = exifText(image.exifData());
    stored.iptcCaption = iptcText(image.iptcData());
    stored.iptcCharacterSet = iptcText(image.iptcData(), kIptcCharsetKey);
    return stored;
}

void XmpCodec::apply(Exiv2::Image &image, CaptionFields fields, const MachineMark &mark)
{
    try {
        applyFields(image, fields, mark);
    } catch (const Exiv2::AnyError &error) {
        throw MetadataError(MetadataProblem::WriteFailed, std::string("Exiv2 cannot set the caption: ") + error.what());
    }
}

void XmpCodec::putBack(Exiv2::Image &image, const StoredMetadata &before, CaptionFields fields)
{
    try {
        putBackFields(image, before, fields);
    } catch (const Exiv2::AnyError &error) {
        // Only a journal edited by hand holds an XMP packet that does not parse.
        throw MetadataError(MetadataProblem::Corrupt, std::string("the journal's copy of the metadata cannot be put back: ") + error.what());
    }
}

void XmpCodec::applyFields(Exiv2::Image &image, CaptionFields fields, const MachineMark &mark)
{
    Exiv2::XmpData &xmp = image.xmpData();
    for (CaptionField field : fields.list()) {
        const std::string text = fieldText(field, mark.caption);
        if (const char *key = xmpKey(field)) writeLangAlt(xmp, key, text, mark.language);
        else if (field == CaptionField::Exif) writeExif(image.exifData(), text);
        else if (field == CaptionField::Iptc) writeIptc(image.iptcData(), text);
    }
    writeMark(xmp, mark);
    // Serialise the edited XmpData, not the packet read.
    image.writeXmpFromPacket(false);
    xmp.usePacket(false);
}

void XmpCodec::putBackFields(Exiv2::Image &image, const StoredMetadata &before, CaptionFields fields)
{
    if (before.hasXmp) {
        // The packet exactly as it was, byte for byte, not re-serialised.
        image.setXmpPacket(before.xmpPacket);
        image.writeXmpFromPacket(true);
        // TIFF's writer takes the packet from XmpData, the others from the image.
        image.xmpData().setPacket(before.xmpPacket);
        image.xmpData().usePacket(true);
    } else {
        image.clearXmpPacket();
        image.clearXmpData();
        image.writeXmpFromPacket(false);
    }
    if (fields.contains(CaptionField::Exif)) {
        if (before.exifDescription) writeExif(image.exifData(), *before.exifDescription);
        else eraseKey<Exiv2::ExifData, Exiv2::ExifKey>(image.exifData(), kExifKey);
    }
    if (fields.contains(CaptionField::Iptc)) {
        if (before.iptcCaption) image.iptcData()[kIptcKey] = *before.iptcCaption;
        else eraseKey<Exiv2::IptcData, Exiv2::IptcKey>(image.iptcData(), kIptcKey);
        if (before.iptcCharacterSet) image.iptcData()[kIptcCharsetKey] = *before.iptcCharacterSet;
        else eraseKey<Exiv2::IptcData, Exiv2::IptcKey>(image.iptcData(), kIptcCharsetKey);
    }
}

} // namespace snaption::metadata
