#include "featurecache.h"

#include <snaption/error.h>
#include <snaption/training/imagesource.h>

#include "imagebatch.h"
#include "systemmemory.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <future>

namespace snaption::training {
namespace {

constexpr int kEncoderBatch = 16;

// Seed of the augmentation of one view of one image: fixed, so a cache can be rebuilt exactly.
std::uint64_t viewSeed(std::uint64_t seed, std::int64_t image, int view)
{
    return seed * 1000003ull + std::uint64_t(image) * 131ull + std::uint64_t(view);
}

} // namespace

void FeatureCache::build(CaptionModelImpl &model, const Dataset &dataset, const std::vector<CaptionedImage> &records, int views,
                         const Augmenter *augmenter, std::uint64_t seed, int threads, const std::string &diskFile,
                         const Progress &progress, const std::atomic<bool> &cancel, const std::vector<std::int64_t> *subset)
{
    m_views = views;
    std::vector<std::int64_t> wanted;
    if (subset) wanted = *subset;
    else
        for (std::int64_t i = 0; i < std::int64_t(records.size()); ++i) wanted.push_back(i);
    const std::int64_t count = std::int64_t(wanted.size());
    m_usable.assign(records.size(), !subset);
    m_problems.assign(records.size(), std::string());
    m_rowOf.assign(records.size(), -1);
    for (std::int64_t row = 0; row < count; ++row) {
        m_rowOf[std::size_t(wanted[std::size_t(row)])] = row;
        m_usable[std::size_t(wanted[std::size_t(row)])] = true;
    }
    const EncoderConfig &encoder = model.config().encoder;
    torch::NoGradGuard noGrad;
    model.encoder().eval();
    model.encoder().fuseForInference(); // frozen: folding the batch norms is safe and faster

    // One image's views as preprocessed tensors, or nothing (and why) when it cannot be read.
    const auto prepare = [&](std::int64_t index) -> std::optional<std::vector<RgbImage>> {
        try {
            const RgbImage image = ImageSource::load(dataset, records[std::size_t(index)]);
            std::vector<RgbImage> out{image};
            for (int v = 1; v < views; ++v) out.push_back(augmenter ? augmenter->apply(image, viewSeed(seed, index, v)) : image);
            return out;
        } catch (const std::exception &error) {
            m_problems[std::size_t(index)] = Error::describe(error); // one writer per index
            return std::nullopt;
        }
    };

    std::vector<std::int64_t> shape;
    for (std::int64_t first = 0; first < count; first += kEncoderBatch) {
        if (cancel) throw Error(ErrorKind::Cancelled, "feature extraction cancelled");
        const std::int64_t last = std::min(count, first + kEncoderBatch);
        // Decode and augment in parallel, `threads` images at a time.
        std::vector<std::future<std::optional<std::vector<RgbImage>>>> jobs;
        std::vector<std::vector<RgbImage>> loaded(std::size_t(last - first));
        for (std::int64_t i = first; i < last; ++i) {
            jobs.push_back(std::async(std::launch::async, prepare, wanted[std::size_t(i)]));
            if (int(jobs.size()) == threads || i + 1 == last) {
                const std::int64_t base = i + 1 - std::int64_t(jobs.size());
                for (std::size_t j = 0; j < jobs.size(); ++j) {
                    auto views = jobs[j].get();
                    if (views) loaded[std::size_t(base - first) + j] = std::move(*views);
                    else m_usable[std::size_t(wanted[std::size_t(base) + j])] = false;
                }
                jobs.clear();
            }
        }
        std::vector<RgbImage> flat;
        for (auto &imageViews : loaded) {
            if (imageViews.empty()) imageViews.assign(std::size_t(views), RgbImage(encoder.inputSize, encoder.inputSize)); // placeholder
            for (auto &view : imageViews) flat.push_back(std::move(view));
        }
        const torch::Tensor output = model.encoderOutput(ImageBatch::preprocess(flat, encoder.inputSize, encoder.normalization));
        std::vector<std::int64_t> perImage{last - first, views};
        for (std::int64_t d = 1; d < output.dim(); ++d) perImage.push_back(output.size(d));
        if (!m_features.defined()) {
            shape.assign(perImage.begin() + 2, perImage.end());
            std::vector<std::int64_t> full{count, views};
            full.insert(full.end(), shape.begin(), shape.end());
            allocate(full, diskFile);
        }
        m_features.narrow(0, first, last - first).copy_(output.view(perImage).to(torch::kHalf));
        if (progress) progress(int(last), int(count));
    }
}

void FeatureCache::allocate(const std::vector<std::int64_t> &shape, const std::string &diskFile)
{
    std::int64_t elements = 1;
    for (const std::int64_t d : shape) elements *= d;
    const std::uint64_t bytes = std::uint64_t(elements) * 2;
    const auto gigabytes = [](std::uint64_t value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f GB", double(value) / 1e9);
        return std::string(text);
    };
    // Refused before the first byte is written: a cache that does not fit would swap the machine
    // to a halt, or fill the disk, hours into a run.
    if (diskFile.empty()) {
        requireMemory(bytes, "the feature cache (" + std::to_string(m_views) + " views of each image; fewer views, or a cache_folder on disk, need less)");
        m_features = torch::empty(shape, torch::kHalf);
        return;
    }
    std::error_code error;
    const std::filesystem::path folder = std::filesystem::path(diskFile).parent_path();
    std::filesystem::create_directories(folder, error);
    const std::filesystem::space_info space = std::filesystem::space(folder, error);
    if (!error && bytes > space.available)
        throw Error(ErrorKind::Io, diskFile + ": the feature cache needs " + gigabytes(bytes) + " on disk, but " + gigabytes(space.available) + " are free");
    { std::ofstream(diskFile, std::ios::binary | std::ios::trunc); }
    std::filesystem::resize_file(diskFile, std::uintmax_t(bytes), error);
    if (error) throw Error(ErrorKind::Io, diskFile + ": cannot create the feature cache (" + error.message() + ")");
    m_features = torch::from_file(diskFile, true, elements, torch::kHalf).view(shape);
}

torch::Tensor FeatureCache::gather(const std::vector<std::int64_t> &images, const std::vector<int> &views) const
{
    std::vector<torch::Tensor> rows;
    rows.reserve(images.size());
    for (std::size_t i = 0; i < images.size(); ++i) rows.push_back(m_features[m_rowOf[std::size_t(images[i])]][views[i]]);
    return torch::stack(rows).to(torch::kFloat);
}

std::vector<std::int64_t> FeatureCache::outputShape() const
{
    std::vector<std::int64_t> shape = m_features.sizes().vec();
    return std::vector<std::int64_t>(shape.begin() + 2, shape.end());
}

} // namespace snaption::training
