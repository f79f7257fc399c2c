#pragma once

#include <snaption/encoderweights.h>

#include "tensorconversion.h"

namespace snaption {

struct EncoderWeights::Impl {
    EncoderConfig config;
    std::string path;
    std::string description;
    TensorMap tensors; // names as the encoder module (or a whole model under cnn_encoder.) uses
};

} // namespace snaption
