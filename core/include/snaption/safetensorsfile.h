#pragma once

#include <snaption/tensordtype.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace snaption {

// A parsed .safetensors file (https://github.com/huggingface/safetensors): an 8-byte little-endian
// header length, a JSON header, then the tensor bytes. Nothing in the file is trusted: the header
// length, JSON, dtypes, shapes and offsets are all checked before anything is used, and every
// problem is reported as Error(BadModel) naming the file and the fault.
class SafetensorsFile {
public:
    static constexpr std::uint64_t kMaxHeaderBytes = 100u * 1024u * 1024u;

    struct Entry {
        std::string name;
        TensorDType dtype = TensorDType::F32;
        std::vector<std::int64_t> shape;
        std::uint64_t begin = 0; // byte offsets into the data section
        std::uint64_t end = 0;
        std::int64_t elementCount() const;
    };

    // Reads and validates the whole file. Its bytes are mapped, not copied, where the system
    // allows: tensors may view them (see bytesOwner()).
    static SafetensorsFile read(const std::string &path);
    // Reads and validates only the header (offsets are checked against the file size).
    static SafetensorsFile readHeader(const std::string &path);
    // Validates an in-memory file.
    static SafetensorsFile parse(std::vector<std::uint8_t> bytes, const std::string &nameForErrors);

    const std::map<std::string, std::string> &metadata() const { return m_metadata; }
    const std::vector<Entry> &entries() const { return m_entries; }
    const Entry *find(const std::string &name) const;
    // The bytes of an entry; throws when only the header was read.
    const std::uint8_t *data(const Entry &entry) const;
    // Keeps the bytes that data() points into alive; whoever views them without copying holds it.
    // Empty when only the header was read.
    std::shared_ptr<const void> bytesOwner() const { return m_bytesOwner; }

private:
    void parseHeader(const std::uint8_t *headerBytes, std::uint64_t headerSize, std::uint64_t dataSize);
    static SafetensorsFile parseHeld(std::shared_ptr<const void> owner, const std::uint8_t *bytes, std::uint64_t size,
                                     const std::string &nameForErrors);

    std::string m_sourceName;
    std::shared_ptr<const void> m_bytesOwner;
    const std::uint8_t *m_bytes = nullptr;
    std::uint64_t m_dataStart = 0;
    std::map<std::string, std::string> m_metadata;
    std::vector<Entry> m_entries;
};

} // namespace snaption
