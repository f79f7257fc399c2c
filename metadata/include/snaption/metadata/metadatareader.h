#pragma once

#include <snaption/metadata/metadataproblem.h>
#include <snaption/metadata/photodescription.h>

#include <optional>
#include <string>

namespace snaption::metadata {

// Where an XMP sidecar lives: "photo.jpg.xmp" (darktable's and digiKam's default) or "photo.xmp".
enum class SidecarName { AppendXmp, ReplaceExtension };

std::string sidecarPath(const std::string &photo, SidecarName name);
// The sidecar a photo has, preferring "photo.jpg.xmp"; nullopt when there is none.
std::optional<std::string> existingSidecar(const std::string &photo);

// The metadata that holds captions, exactly as found, so that a restore can put it back:
// the whole XMP packet (not only the fields Snaption changes) and the two legacy fields.
struct StoredMetadata {
    bool hasXmp = false;
    std::string xmpPacket;
    std::optional<std::string> exifDescription;
    std::optional<std::string> iptcCaption;
    std::optional<std::string> iptcCharacterSet; // Snaption sets it to UTF-8 for non-ASCII captions
};

// Reads captions and Snaption's marks. Throws MetadataError (Missing, NotAFile, Unsupported,
// Corrupt) with the system's or Exiv2's reason.
class MetadataReader {
public:
    // The photo's own metadata merged with its sidecar's (the sidecar's XMP wins, as in darktable).
    static PhotoDescription read(const std::string &photo);
    // One file alone: a photo or an .xmp sidecar.
    static PhotoDescription readFile(const std::string &path);
    static StoredMetadata readStored(const std::string &path);
};

} // namespace snaption::metadata
