#include "moduletree.h"

namespace snaption {

torch::nn::Module &ModuleTree::parentOf(torch::nn::Module &root, const std::string &path)
{
    torch::nn::Module *current = &root;
    std::size_t start = 0;
    for (std::size_t dot = path.find('.'); dot != std::string::npos; start = dot + 1, dot = path.find('.', start)) {
        const std::string name = path.substr(start, dot - start);
        std::shared_ptr<torch::nn::Module> child;
        for (const auto &item : current->named_children()) {
            if (item.key() == name) child = item.value();
        }
        if (!child) child = current->register_module(name, std::make_shared<torch::nn::Module>());
        current = child.get();
    }
    return *current;
}

} // namespace snaption
