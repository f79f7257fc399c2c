// Precompiled header for snaption_core. LibTorch dominates compile time; parsing it once per
// target instead of once per file keeps a 2-core build fast.
#pragma once
#include <torch/nn.h>
#include <torch/types.h>
#include <ATen/ATen.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>
