#include "flatbufferview.h"

#include <snaption/error.h>

#include <cstring>

namespace snaption {

void FlatBufferView::fail(const std::string &what) const
{
    throw Error(ErrorKind::BadModel, m_source + ": malformed file: " + what);
}

const std::uint8_t *FlatBufferView::bytes(std::size_t at, std::size_t count) const
{
    if (at > m_size || count > m_size - at) fail("an offset points outside the file");
    return m_data + at;
}

std::uint32_t FlatBufferView::u32(std::size_t at) const
{
    const std::uint8_t *p = bytes(at, 4);
    return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[3]) << 24);
}

std::uint16_t FlatBufferView::u16(std::size_t at) const
{
    const std::uint8_t *p = bytes(at, 2);
    return std::uint16_t(p[0] | (p[1] << 8));
}

FlatBufferView::Table FlatBufferView::root() const
{
    return Table(this, u32(0));
}

FlatBufferView::Table::Table(const FlatBufferView *view, std::size_t position) : m_view(view), m_position(position)
{
    const std::int64_t relative = std::int32_t(view->u32(position));
    const std::int64_t vtable = std::int64_t(position) - relative;
    if (vtable < 0) view->fail("a table's vtable lies before the file");
    m_vtable = std::size_t(vtable);
    m_vtableSize = view->u16(m_vtable);
    if (m_vtableSize < 4 || m_vtableSize % 2) view->fail("a vtable has an invalid size");
    view->bytes(m_vtable, m_vtableSize);
    const std::uint16_t tableSize = view->u16(m_vtable + 2);
    view->bytes(m_position, tableSize);
}

std::size_t FlatBufferView::Table::fieldOffset(int field) const
{
    const std::size_t entry = 4 + 2 * std::size_t(field);
    if (entry + 2 > m_vtableSize) return 0;
    return m_view->u16(m_vtable + entry);
}

std::int64_t FlatBufferView::Table::integer(int field, int bytes, bool isSigned, std::int64_t fallback) const
{
    const std::size_t offset = fieldOffset(field);
    if (!offset) return fallback;
    const std::uint8_t *p = m_view->bytes(m_position + offset, std::size_t(bytes));
    std::uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
    if (isSigned && bytes < 8 && (value >> (8 * bytes - 1)) & 1) value |= ~std::uint64_t(0) << (8 * bytes);
    return std::int64_t(value);
}

std::size_t FlatBufferView::Table::follow(int field) const
{
    const std::size_t at = m_position + fieldOffset(field);
    return at + m_view->u32(at);
}

std::optional<FlatBufferView::Table> FlatBufferView::Table::table(int field) const
{
    if (!has(field)) return std::nullopt;
    return Table(m_view, follow(field));
}

std::optional<FlatBufferView::Vector> FlatBufferView::Table::vector(int field) const
{
    if (!has(field)) return std::nullopt;
    return Vector(m_view, follow(field));
}

std::string FlatBufferView::Table::string(int field) const
{
    if (!has(field)) return {};
    const std::size_t at = follow(field);
    const std::uint32_t length = m_view->u32(at);
    const std::uint8_t *p = m_view->bytes(at + 4, length);
    return std::string(reinterpret_cast<const char *>(p), length);
}

FlatBufferView::Vector::Vector(const FlatBufferView *view, std::size_t position) : m_view(view), m_position(position + 4)
{
    m_count = view->u32(position);
    // Every element takes at least a byte: a count beyond the bytes that follow is a lie that
    // callers would otherwise believe when they reserve room for the elements (found by fuzzing).
    view->bytes(m_position, m_count);
}

const std::uint8_t *FlatBufferView::Vector::data(int elementBytes) const
{
    return m_view->bytes(m_position, std::size_t(m_count) * std::size_t(elementBytes));
}

std::int64_t FlatBufferView::Vector::integer(std::uint32_t index, int bytes, bool isSigned) const
{
    if (index >= m_count) m_view->fail("vector index out of range");
    const std::uint8_t *p = m_view->bytes(m_position + std::size_t(index) * std::size_t(bytes), std::size_t(bytes));
    std::uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
    if (isSigned && bytes < 8 && (value >> (8 * bytes - 1)) & 1) value |= ~std::uint64_t(0) << (8 * bytes);
    return std::int64_t(value);
}

float FlatBufferView::Vector::real(std::uint32_t index) const
{
    const std::uint32_t bits = std::uint32_t(integer(index, 4, false));
    float value;
    std::memcpy(&value, &bits, 4);
    return value;
}

FlatBufferView::Table FlatBufferView::Vector::table(std::uint32_t index) const
{
    if (index >= m_count) m_view->fail("vector index out of range");
    const std::size_t at = m_position + std::size_t(index) * 4;
    return Table(m_view, at + m_view->u32(at));
}

} // namespace snaption
