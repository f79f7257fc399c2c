#include "captionassembler.h"

#include "gradcam.h"

namespace snaption {

CaptionResult CaptionAssembler::assemble(CaptionModelImpl &model, const Vocabulary &vocabulary, const CaptionStyle &style, const DecodedSequence &sequence,
                                         const torch::Tensor &image)
{
    CaptionResult result;
    result.language = style.language();
    std::vector<torch::Tensor> wordAttention;
    for (std::size_t i = 0; i < sequence.tokens.size(); ++i) {
        if (sequence.tokens[i] == Vocabulary::kEnd) break;
        result.tokenIds.push_back(sequence.tokens[i]);
        result.words.push_back(vocabulary.token(sequence.tokens[i]));
        result.probabilities.push_back(sequence.probabilities[i]);
        wordAttention.push_back(sequence.attention[i]);
    }
    result.caption = style.caption(result.words);
    result.words = style.writtenWords(result.words);
    result.score = sequence.score;
    result.timings.generatedTokens = int(sequence.tokens.size());
    const ModelConfig &config = model.config();
    if (config.architecture == ModelConfig::kArchitectureSeed && image.defined()) {
        // One memory token: cross-attention is 1 everywhere. Grad-CAM maps instead, as one layer and head.
        const torch::Tensor maps = GradCam::maps(model, image, result.tokenIds).contiguous();
        std::vector<float> weights(maps.data_ptr<float>(), maps.data_ptr<float>() + maps.numel());
        result.attention = AttentionMaps(int(result.words.size()), 1, 1, int(maps.size(1)), int(maps.size(2)), std::move(weights));
        result.attention.setPlacement(model.encoder().gridPlacement());
        return result;
    }
    const bool seed = config.architecture == ModelConfig::kArchitectureSeed;
    const int height = seed ? 1 : config.attentionGridHeight(), width = seed ? 1 : config.attentionGridWidth();
    std::vector<float> weights;
    if (!wordAttention.empty()) {
        const torch::Tensor stacked = torch::stack(wordAttention).to(torch::kFloat).contiguous();
        weights.assign(stacked.data_ptr<float>(), stacked.data_ptr<float>() + stacked.numel());
    }
    result.attention = AttentionMaps(int(wordAttention.size()), config.decoder.layers, config.decoder.heads, height, width, std::move(weights));
    if (!seed) result.attention.setPlacement(model.encoder().gridPlacement());
    return result;
}

} // namespace snaption
