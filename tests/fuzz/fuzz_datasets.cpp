// libFuzzer targets: the dataset readers (SNAPTION_FUZZ_FORMAT = flickr8k, coco or karpathy) on a
// real folder with a few images, and the training configuration reader (trainingconfig). Any
// exception but snaption::Error, any crash or sanitizer report is a finding.
#include <snaption/error.h>
#include <snaption/imagewriter.h>
#include <snaption/training/datasetloader.h>
#include <snaption/training/trainingconfig.h>

#include "bfloat16autocast.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

// trainingconfig.cpp asks the CPU about bfloat16 (in a LibTorch translation unit the fuzzers do
// not build); the answer does not matter to parsing.
bool snaption::training::Bfloat16Autocast::cpuHasNativeBfloat16() { return false; }

namespace {

const std::string &folder()
{
    static const std::string path = [] {
        char pattern[] = "/tmp/snaption-fuzz-XXXXXX";
        const std::string root = mkdtemp(pattern);
        std::system(("mkdir -p " + root + "/Images/sub").c_str());
        snaption::RgbImage image(8, 8);
        for (const char *name : {"a.jpg", "b.jpg", "c.png", "sub/d.jpg"}) snaption::writeImage(image, root + "/Images/" + name);
        return root;
    }();
    return path;
}

void write(const std::string &path, const std::uint8_t *data, std::size_t size)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char *>(data), std::streamsize(size));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string format = SNAPTION_FUZZ_FORMAT;
    try {
        if (format == "trainingconfig") {
            snaption::training::TrainingConfig::fromJson(std::string(reinterpret_cast<const char *>(data), size));
            return 0;
        }
        snaption::training::DatasetLoader::Options options;
        options.format = snaption::training::DatasetLoader::formatFromName(format);
        options.maxCaptionWords = 20;
        options.verifyImages = size % 8 == 0; // some inputs also decode the images they name
        options.threads = 1;
        std::string path = folder();
        if (format == "flickr8k") {
            // Before the first NUL: the captions file; after it: the training split list.
            const auto *nul = static_cast<const std::uint8_t *>(std::memchr(data, 0, size));
            const std::size_t first = nul ? std::size_t(nul - data) : size;
            write(path + "/Flickr8k.token.txt", data, first);
            if (nul) write(path + "/Flickr_8k.trainImages.txt", nul + 1, size - first - 1);
            else std::remove((path + "/Flickr_8k.trainImages.txt").c_str());
        } else {
            path += "/" + format + ".json";
            write(path, data, size);
        }
        snaption::training::DatasetLoader::load(path, options);
    } catch (const snaption::Error &) {
    }
    return 0;
}
