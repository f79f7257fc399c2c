#include "gradcam.h"

#include <snaption/vocabulary.h>

#include <torch/autograd.h>

namespace snaption {

torch::Tensor GradCam::maps(CaptionModelImpl &model, const torch::Tensor &image, const std::vector<std::int64_t> &words)
{
    c10::InferenceMode enableAutograd(false);
    torch::Tensor features;
    {
        torch::NoGradGuard noGrad;
        features = model.encoder().features(image.clone()).detach();
    }
    const std::int64_t h = features.size(2), w = features.size(3);
    if (words.empty()) return torch::empty({0, h, w});
    features.requires_grad_(true);
    torch::AutoGradMode gradients(true);
    const torch::Tensor memory = model.memoryFromEncoderOutput(model.encoder().classify(features));
    std::vector<std::int64_t> inputs{Vocabulary::kStart};
    inputs.insert(inputs.end(), words.begin(), words.end() - 1);
    const torch::Tensor logits = model.decode(torch::tensor(inputs, torch::kLong).unsqueeze(0), memory); // [1, T, V]

    std::vector<torch::Tensor> maps;
    for (std::size_t t = 0; t < words.size(); ++t) {
        const torch::Tensor score = logits[0][std::int64_t(t)][words[t]];
        const torch::Tensor gradient = torch::autograd::grad({score}, {features}, {}, /*retain_graph=*/true)[0];
        const torch::Tensor channelWeights = gradient.mean({2, 3}, true);                             // [1, C, 1, 1]
        torch::Tensor map = torch::relu((channelWeights * features.detach()).sum(1)).squeeze(0);  // [h, w]
        const double total = map.sum().item<double>();
        map = total > 0 ? map / total : torch::full({h, w}, 1.0 / double(h * w));
        maps.push_back(map.detach());
    }
    return torch::stack(maps);
}

} // namespace snaption
