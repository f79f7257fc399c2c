#pragma once

#include <snaption/modelconfig.h>

#include <memory>
#include <string>

namespace snaption {

// Pretrained image-encoder weights from any of the supported files, with the encoder
// configuration they imply:
//  - .safetensors or torch.save .pth/.pt with timm efficientnet_b0 names (conv_stem, blocks.*),
//    torchvision efficientnet_b0 (features.N.M.block.*) or torchvision mobilenet_v2
//    (features.N.conv.*), optionally under "cnn_encoder." (a whole Snaption or seed model);
//  - a TensorFlow Lite uint8 MobileNetV2 1.0/224: dequantised, batch norms already folded,
//    TF "SAME" padding, 1001 classes, inputs in [-1, 1].
// Pickled files are read with the restricted unpickler: nothing in them is executed.
class EncoderWeights {
public:
    // Throws Error(Io) or Error(BadModel) saying what the file is and why it cannot be used.
    static EncoderWeights read(const std::string &path);

    ~EncoderWeights();
    EncoderWeights(EncoderWeights &&) noexcept;
    EncoderWeights &operator=(EncoderWeights &&) noexcept;

    const EncoderConfig &config() const;
    const std::string &path() const;
    const std::string &description() const; // e.g. "torchvision mobilenet_v2, 1000 classes"

    struct Impl;

private:
    friend class EncoderWeightsTensors; // core's internal interface to the tensors (encoderweightsimpl.h)
    EncoderWeights();
    std::unique_ptr<Impl> m_impl;
};

} // namespace snaption
