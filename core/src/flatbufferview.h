#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace snaption {

// Read access to a FlatBuffer (the serialisation TFLite files use) in which every offset, length
// and vtable entry is checked against the buffer before it is followed. A malformed buffer makes
// an accessor throw Error(BadModel); it never reads outside [data, data + size).
class FlatBufferView {
public:
    FlatBufferView(const std::uint8_t *data, std::size_t size, std::string source)
        : m_data(data), m_size(size), m_source(std::move(source))
    {
    }

    class Table;
    class Vector;

    Table root() const;
    [[noreturn]] void fail(const std::string &what) const;
    std::uint32_t u32(std::size_t at) const;
    std::uint16_t u16(std::size_t at) const;
    const std::uint8_t *bytes(std::size_t at, std::size_t count) const;

    class Table {
    public:
        Table(const FlatBufferView *view, std::size_t position);
        bool has(int field) const { return fieldOffset(field) != 0; }
        std::int64_t integer(int field, int bytes, bool isSigned, std::int64_t fallback) const;
        std::optional<Table> table(int field) const;
        std::optional<Vector> vector(int field) const;
        std::string string(int field) const;

    private:
        std::size_t fieldOffset(int field) const; // 0 = absent
        std::size_t follow(int field) const;      // position an offset field points to
        const FlatBufferView *m_view;
        std::size_t m_position;
        std::size_t m_vtable;
        std::uint16_t m_vtableSize;
    };

    class Vector {
    public:
        Vector(const FlatBufferView *view, std::size_t position);
        std::uint32_t size() const { return m_count; }
        // Element access for vectors of scalars of `bytes` bytes, and of tables.
        std::int64_t integer(std::uint32_t index, int bytes, bool isSigned) const;
        float real(std::uint32_t index) const;
        Table table(std::uint32_t index) const;
        const std::uint8_t *data(int elementBytes) const; // all elements, bounds-checked

    private:
        const FlatBufferView *m_view;
        std::size_t m_position; // first element
        std::uint32_t m_count;
    };

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::string m_source;
};

} // namespace snaption
