#pragma once

#include <snaption/training/augmenter.h>
#include <snaption/training/dataset.h>

#include "captionmodel.h"

#include <atomic>
#include <functional>

namespace snaption::training {

// Encoder outputs computed once for a frozen encoder: for each image, `views` of them (view 0 the
// image as it is, the others augmented), stored as fp16 in memory or in a memory-mapped file.
// This is what makes CPU training practical: an epoch then costs only the decoder.
class FeatureCache {
public:
    using Progress = std::function<void(int done, int total)>;

    // Images are decoded and augmented by `threads` workers while the encoder runs. `subset`: the
    // indices of the only records to cache (a data-parallel rank's shards), all when null; the
    // others read as unusable, with no problem named.
    void build(CaptionModelImpl &model, const Dataset &dataset, const std::vector<CaptionedImage> &records, int views,
               const Augmenter *augmenter, std::uint64_t seed, int threads, const std::string &diskFile, const Progress &progress,
               const std::atomic<bool> &cancel, const std::vector<std::int64_t> *subset = nullptr);

    std::int64_t images() const { return m_features.defined() ? m_features.size(0) : 0; } // cached
    int views() const { return m_views; }
    // Encoder outputs (float32) of the given (image, view) pairs, stacked.
    torch::Tensor gather(const std::vector<std::int64_t> &images, const std::vector<int> &views) const;
    std::vector<std::int64_t> outputShape() const; // per image and view
    const std::vector<bool> &usable() const { return m_usable; } // false: the image could not be read
    const std::vector<std::string> &problems() const { return m_problems; } // why, per unusable image

private:
    void allocate(const std::vector<std::int64_t> &shape, const std::string &diskFile);

    torch::Tensor m_features; // [cached images, views, ...] fp16
    std::vector<std::int64_t> m_rowOf; // per record: its row in m_features, -1 when not cached
    std::vector<bool> m_usable;
    std::vector<std::string> m_problems;
    int m_views = 1;
};

} // namespace snaption::training
