#pragma once

#include <optional>
#include <string>
#include <vector>

namespace snaption::metadata {

// The places in a photo's metadata a caption can go. The CLI names are in brackets.
enum class CaptionField {
    Description, // [description] XMP dc:description (lang-alt)
    AltText,     // [alt-text]    XMP Iptc4xmpCore:AltTextAccessibility (lang-alt, <= 250 characters)
    Extended,    // [extended]    XMP Iptc4xmpCore:ExtDescrAccessibility (lang-alt)
    Exif,        // [exif]        Exif.Image.ImageDescription (legacy readers)
    Iptc,        // [iptc]        Iptc.Application2.Caption (legacy readers)
};

// A set of fields, in the enum's order.
class CaptionFields {
public:
    CaptionFields() = default;
    CaptionFields(std::initializer_list<CaptionField> fields);

    static CaptionFields defaults(); // description, alt-text
    static CaptionFields all();
    // "description,alt-text" -> the set; nullopt when a name is unknown or the list is empty.
    static std::optional<CaptionFields> parse(const std::string &names);
    static const char *name(CaptionField field);
    static std::optional<CaptionField> fromName(const std::string &name);

    void insert(CaptionField field);
    void remove(CaptionField field);
    bool contains(CaptionField field) const;
    bool empty() const { return m_bits == 0; }
    bool onlyXmp() const; // nothing in Exif or IPTC: the fields an XMP sidecar can hold
    std::vector<CaptionField> list() const;
    std::string names() const; // "description,alt-text"
    bool operator==(const CaptionFields &other) const { return m_bits == other.m_bits; }
    bool operator!=(const CaptionFields &other) const { return m_bits != other.m_bits; }

private:
    unsigned m_bits = 0;
};

} // namespace snaption::metadata
