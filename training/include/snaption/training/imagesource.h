#pragma once

#include <snaption/rgbimage.h>
#include <snaption/training/dataset.h>

namespace snaption::training {

// The pixels of a dataset record: read from its file, or rendered for synthetic scenes.
class ImageSource {
public:
    // Throws Error(Io/BadImage) when a file cannot be read.
    static RgbImage load(const Dataset &dataset, const CaptionedImage &record);
};

} // namespace snaption::training
