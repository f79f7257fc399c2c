#pragma once

#include <cstdint>
#include <string>

namespace snaption {

// How words are chosen. The default, beam search of width 3, is deterministic: a screen-reader
// user gets the same caption for the same image every time.
struct DecodingOptions {
    enum class Strategy { Greedy, Beam, Sample };

    Strategy strategy = Strategy::Beam;
    int beamWidth = 3;
    // Beam search ranks whole captions by log probability / length^lengthPenalty: 1 is the mean per
    // word and favours longer captions, 0 the plain sum and favours shorter ones. 0.5 made Flickr8k
    // captions more precise than 1 (docs/BENCHMARKS.md); a caption's `score` stays the mean per word.
    double lengthPenalty = 0.5;
    int topK = 0;              // sampling: keep the k most likely words (0 = all)
    float temperature = 1.0f;  // sampling: > 1 flatter, < 1 sharper
    std::uint64_t seed = 0;    // sampling: same seed, same caption
    bool useKvCache = true;    // false recomputes the whole decoder every step (for benchmarks)
    int maxTokens = 0;         // 0 = the model's context length - 1
    bool gradCamMaps = true;   // seed architecture only: Grad-CAM maps per word (a backward pass each); off for scoring

    static DecodingOptions greedy();
    static DecodingOptions beam(int width);
    static DecodingOptions sample(int topK, float temperature, std::uint64_t seed);

    // Throws Error(InvalidArgument) naming the bad value.
    void validate() const;
    bool operator==(const DecodingOptions &other) const;
    bool operator!=(const DecodingOptions &other) const { return !(*this == other); }
    std::string describe() const; // "beam 3", "greedy", "sample top-k 5 T 0.8 seed 1"
};

} // namespace snaption
