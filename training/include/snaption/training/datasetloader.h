#pragma once

#include <snaption/training/dataset.h>
#include <snaption/training/trainingconfig.h>

#include <cstdint>
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
// Bad records are skipped and counted in the report; only an unusable dataset is an error. Image
// names in dataset files resolve inside the dataset's folder: absolute names and ones that climb
// out with ".." are refused (counted as refused paths), so a dataset cannot make Snaption read
// files elsewhere. Files larger than kMaxTextBytes / kMaxJsonBytes, or JSON whose parsed form
// would not fit the machine's memory, are refused unread.
class DatasetLoader {
public:
    enum class Format { Auto, Flickr8k, Coco, Karpathy, Folder, Synthetic };

    struct Options {
        Format format = Format::Auto;
        int maxCaptionWords = 0;   // longer captions are counted as over-long (0 = no limit)
        bool verifyImages = false; // decode every image to find unreadable ones (slower)
        // The split that must hold usable images: "train" to train, the scored one to evaluate.
        std::string requiredSplit = "train";
        int threads = 2;
        // Synthetic scenes.
        int syntheticTrain = 4000, syntheticValidation = 200, syntheticTest = 500, syntheticSize = 128;
    };

    static constexpr std::uint64_t kMaxTextBytes = std::uint64_t(1) << 30;
    static constexpr std::uint64_t kMaxJsonBytes = std::uint64_t(1) << 30;

    // Loader options for training with `config`: its caption length and synthetic scene counts.
    static Options optionsFor(const TrainingConfig &config);

    static Format detect(const std::string &path);
    static const char *formatName(Format format);
    static Format formatFromName(const std::string &name); // throws Error(InvalidArgument)
    // Throws Error(BadDataset) when nothing usable is found, Error(Io) when the path is unreadable.
    static Dataset load(const std::string &path, const Options &options);
};

} // namespace snaption::training
