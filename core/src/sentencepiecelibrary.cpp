#include "sentencepiecelibrary.h"

#include <snaption/error.h>

#include <dlfcn.h>

#include <mutex>

namespace snaption {
namespace {

std::string folderOfThisLibrary()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void *>(&SentencePieceLibrary::api), &info) == 0 || !info.dli_fname) return std::string();
    const std::string path = info.dli_fname;
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

const SentencePieceApi *open(std::string *error)
{
    const std::string path = folderOfThisLibrary() + SentencePieceLibrary::kFileName;
    // Local: the module's protobuf symbols must not resolve anyone else's. Deep binding: its own
    // references must not resolve to LibTorch's libprotobuf either.
    void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!handle) {
        const char *why = dlerror();
        *error = "subword vocabularies need " + path + ": " + (why ? why : "cannot be opened");
        return nullptr;
    }
    const auto entry = reinterpret_cast<SnaptionSentencePieceEntry>(dlsym(handle, SentencePieceApi::kEntryPoint));
    const SentencePieceApi *api = entry ? entry() : nullptr;
    if (!api || api->version != SentencePieceApi::kVersion) {
        *error = path + " is not this version's SentencePiece module";
        return nullptr;
    }
    return api; // the module stays loaded for the life of the process
}

} // namespace

const SentencePieceApi &SentencePieceLibrary::api()
{
    static std::once_flag once;
    static const SentencePieceApi *api = nullptr;
    static std::string error;
    std::call_once(once, [] { api = open(&error); });
    if (!api) throw Error(ErrorKind::Io, error);
    return *api;
}

} // namespace snaption
