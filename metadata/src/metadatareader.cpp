#include <snaption/metadata/metadatareader.h>

#include "exiv2image.h"
#include "xmpcodec.h"

#include <sys/stat.h>

namespace snaption::metadata {
namespace {

bool isFile(const std::string &path)
{
    struct stat status {};
    return ::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode);
}

// The sidecar's XMP fields and mark replace the photo's.
void overlaySidecar(PhotoDescription &photo, const PhotoDescription &sidecar)
{
    if (!sidecar.description.empty()) photo.description = sidecar.description;
    if (!sidecar.altText.empty()) photo.altText = sidecar.altText;
    if (!sidecar.extended.empty()) photo.extended = sidecar.extended;
    if (sidecar.mark) photo.mark = sidecar.mark;
}

} // namespace

std::string sidecarPath(const std::string &photo, SidecarName name)
{
    if (name == SidecarName::AppendXmp) return photo + ".xmp";
    const auto slash = photo.rfind('/');
    const auto dot = photo.rfind('.');
    const bool hasExtension = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
    return (hasExtension ? photo.substr(0, dot) : photo) + ".xmp";
}

std::optional<std::string> existingSidecar(const std::string &photo)
{
    for (SidecarName name : {SidecarName::AppendXmp, SidecarName::ReplaceExtension}) {
        const std::string path = sidecarPath(photo, name);
        if (path != photo && isFile(path)) return path;
    }
    return std::nullopt;
}

PhotoDescription MetadataReader::read(const std::string &photo)
{
    PhotoDescription description = readFile(photo);
    if (const auto sidecar = existingSidecar(photo)) overlaySidecar(description, readFile(*sidecar));
    return description;
}

PhotoDescription MetadataReader::readFile(const std::string &path)
{
    auto image = Exiv2Image::openFile(path);
    return XmpCodec::describe(*image);
}

StoredMetadata MetadataReader::readStored(const std::string &path)
{
    auto image = Exiv2Image::openFile(path);
    return XmpCodec::stored(*image);
}

} // namespace snaption::metadata
