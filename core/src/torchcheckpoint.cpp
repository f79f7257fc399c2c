#include "torchcheckpoint.h"

#include <snaption/error.h>

#include "inputfile.h"
#include "unpickler.h"

#include <fstream>
#include <limits>

namespace snaption {
namespace {

constexpr std::uint64_t kMaxPickleBytes = 256u << 20;

bool isTensorDict(const PickleValue::Ptr &value)
{
    if (!value || value->kind != PickleValue::Kind::Dict || value->entries.empty()) return false;
    for (const auto &[key, entry] : value->entries) {
        if (key->kind == PickleValue::Kind::String && entry->kind == PickleValue::Kind::Tensor) return true;
    }
    return false;
}

} // namespace

namespace {

// Opens the archive, first telling apart files that are no torch.save archive at all.
const std::string &checkedZip(const std::string &path)
{
    if (!ZipArchive::looksLikeZip(path)) {
        std::vector<std::uint8_t> head = InputFile::head(path, 4);
        head.resize(4, 0);
        // The legacy format starts with the pickled magic number 0x1950a86a20f9469cfc6c (LONG1, 10 bytes).
        if (head[0] == 0x80 && head[2] == 0x8a && head[3] == 0x0a)
            throw Error(ErrorKind::BadModel, path + ": saved in the legacy torch.save format of PyTorch < 1.6; re-save it with a "
                                                    "newer PyTorch (torch.save(torch.load(f), f))");
        if (head[0] == 0x80) throw Error(ErrorKind::BadModel, path + ": a plain pickle, not a torch.save archive of weights");
        throw Error(ErrorKind::BadModel, path + ": not a torch.save archive");
    }
    return path;
}

} // namespace

TorchCheckpoint::TorchCheckpoint(const std::string &path) : m_path(path), m_archive(checkedZip(path))
{
    for (const std::string &name : m_archive.names()) {
        const std::size_t slash = name.find('/');
        if (slash != std::string::npos && name.substr(slash + 1) == "data.pkl") {
            m_prefix = name.substr(0, slash + 1);
            break;
        }
    }
    if (m_prefix.empty()) throw Error(ErrorKind::BadModel, path + ": a ZIP archive, but not one written by torch.save (no data.pkl)");
    const std::vector<std::uint8_t> pickle = m_archive.read(m_prefix + "data.pkl", kMaxPickleBytes);
    m_root = Unpickler::load(pickle, path);
}

torch::Tensor TorchCheckpoint::storage(const PickleValue &value)
{
    const auto cached = m_storages.find(value.text);
    if (cached != m_storages.end()) return cached->second;
    const auto dtype = dtypeFromName(value.dtype);
    if (!dtype) throw Error(ErrorKind::BadModel, m_path + ": unsupported storage type " + value.dtype);
    const std::string record = m_prefix + "data/" + value.text;
    if (!m_archive.contains(record)) throw Error(ErrorKind::BadModel, m_path + ": storage " + value.text + " is missing from the archive");
    const std::uint64_t elementBytes = dtypeSize(*dtype);
    const std::uint64_t count = std::uint64_t(value.integer);
    if (count > ZipArchive::kMaxEntryBytes / elementBytes) throw Error(ErrorKind::BadModel, m_path + ": storage " + value.text + " is implausibly large");
    const std::vector<std::uint8_t> bytes = m_archive.read(record, count * elementBytes);
    if (bytes.size() < count * elementBytes)
        throw Error(ErrorKind::BadModel, m_path + ": storage " + value.text + " holds " + std::to_string(bytes.size()) + " bytes, " +
                                             std::to_string(count * elementBytes) + " needed");
    torch::Tensor tensor = torch::empty({std::int64_t(count)}, torch::TensorOptions().dtype(TensorConversion::toTorch(*dtype)));
    if (count) std::memcpy(tensor.data_ptr(), bytes.data(), count * elementBytes);
    m_storages.emplace(value.text, tensor);
    return tensor;
}

torch::Tensor TorchCheckpoint::tensor(const PickleValue &value)
{
    if (value.kind != PickleValue::Kind::Tensor || value.items.empty()) throw Error(ErrorKind::BadModel, m_path + ": not a tensor");
    const torch::Tensor data = storage(*value.items.front());
    const std::int64_t available = data.numel();
    // The view's furthest element must lie inside the storage; sizes and strides are untrusted.
    if (value.integer < 0) throw Error(ErrorKind::BadModel, m_path + ": negative tensor offset");
    std::int64_t last = value.integer;
    bool empty = false;
    for (std::size_t d = 0; d < value.sizes.size(); ++d) {
        const std::int64_t size = value.sizes[d], stride = value.strides[d];
        if (size < 0 || stride < 0) throw Error(ErrorKind::BadModel, m_path + ": negative tensor size or stride");
        if (size == 0) empty = true;
        if (size > 0 && stride > 0 && (size - 1) > (std::numeric_limits<std::int64_t>::max() - last) / stride)
            throw Error(ErrorKind::BadModel, m_path + ": tensor size overflows");
        if (size > 0) last += (size - 1) * stride;
    }
    if (empty) return torch::empty(value.sizes, data.options());
    if (last >= available)
        throw Error(ErrorKind::BadModel, m_path + ": a tensor needs " + std::to_string(last + 1) + " elements but its storage has " +
                                             std::to_string(available));
    return data.as_strided(value.sizes, value.strides, value.integer).clone();
}

TensorMap TorchCheckpoint::stateDict(const std::vector<std::string> &keys)
{
    PickleValue::Ptr dict = m_root;
    if (!isTensorDict(dict)) {
        dict = nullptr;
        for (const std::string &key : keys) {
            const PickleValue::Ptr candidate = m_root->get(key);
            if (isTensorDict(candidate)) {
                dict = candidate;
                break;
            }
        }
    }
    if (!dict) throw Error(ErrorKind::BadModel, m_path + ": holds no state dict (a dict of tensors, or one under \"model_state_dict\")");
    TensorMap tensors;
    for (const auto &[key, entry] : dict->entries) {
        if (key->kind != PickleValue::Kind::String || entry->kind != PickleValue::Kind::Tensor) continue;
        std::string name = key->text;
        if (name.rfind("module.", 0) == 0) name = name.substr(7); // saved from nn.DataParallel
        tensors[name] = tensor(*entry);
    }
    return tensors;
}

} // namespace snaption
