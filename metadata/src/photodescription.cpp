#include <snaption/metadata/photodescription.h>
#include <snaption/metadata/wordboundary.h>

namespace snaption::metadata {

std::string defaultText(const LangAltText &text)
{
    const auto fallback = text.find("x-default");
    if (fallback != text.end()) return fallback->second;
    return text.empty() ? std::string() : text.begin()->second;
}

bool MachineMark::operator==(const MachineMark &other) const
{
    return model == other.model && modelHash == other.modelHash && score == other.score && date == other.date && edited == other.edited &&
           caption == other.caption && language == other.language && fields == other.fields;
}

std::string PhotoDescription::text(CaptionField field) const
{
    switch (field) {
    case CaptionField::Description: return defaultText(description);
    case CaptionField::AltText: return defaultText(altText);
    case CaptionField::Extended: return defaultText(extended);
    case CaptionField::Exif: return exifDescription.value_or(std::string());
    case CaptionField::Iptc: return iptcCaption.value_or(std::string());
    }
    return {};
}

bool PhotoDescription::holdsAny() const
{
    for (CaptionField field : CaptionFields::all().list())
        if (holds(field)) return true;
    return false;
}

bool PhotoDescription::isMachineMade(CaptionField field) const
{
    return mark && !mark->edited && mark->fields.contains(field) && holds(field) && text(field) == fieldText(field, mark->caption);
}

bool PhotoDescription::isMachineMade(CaptionFields fields) const
{
    bool anything = false;
    for (CaptionField field : fields.list()) {
        if (!holds(field)) continue;
        if (!isMachineMade(field)) return false;
        anything = true;
    }
    return anything;
}

std::string fieldText(CaptionField field, const std::string &caption)
{
    if (field == CaptionField::AltText) return cutAtWordBoundary(caption, kAltTextLimit);
    if (field == CaptionField::Iptc) return cutAtWordBoundaryBytes(caption, kIptcCaptionLimit);
    return caption;
}

} // namespace snaption::metadata
