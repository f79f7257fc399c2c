#pragma once

#include <snaption/error.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace snaption {

// Opens files that a user named. A missing file, a folder, a device and an unreadable file each
// get their own message, and a size limit is checked before anything is allocated, so no reader
// mistakes a folder for an "implausibly large" or empty file.
class InputFile {
public:
    // Size of a regular file; throws Error(Io) naming the problem.
    static std::uint64_t size(const std::string &path);
    // A binary stream positioned at the start; throws Error(Io).
    static std::ifstream open(const std::string &path);
    // The whole file. More than maxBytes is Error(tooLarge): "<path>: <what> larger than N MB".
    static std::vector<std::uint8_t> read(const std::string &path, std::uint64_t maxBytes, ErrorKind tooLarge, const std::string &what);
    static std::string readText(const std::string &path, std::uint64_t maxBytes, ErrorKind tooLarge, const std::string &what);
    // The first or last bytes (fewer when the file is shorter); throws Error(Io).
    static std::vector<std::uint8_t> head(const std::string &path, std::size_t bytes);
    static std::vector<std::uint8_t> tail(const std::string &path, std::size_t bytes);
    // Throws Error(InvalidArgument) when `output` is one of `inputs` (the same file however named,
    // links and hard links included): nothing may be written over what it was made from.
    static void refuseAsOutput(const std::string &output, const std::vector<std::string> &inputs);
};

} // namespace snaption
