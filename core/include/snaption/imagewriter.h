#pragma once

#include <snaption/rgbimage.h>

#include <string>

namespace snaption {

// Writes an image in the format its extension names (PNG, JPEG, ...). Throws Error(Io) on failure.
void writeImage(const RgbImage &image, const std::string &path);

} // namespace snaption
