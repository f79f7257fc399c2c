#include "captionassembler.h"

#include "gradcam.h"

namespace snaption {

CaptionResult CaptionAssembler::assemble(CaptionModelImpl &model, const Vocabulary &vocabulary, const CaptionStyle &style,
                                         const std::optional<SubwordModel> &subwords, const DecodedSequence &sequence, const torch::Tensor &image)
{
    CaptionResult result;
    result.language = style.language();
    std::vector<torch::Tensor> tokenAttention;
    for (std::size_t i = 0; i < sequence.tokens.size(); ++i) {
        if (sequence.tokens[i] == Vocabulary::kEnd) break;
        result.tokenIds.push_back(sequence.tokens[i]);
        tokenAttention.push_back(sequence.attention[i]);
    }
    const std::vector<SubwordModel::WordPieces> words = wordsOf(result.tokenIds, vocabulary, subwords);
    for (const SubwordModel::WordPieces &word : words) {
        result.words.push_back(word.word);
        result.tokensPerWord.push_back(int(word.pieceCount));
        float probability = 1;
        for (std::size_t i = word.firstPiece; i < word.firstPiece + word.pieceCount; ++i) probability *= sequence.probabilities[i];
        result.probabilities.push_back(probability);
    }
    result.caption = style.caption(result.words);
    result.words = style.writtenWords(result.words);
    result.score = sequence.score;
    result.timings.generatedTokens = int(sequence.tokens.size());
    result.attention = attentionOf(model, tokenAttention, result, words, image);
    return result;
}

std::vector<SubwordModel::WordPieces> CaptionAssembler::wordsOf(const std::vector<std::int64_t> &tokens, const Vocabulary &vocabulary,
                                                                const std::optional<SubwordModel> &subwords)
{
    if (subwords) return subwords->words(tokens);
    std::vector<SubwordModel::WordPieces> words;
    for (std::size_t i = 0; i < tokens.size(); ++i) words.push_back({vocabulary.token(tokens[i]), i, 1});
    return words;
}

torch::Tensor CaptionAssembler::perWord(const torch::Tensor &perToken, const std::vector<SubwordModel::WordPieces> &words)
{
    if (std::int64_t(words.size()) == perToken.size(0)) return perToken; // one token per word
    std::vector<torch::Tensor> means;
    for (const SubwordModel::WordPieces &word : words)
        means.push_back(perToken.narrow(0, std::int64_t(word.firstPiece), std::int64_t(word.pieceCount)).mean(0));
    return torch::stack(means);
}

AttentionMaps CaptionAssembler::attentionOf(CaptionModelImpl &model, const std::vector<torch::Tensor> &tokenAttention, const CaptionResult &result,
                                            const std::vector<SubwordModel::WordPieces> &words, const torch::Tensor &image)
{
    const ModelConfig &config = model.config();
    const bool seed = config.architecture == ModelConfig::kArchitectureSeed;
    const int height = seed ? 1 : config.attentionGridHeight(), width = seed ? 1 : config.attentionGridWidth();
    if (words.empty()) {
        // No words, but where the cells look is still the encoder's (a caption of <END> alone).
        AttentionMaps attention(0, config.decoder.layers, config.decoder.heads, height, width, {});
        if (!seed) attention.setPlacement(model.encoder().gridPlacement());
        return attention;
    }
    if (seed && image.defined()) {
        // One memory token: cross-attention is 1 everywhere. Grad-CAM maps instead, as one layer and head.
        const torch::Tensor maps = perWord(GradCam::maps(model, image, result.tokenIds), words).contiguous();
        std::vector<float> weights(maps.data_ptr<float>(), maps.data_ptr<float>() + maps.numel());
        AttentionMaps attention(int(words.size()), 1, 1, int(maps.size(1)), int(maps.size(2)), std::move(weights));
        attention.setPlacement(model.encoder().gridPlacement());
        return attention;
    }
    const torch::Tensor stacked = perWord(torch::stack(tokenAttention).to(torch::kFloat), words).contiguous();
    std::vector<float> weights(stacked.data_ptr<float>(), stacked.data_ptr<float>() + stacked.numel());
    AttentionMaps attention(int(words.size()), config.decoder.layers, config.decoder.heads, height, width, std::move(weights));
    if (!seed) attention.setPlacement(model.encoder().gridPlacement());
    return attention;
}

} // namespace snaption
