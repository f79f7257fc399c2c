#pragma once

#include "exiv2session.h"

#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/photodescription.h>

namespace snaption::metadata {

// Between Exiv2's metadata containers and Snaption's plain structs. Throws MetadataError only.
class XmpCodec {
public:
    static PhotoDescription describe(Exiv2::Image &image);
    static StoredMetadata stored(Exiv2::Image &image);
    // Writes the caption into the chosen fields (lang-alt x-default and the mark's language; other
    // languages of a description stay) and the mark into Snaption's namespace.
    static void apply(Exiv2::Image &image, CaptionFields fields, const MachineMark &mark);
    // Puts the fields back as they were: the whole XMP packet (or none), and the legacy fields
    // named in `fields` (the others were never touched).
    static void putBack(Exiv2::Image &image, const StoredMetadata &before, CaptionFields fields);
    // The score as the mark stores it (four decimals); a mark's score is this value read back, so
    // what is written and what is read compare equal.
    static std::string formatScore(double score);
    static double storedScore(double score);

private:
    // apply and putBack without turning Exiv2's exceptions into MetadataError.
    static void applyFields(Exiv2::Image &image, CaptionFields fields, const MachineMark &mark);
    static void putBackFields(Exiv2::Image &image, const StoredMetadata &before, CaptionFields fields);
};

} // namespace snaption::metadata
