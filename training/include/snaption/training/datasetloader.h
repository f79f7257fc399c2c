#pragma once

#include <snaption/training/dataset.h>

#include <string>

namespace snaption::training {

// Reads captioning datasets, detecting the format from the path:
//  - Flickr8k: a folder with Flickr8k.token.txt ("IMG.jpg#k<TAB>caption") or Kaggle's captions.txt
//    ("image,caption", header optional), the images in Images/ or Flicker8k_Dataset/, and the split
//    lists Flickr_8k.{train,dev,test}Images.txt (without them: 80/10/10 by file name);
//  - COCO captions JSON (images + annotations), images beside it or in images/;
//  - Karpathy split JSON (images with filename, split and sentences);
//  - a folder of images with same-name .txt captions (one per line; optional .json object
//    boxes), split by train/ val/ test/ subfolders or 80/10/10 by file name;
//  - "synthetic[:SEED]": rendered synthetic scenes.
// Bad records are skipped and counted in the report; only an unusable dataset is an error.
class DatasetLoader {
public:
    enum class Format { Auto, Flickr8k, Coco, Karpathy, Folder, Synthetic };

    struct Options {
        Format format = Format::Auto;
        int maxCaptionWords = 0;   // longer captions are counted as over-long (0 = no limit)
        bool verifyImages = false; // decode every image to find unreadable ones (slower)
        int threads = 2;
        // Synthetic scenes.
        int syntheticTrain = 4000, syntheticValidation = 200, syntheticTest = 500, syntheticSize = 128;
    };

    static Format detect(const std::string &path);
    static const char *formatName(Format format);
    static Format formatFromName(const std::string &name); // throws Error(InvalidArgument)
    // Throws Error(BadDataset) when nothing usable is found, Error(Io) when the path is unreadable.
    static Dataset load(const std::string &path, const Options &options);
};

} // namespace snaption::training
