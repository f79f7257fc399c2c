#include <snaption/training/evaluator.h>

#include <snaption/error.h>
#include <snaption/training/imagesource.h>
#include <snaption/training/syntheticscenes.h>
#include <snaption/vocabulary.h>

#include <algorithm>

namespace snaption::training {

std::vector<std::string> Evaluator::lowerCaseWords(const CaptionResult &caption)
{
    std::vector<std::string> words;
    for (const std::string &word : caption.words) {
        std::string lower;
        for (const std::string &run : Vocabulary::tokenize(word)) lower += run;
        words.push_back(lower);
    }
    return words;
}

std::pair<int, int> Evaluator::attentionHits(const std::vector<std::string> &words, const AttentionMaps &attention,
                                             const std::vector<SceneObject> &objects, int imageWidth, int imageHeight)
{
    const auto &shapes = SyntheticScenes::shapes();
    const auto &colours = SyntheticScenes::colours();
    int nouns = 0, hits = 0;
    for (std::size_t i = 0; i < words.size() && int(i) < attention.steps(); ++i) {
        if (std::find(shapes.begin(), shapes.end(), words[i]) == shapes.end()) continue;
        // "red circle" names the red circle; a bare "circle" names the only circle, if there is one.
        const bool coloured = i > 0 && std::find(colours.begin(), colours.end(), words[i - 1]) != colours.end();
        const SceneObject *match = nullptr;
        int matches = 0;
        for (const SceneObject &object : objects) {
            if (object.shape == words[i] && (!coloured || object.colour == words[i - 1])) {
                match = &object;
                ++matches;
            }
        }
        if (matches != 1) continue;
        ++nouns;
        const std::vector<float> grid = attention.grid(int(i));
        const int peak = int(std::max_element(grid.begin(), grid.end()) - grid.begin());
        // Where the peak cell looks, which is not the middle of an equal tile (see GridPlacement).
        const double x = attention.placement().centreX(peak % attention.width()) * imageWidth;
        const double y = attention.placement().centreY(peak / attention.width()) * imageHeight;
        if (x >= match->box[0] && x < match->box[2] && y >= match->box[1] && y < match->box[3]) ++hits;
    }
    return {nouns, hits};
}

EvaluationResult Evaluator::evaluate(const Captioner &captioner, const Dataset &dataset, const std::string &split,
                                     const DecodingOptions &options, int maxImages, const Progress &progress,
                                     const std::atomic<bool> *cancel)
{
    const std::vector<CaptionedImage> &records = dataset.split(split);
    const int count = maxImages > 0 ? std::min<int>(maxImages, int(records.size())) : int(records.size());
    if (count == 0) throw Error(ErrorKind::BadDataset, "the " + split + " split of " + dataset.name + " has no images");
    EvaluationResult result;
    // Grad-CAM maps (seed architecture) cost a backward pass per word; only the hit rate needs them.
    DecodingOptions scoring = options;
    scoring.gradCamMaps = std::any_of(records.begin(), records.begin() + count, [](const CaptionedImage &r) { return !r.objects.empty(); });
    std::vector<CaptionMetrics::Tokens> candidates;
    std::vector<std::vector<CaptionMetrics::Tokens>> references;
    constexpr int kBatch = 8;
    for (int first = 0; first < count; first += kBatch) {
        if (cancel && *cancel) throw Error(ErrorKind::Cancelled, "evaluation cancelled");
        std::vector<RgbImage> images;
        std::vector<const CaptionedImage *> batch;
        for (int i = first; i < std::min(count, first + kBatch); ++i) {
            try {
                images.push_back(ImageSource::load(dataset, records[std::size_t(i)]));
                batch.push_back(&records[std::size_t(i)]);
            } catch (const Error &error) {
                ++result.failedImages;
                result.skippedImages.push_back(records[std::size_t(i)].id + ": " + error.what());
            }
        }
        if (images.empty()) continue;
        const std::vector<Captioner::Attempt> attempts = captioner.captionEach(images, scoring);
        for (std::size_t i = 0; i < attempts.size(); ++i) {
            if (!attempts[i].result) {
                ++result.failedImages;
                result.skippedImages.push_back(batch[i]->id + ": " + attempts[i].error);
                continue;
            }
            const CaptionResult &caption = *attempts[i].result;
            // Scored lower-case, as coco-caption scores: the written forms are for reading.
            candidates.push_back(Vocabulary::tokenize(caption.caption));
            std::vector<CaptionMetrics::Tokens> refs;
            for (const std::string &caption : batch[i]->captions) refs.push_back(Vocabulary::tokenize(caption));
            references.push_back(std::move(refs));
            result.captions.push_back(caption.caption);
            result.imageIds.push_back(batch[i]->id);
            result.captionMeasures.push_back(caption.scoreMeasures());
            if (!batch[i]->objects.empty()) {
                const auto [nouns, hits] = attentionHits(lowerCaseWords(caption), caption.attention, batch[i]->objects, images[i].width, images[i].height);
                result.attentionNouns += nouns;
                result.attentionHits += hits;
            }
        }
        if (progress) progress(std::min(count, first + kBatch), count);
    }
    if (candidates.empty())
        throw Error(ErrorKind::BadDataset, "none of the " + split + " images could be captioned" +
                                               (result.skippedImages.empty() ? "" : " (first: " + result.skippedImages.front() + ")"));
    result.scores = CaptionMetrics::compute(candidates, references);
    result.captionCiderD = CaptionMetrics::ciderDPerCaption(candidates, references);
    result.images = int(candidates.size());
    return result;
}

} // namespace snaption::training
