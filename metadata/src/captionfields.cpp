#include <snaption/metadata/captionfields.h>

#include <sstream>

namespace snaption::metadata {
namespace {

constexpr CaptionField kAllFields[] = {CaptionField::Description, CaptionField::AltText, CaptionField::Extended, CaptionField::Exif,
                                       CaptionField::Iptc};

unsigned bit(CaptionField field)
{
    return 1u << unsigned(field);
}

} // namespace

CaptionFields::CaptionFields(std::initializer_list<CaptionField> fields)
{
    for (CaptionField field : fields) insert(field);
}

CaptionFields CaptionFields::defaults()
{
    return {CaptionField::Description, CaptionField::AltText};
}

CaptionFields CaptionFields::all()
{
    CaptionFields fields;
    for (CaptionField field : kAllFields) fields.insert(field);
    return fields;
}

const char *CaptionFields::name(CaptionField field)
{
    switch (field) {
    case CaptionField::Description: return "description";
    case CaptionField::AltText: return "alt-text";
    case CaptionField::Extended: return "extended";
    case CaptionField::Exif: return "exif";
    case CaptionField::Iptc: return "iptc";
    }
    return "";
}

std::optional<CaptionField> CaptionFields::fromName(const std::string &name)
{
    for (CaptionField field : kAllFields)
        if (name == CaptionFields::name(field)) return field;
    return std::nullopt;
}

std::optional<CaptionFields> CaptionFields::parse(const std::string &names)
{
    CaptionFields fields;
    std::istringstream stream(names);
    std::string item;
    while (std::getline(stream, item, ',')) {
        const auto field = fromName(item);
        if (!field) return std::nullopt;
        fields.insert(*field);
    }
    if (fields.empty()) return std::nullopt;
    return fields;
}

void CaptionFields::insert(CaptionField field)
{
    m_bits |= bit(field);
}

void CaptionFields::remove(CaptionField field)
{
    m_bits &= ~bit(field);
}

bool CaptionFields::contains(CaptionField field) const
{
    return (m_bits & bit(field)) != 0;
}

bool CaptionFields::onlyXmp() const
{
    return !contains(CaptionField::Exif) && !contains(CaptionField::Iptc);
}

std::vector<CaptionField> CaptionFields::list() const
{
    std::vector<CaptionField> fields;
    for (CaptionField field : kAllFields)
        if (contains(field)) fields.push_back(field);
    return fields;
}

std::string CaptionFields::names() const
{
    std::string text;
    for (CaptionField field : list()) {
        if (!text.empty()) text += ',';
        text += name(field);
    }
    return text;
}

} // namespace snaption::metadata
