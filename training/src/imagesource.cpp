#include <snaption/training/imagesource.h>

#include <snaption/imageloader.h>
#include <snaption/training/syntheticscenes.h>

namespace snaption::training {

RgbImage ImageSource::load(const Dataset &dataset, const CaptionedImage &record)
{
    if (dataset.isSynthetic() && record.imagePath.empty())
        return SyntheticScenes::generate(dataset.syntheticSeed, std::stoll(record.id), dataset.syntheticImageSize).image;
    return ImageLoader().load(record.imagePath, ImageLoader::kCaptioningSize);
}

} // namespace snaption::training
