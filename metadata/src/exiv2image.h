#pragma once

#include "exiv2session.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snaption::metadata {

// Opening images with Exiv2, its exceptions turned into MetadataError.
class Exiv2Image {
public:
    // From a file on disk, metadata read. Missing/NotAFile/Unsupported/Corrupt.
    static Exiv2::Image::AutoPtr openFile(const std::string &path);
    // From bytes already read (written back into memory, never to the file).
    static Exiv2::Image::AutoPtr openBytes(const std::vector<std::uint8_t> &bytes, const std::string &path);
    // An empty XMP sidecar in memory.
    static Exiv2::Image::AutoPtr newSidecar();
    // Writes the metadata (in memory) and returns the whole new file.
    static std::vector<std::uint8_t> serialise(Exiv2::Image &image, const std::string &path);
    // Throws Unsupported unless the image's format can hold what `needsExifIptc` asks for.
    static void requireWritable(Exiv2::Image &image, bool needsExifIptc, const std::string &path);
};

} // namespace snaption::metadata
