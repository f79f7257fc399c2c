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

// The weights' tensors, for the code that loads them into an encoder (core and training).
class EncoderWeightsTensors {
public:
    static const TensorMap &of(const EncoderWeights &weights) { return weights.m_impl->tensors; }
};

} // namespace snaption
