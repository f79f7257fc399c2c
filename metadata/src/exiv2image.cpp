#include "exiv2image.h"

#include <snaption/metadata/metadataproblem.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace snaption::metadata {
namespace {

MetadataProblem problemOf(const Exiv2::AnyError &error)
{
    switch (error.code()) {
    case Exiv2::kerFileContainsUnknownImageType:
    case Exiv2::kerMemoryContainsUnknownImageType:
    case Exiv2::kerUnsupportedImageType:
    case Exiv2::kerWritingImageFormatUnsupported:
    case Exiv2::kerInvalidSettingForImage: return MetadataProblem::Unsupported;
    default: return MetadataProblem::Corrupt;
    }
}

[[noreturn]] void rethrow(const Exiv2::AnyError &error, const std::string &path)
{
    throw MetadataError(problemOf(error), path + ": " + error.what());
}

bool canWrite(Exiv2::Image &image, Exiv2::MetadataId id)
{
    const Exiv2::AccessMode mode = image.checkMode(id);
    return mode == Exiv2::amWrite || mode == Exiv2::amReadWrite;
}

} // namespace

Exiv2::Image::AutoPtr Exiv2Image::openFile(const std::string &path)
{
    ensureExiv2();
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        const int error = errno;
        throw MetadataError(error == ENOENT ? MetadataProblem::Missing : MetadataProblem::Corrupt,
                            "cannot open " + path + ": " + std::strerror(error));
    }
    if (!S_ISREG(status.st_mode)) throw MetadataError(MetadataProblem::NotAFile, path + " is not a regular file");
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(path, false);
        image->readMetadata();
        return image;
    } catch (const Exiv2::AnyError &error) {
        rethrow(error, path);
    } catch (const std::exception &error) { // std::bad_alloc from a hostile length, ...
        throw MetadataError(MetadataProblem::Corrupt, path + ": " + error.what());
    }
}

Exiv2::Image::AutoPtr Exiv2Image::openBytes(const std::vector<std::uint8_t> &bytes, const std::string &path)
{
    ensureExiv2();
    if (bytes.empty()) throw MetadataError(MetadataProblem::Corrupt, path + ": the file is empty");
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(bytes.data(), long(bytes.size()));
        image->readMetadata();
        return image;
    } catch (const Exiv2::AnyError &error) {
        rethrow(error, path);
    } catch (const std::exception &error) {
        throw MetadataError(MetadataProblem::Corrupt, path + ": " + error.what());
    }
}

Exiv2::Image::AutoPtr Exiv2Image::newSidecar()
{
    ensureExiv2();
    return Exiv2::ImageFactory::create(Exiv2::ImageType::xmp);
}

std::vector<std::uint8_t> Exiv2Image::serialise(Exiv2::Image &image, const std::string &path)
{
    try {
        image.writeMetadata();
        Exiv2::BasicIo &io = image.io();
        if (io.open() != 0) throw MetadataError(MetadataProblem::WriteFailed, path + ": cannot read back the new metadata");
        const Exiv2::byte *data = io.mmap();
        std::vector<std::uint8_t> bytes(data, data + io.size());
        io.munmap();
        io.close();
        return bytes;
    } catch (const Exiv2::AnyError &error) {
        rethrow(error, path);
    } catch (const std::bad_alloc &) {
        throw MetadataError(MetadataProblem::WriteFailed, path + ": not enough memory");
    }
}

void Exiv2Image::requireWritable(Exiv2::Image &image, bool needsExifIptc, const std::string &path)
{
    if (!canWrite(image, Exiv2::mdXmp))
        throw MetadataError(MetadataProblem::Unsupported, path + ": this format cannot hold XMP (write a sidecar instead)");
    if (needsExifIptc && (!canWrite(image, Exiv2::mdExif) || !canWrite(image, Exiv2::mdIptc)))
        throw MetadataError(MetadataProblem::Unsupported, path + ": this format cannot hold Exif or IPTC");
}

} // namespace snaption::metadata
