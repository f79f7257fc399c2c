#pragma once

#include <snaption/rgbimage.h>
#include <snaption/training/dataset.h>

#include <cstdint>
#include <string>
#include <vector>

namespace snaption::training {

// The project's own data: images of one to three coloured shapes on varied backgrounds, each
// with five grammatical captions and the box of every object. Deterministic: the same seed and
// index give the same scene.
class SyntheticScenes {
public:
    static constexpr int kDefaultSize = 128;

    struct Scene {
        RgbImage image;
        CaptionedImage record; // captions and objects (id = index)
    };

    static const std::vector<std::string> &shapes();  // circle, square, triangle, star, cross, diamond
    static const std::vector<std::string> &colours(); // red, green, blue, yellow, purple, orange, white

    static Scene generate(std::uint64_t seed, std::int64_t index, int size = kDefaultSize);
    // A dataset of `count` scenes (the split's records; images are rendered on demand).
    static Dataset dataset(std::uint64_t seed, int trainCount, int validationCount, int testCount, int size = kDefaultSize);
    // Writes scenes as a folder dataset: NNNNN.png + NNNNN.txt (captions) + NNNNN.json (objects).
    static void writeFolder(const std::string &folder, int count, std::uint64_t seed, int size = kDefaultSize);
};

} // namespace snaption::training
