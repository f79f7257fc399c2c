#pragma once

#include <torch/nn/module.h>

#include <memory>
#include <string>

namespace snaption {

// Registers a module under a dotted path ("features.1.conv.0.0"), creating empty intermediate
// modules, so that parameter names match PyTorch state dicts exactly while the forward code keeps
// direct handles to the layers it calls.
class ModuleTree {
public:
    template <typename Holder>
    static Holder attach(torch::nn::Module &root, const std::string &path, Holder holder)
    {
        torch::nn::Module &parent = parentOf(root, path);
        parent.register_module(path.substr(path.rfind('.') + 1), holder);
        return holder;
    }

private:
    static torch::nn::Module &parentOf(torch::nn::Module &root, const std::string &path);
};

} // namespace snaption
