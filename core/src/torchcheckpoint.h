#pragma once

#include "picklevalue.h"
#include "tensorconversion.h"
#include "ziparchive.h"

#include <map>
#include <string>

namespace snaption {

// A file written by torch.save (the zip format of PyTorch >= 1.6): "<name>/data.pkl" read with the
// restricted Unpickler, tensors resolved against the "<name>/data/<key>" storage records with
// every offset, size and stride checked against the storage they view.
class TorchCheckpoint {
public:
    // Throws Error(Io) or Error(BadModel).
    explicit TorchCheckpoint(const std::string &path);

    const PickleValue::Ptr &root() const { return m_root; }
    // A contiguous copy of a pickled tensor.
    torch::Tensor tensor(const PickleValue &value);
    // The tensors of a state dict: the root itself, or the first of `keys` under it that holds one
    // (a trainer checkpoint {"model_state_dict": ...}). Non-tensor entries are skipped.
    TensorMap stateDict(const std::vector<std::string> &keys = {"model_state_dict", "state_dict", "model"});

private:
    torch::Tensor storage(const PickleValue &storage);

    std::string m_path;
    ZipArchive m_archive;
    std::string m_prefix; // "<name>/"
    PickleValue::Ptr m_root;
    std::map<std::string, torch::Tensor> m_storages;
};

} // namespace snaption
