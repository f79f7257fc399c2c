#pragma once

// Exiv2, included in one place. Exiv2 0.27's Image::AutoPtr is a std::auto_ptr (deprecated in
// C++11); the target turns that one warning off.
#include <exiv2/exiv2.hpp>

namespace snaption::metadata {

// Snaption's own XMP namespace: the machine-made mark beside every caption it writes.
constexpr const char *kSnaptionNamespace = "http://ns.snaption.org/caption/1.0/";
constexpr const char *kSnaptionPrefix = "snaption";

// Initialises Exiv2 once per process, thread-safely: the XMP toolkit with a lock (so several
// threads may use Exiv2), Snaption's namespace, and Exiv2's own logging muted (problems reach
// users as MetadataProblem, not as "Warning:" lines on stderr).
void ensureExiv2();

} // namespace snaption::metadata
