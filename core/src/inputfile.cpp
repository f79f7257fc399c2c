#include "inputfile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>

namespace snaption {
namespace {

std::string megabytes(std::uint64_t bytes)
{
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

} // namespace

std::uint64_t InputFile::size(const std::string &path)
{
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) throw Error(ErrorKind::Io, path + ": no such file");
        throw Error(ErrorKind::Io, path + ": cannot open (" + std::strerror(errno) + ")");
    }
    if (S_ISDIR(status.st_mode)) throw Error(ErrorKind::Io, path + ": is a folder, not a file");
    if (!S_ISREG(status.st_mode)) throw Error(ErrorKind::Io, path + ": not a regular file");
    return std::uint64_t(status.st_size);
}

std::ifstream InputFile::open(const std::string &path)
{
    size(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, path + ": cannot open (" + std::strerror(errno) + ")");
    return in;
}

std::vector<std::uint8_t> InputFile::read(const std::string &path, std::uint64_t maxBytes, ErrorKind tooLarge, const std::string &what)
{
    const std::uint64_t bytes = size(path);
    if (bytes > maxBytes) throw Error(tooLarge, path + ": " + what + " larger than " + megabytes(maxBytes) + " (" + megabytes(bytes) + ")");
    std::ifstream in = open(path);
    std::vector<std::uint8_t> data(static_cast<std::size_t>(bytes));
    if (bytes && !in.read(reinterpret_cast<char *>(data.data()), std::streamsize(bytes)))
        throw Error(ErrorKind::Io, path + ": read error (" + std::strerror(errno) + ")");
    return data;
}

std::string InputFile::readText(const std::string &path, std::uint64_t maxBytes, ErrorKind tooLarge, const std::string &what)
{
    const std::vector<std::uint8_t> bytes = read(path, maxBytes, tooLarge, what);
    return std::string(bytes.begin(), bytes.end());
}

std::vector<std::uint8_t> InputFile::head(const std::string &path, std::size_t bytes)
{
    std::ifstream in = open(path);
    std::vector<std::uint8_t> data(bytes);
    in.read(reinterpret_cast<char *>(data.data()), std::streamsize(bytes));
    data.resize(std::size_t(in.gcount()));
    return data;
}

std::vector<std::uint8_t> InputFile::tail(const std::string &path, std::size_t bytes)
{
    const std::uint64_t length = size(path);
    std::ifstream in = open(path);
    const std::uint64_t count = std::min<std::uint64_t>(bytes, length);
    in.seekg(std::streamoff(length - count));
    std::vector<std::uint8_t> data(static_cast<std::size_t>(count));
    in.read(reinterpret_cast<char *>(data.data()), std::streamsize(count));
    data.resize(std::size_t(in.gcount()));
    return data;
}

void InputFile::refuseAsOutput(const std::string &output, const std::vector<std::string> &inputs)
{
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path target = fs::weakly_canonical(output, error);
    for (const std::string &input : inputs) {
        if (input.empty()) continue;
        std::error_code sameError;
        const bool same = fs::equivalent(output, input, sameError) || (!error && fs::weakly_canonical(input, sameError) == target);
        if (same) throw Error(ErrorKind::InvalidArgument, output + ": is also an input (" + input + "); choose another file to write");
    }
}

} // namespace snaption
