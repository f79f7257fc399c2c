#include <snaption/safetensorsfile.h>

#include <snaption/error.h>

#include "filemapping.h"
#include "inputfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

namespace snaption {
namespace {

constexpr std::size_t kMaxDimensions = 16;

[[noreturn]] void fail(const std::string &source, const std::string &what)
{
    throw Error(ErrorKind::BadModel, source + ": not a valid safetensors file: " + what);
}

std::uint64_t readLittleEndian64(const std::uint8_t *bytes)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | bytes[i];
    return value;
}

std::ifstream openOrThrow(const std::string &path, std::uint64_t &size)
{
    size = InputFile::size(path);
    return InputFile::open(path);
}

} // namespace

std::int64_t SafetensorsFile::Entry::elementCount() const
{
    std::int64_t count = 1;
    for (const auto d : shape) count *= d; // shapes are validated not to overflow
    return count;
}

SafetensorsFile SafetensorsFile::read(const std::string &path)
{
    if (InputFile::size(path) > (std::uint64_t(1) << 40)) fail(path, "the file is implausibly large");
    const std::shared_ptr<const FileMapping> mapping = FileMapping::map(path);
    return parseHeld(mapping, mapping->data(), mapping->size(), path);
}

SafetensorsFile SafetensorsFile::readHeader(const std::string &path)
{
    std::uint64_t size = 0;
    std::ifstream in = openOrThrow(path, size);
    SafetensorsFile file;
    file.m_sourceName = path;
    std::uint8_t prefix[8];
    if (size < 8 || !in.read(reinterpret_cast<char *>(prefix), 8)) fail(path, "shorter than the 8-byte header length");
    const std::uint64_t headerSize = readLittleEndian64(prefix);
    if (headerSize > kMaxHeaderBytes) fail(path, "header length " + std::to_string(headerSize) + " exceeds the 100 MB limit");
    if (headerSize > size - 8) fail(path, "header length " + std::to_string(headerSize) + " runs past the end of the file");
    std::vector<std::uint8_t> header(headerSize);
    if (headerSize && !in.read(reinterpret_cast<char *>(header.data()), std::streamsize(headerSize)))
        throw Error(ErrorKind::Io, path + ": read error");
    file.parseHeader(header.data(), headerSize, size - 8 - headerSize);
    return file;
}

SafetensorsFile SafetensorsFile::parse(std::vector<std::uint8_t> bytes, const std::string &nameForErrors)
{
    const std::shared_ptr<const FileMapping> held = FileMapping::hold(std::move(bytes));
    return parseHeld(held, held->data(), held->size(), nameForErrors);
}

SafetensorsFile SafetensorsFile::parseHeld(std::shared_ptr<const void> owner, const std::uint8_t *bytes, std::uint64_t size,
                                           const std::string &nameForErrors)
{
    SafetensorsFile file;
    file.m_sourceName = nameForErrors;
    if (size < 8) fail(nameForErrors, "shorter than the 8-byte header length");
    const std::uint64_t headerSize = readLittleEndian64(bytes);
    if (headerSize > kMaxHeaderBytes)
        fail(nameForErrors, "header length " + std::to_string(headerSize) + " exceeds the 100 MB limit");
    if (headerSize > size - 8)
        fail(nameForErrors, "header length " + std::to_string(headerSize) + " runs past the end of the file");
    file.m_dataStart = 8 + headerSize;
    file.parseHeader(bytes + 8, headerSize, size - file.m_dataStart);
    file.m_bytesOwner = std::move(owner);
    file.m_bytes = bytes;
    return file;
}

void SafetensorsFile::parseHeader(const std::uint8_t *headerBytes, std::uint64_t headerSize, std::uint64_t dataSize)
{
    const std::string &source = m_sourceName;
    if (headerSize < 2 || headerBytes[0] != '{') fail(source, "the header is not a JSON object");

    std::set<std::string> seenKeys;
    bool duplicate = false;
    std::string duplicateName;
    const auto onEvent = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json &parsed) {
        if (event == nlohmann::json::parse_event_t::key && depth == 1 && parsed.is_string() &&
            !seenKeys.insert(parsed.get<std::string>()).second && !duplicate) {
            duplicate = true;
            duplicateName = parsed.get<std::string>();
        }
        return true;
    };
    const char *begin = reinterpret_cast<const char *>(headerBytes);
    nlohmann::json header = nlohmann::json::parse(begin, begin + headerSize, onEvent, false);
    if (header.is_discarded()) fail(source, "the header is not valid JSON");
    if (!header.is_object()) fail(source, "the header is not a JSON object");
    if (duplicate) fail(source, "the name \"" + duplicateName + "\" appears twice in the header");

    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string &name = it.key();
        const nlohmann::json &value = it.value();
        if (name == "__metadata__") {
            if (!value.is_object()) fail(source, "__metadata__ is not an object");
            for (auto m = value.begin(); m != value.end(); ++m) {
                if (!m.value().is_string()) fail(source, "metadata value \"" + m.key() + "\" is not a string");
                m_metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor \"" + name + "\": ";
        if (!value.is_object()) fail(source, where + "entry is not an object");
        const auto dtypeField = value.find("dtype");
        const auto shapeField = value.find("shape");
        const auto offsetsField = value.find("data_offsets");
        if (dtypeField == value.end() || shapeField == value.end() || offsetsField == value.end())
            fail(source, where + "needs dtype, shape and data_offsets");
        if (!dtypeField->is_string()) fail(source, where + "dtype is not a string");
        const auto dtype = dtypeFromName(dtypeField->get<std::string>());
        if (!dtype) fail(source, where + "unsupported dtype \"" + dtypeField->get<std::string>() + "\"");

        Entry entry;
        entry.name = name;
        entry.dtype = *dtype;
        if (!shapeField->is_array() || shapeField->size() > kMaxDimensions)
            fail(source, where + "shape is not a list of at most 16 sizes");
        std::uint64_t elements = 1;
        for (const auto &dimension : *shapeField) {
            if (!dimension.is_number_unsigned()) fail(source, where + "shape holds a value that is not a non-negative integer");
            const std::uint64_t d = dimension.get<std::uint64_t>();
            if (d > 0 && elements > (std::uint64_t(1) << 50) / d) fail(source, where + "shape is absurdly large");
            elements *= d;
            entry.shape.push_back(std::int64_t(d));
        }
        if (!offsetsField->is_array() || offsetsField->size() != 2 || !(*offsetsField)[0].is_number_unsigned() ||
            !(*offsetsField)[1].is_number_unsigned())
            fail(source, where + "data_offsets is not a pair of non-negative integers");
        entry.begin = (*offsetsField)[0].get<std::uint64_t>();
        entry.end = (*offsetsField)[1].get<std::uint64_t>();
        if (entry.begin > entry.end) fail(source, where + "data_offsets end before they begin");
        if (entry.end > dataSize)
            fail(source, where + "data ends at byte " + std::to_string(entry.end) + " but the data section has " +
                             std::to_string(dataSize) + " bytes (truncated file?)");
        if (entry.end - entry.begin != elements * dtypeSize(entry.dtype))
            fail(source, where + "holds " + std::to_string(entry.end - entry.begin) + " bytes but its shape and dtype need " +
                             std::to_string(elements * dtypeSize(entry.dtype)));
        m_entries.push_back(std::move(entry));
    }

    // Tensors must tile the data section exactly: no overlaps (two tensors sharing bytes) and no gaps.
    std::vector<const Entry *> byOffset;
    for (const auto &entry : m_entries) byOffset.push_back(&entry);
    std::sort(byOffset.begin(), byOffset.end(), [](const Entry *a, const Entry *b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    std::uint64_t expected = 0;
    for (const Entry *entry : byOffset) {
        if (entry->begin != expected)
            fail(source, "tensor \"" + entry->name + "\" " + (entry->begin < expected ? "overlaps another tensor" : "leaves a gap before it"));
        expected = entry->end;
    }
    if (expected != dataSize)
        fail(source, "the data section has " + std::to_string(dataSize - expected) + " bytes that belong to no tensor");
}

const SafetensorsFile::Entry *SafetensorsFile::find(const std::string &name) const
{
    for (const auto &entry : m_entries) {
        if (entry.name == name) return &entry;
    }
    return nullptr;
}

const std::uint8_t *SafetensorsFile::data(const Entry &entry) const
{
    if (!m_bytes) throw Error(ErrorKind::BadModel, m_sourceName + ": only the header was read");
    return m_bytes + m_dataStart + entry.begin;
}

} // namespace snaption
