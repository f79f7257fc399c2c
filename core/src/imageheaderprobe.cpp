#include "imageheaderprobe.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace snaption {
namespace {

// Bounds-checked little/big-endian reads over a byte range; a read past the end yields nullopt.
class ByteReader {
public:
    ByteReader(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}
    bool has(std::size_t offset, std::size_t count) const { return offset <= m_size && count <= m_size - offset; }
    std::optional<std::uint32_t> be16(std::size_t o) const { return has(o, 2) ? std::optional<std::uint32_t>((m_data[o] << 8) | m_data[o + 1]) : std::nullopt; }
    std::optional<std::uint32_t> le16(std::size_t o) const { return has(o, 2) ? std::optional<std::uint32_t>((m_data[o + 1] << 8) | m_data[o]) : std::nullopt; }
    std::optional<std::uint32_t> be32(std::size_t o) const
    {
        if (!has(o, 4)) return std::nullopt;
        return (std::uint32_t(m_data[o]) << 24) | (std::uint32_t(m_data[o + 1]) << 16) | (std::uint32_t(m_data[o + 2]) << 8) | m_data[o + 3];
    }
    std::optional<std::uint32_t> le32(std::size_t o) const
    {
        if (!has(o, 4)) return std::nullopt;
        return (std::uint32_t(m_data[o + 3]) << 24) | (std::uint32_t(m_data[o + 2]) << 16) | (std::uint32_t(m_data[o + 1]) << 8) | m_data[o];
    }
    std::optional<std::uint32_t> le24(std::size_t o) const
    {
        if (!has(o, 3)) return std::nullopt;
        return (std::uint32_t(m_data[o + 2]) << 16) | (std::uint32_t(m_data[o + 1]) << 8) | m_data[o];
    }
    std::optional<std::uint8_t> u8(std::size_t o) const { return has(o, 1) ? std::optional<std::uint8_t>(m_data[o]) : std::nullopt; }
    bool startsWith(std::size_t o, const char *bytes, std::size_t n) const
    {
        return has(o, n) && std::memcmp(m_data + o, bytes, n) == 0;
    }
    bool startsWith(std::size_t o, const char *text) const { return startsWith(o, text, std::strlen(text)); }
    std::size_t size() const { return m_size; }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
};

using Dimensions = ImageHeaderProbe::Dimensions;

std::optional<Dimensions> make(std::optional<std::uint32_t> w, std::optional<std::uint32_t> h, const char *format, int bytesPerPixel = 4)
{
    if (!w || !h) return std::nullopt;
    return Dimensions{std::int64_t(*w), std::int64_t(*h), format, bytesPerPixel};
}

// PNG's IHDR: bit depth and colour type. Palettes and grey with alpha decode to 4 channels.
int pngBytesPerPixel(const ByteReader &r)
{
    const auto depth = r.u8(24), colourType = r.u8(25);
    if (!depth || !colourType) return 4;
    const int channels = *colourType == 0 ? 1 : (*colourType == 2 ? 3 : 4);
    return channels * (*depth == 16 ? 2 : 1);
}

std::optional<Dimensions> probeJpeg(const ByteReader &r)
{
    std::size_t pos = 2;
    while (r.has(pos, 2)) {
        if (*r.u8(pos) != 0xFF) return std::nullopt;
        std::uint8_t marker = *r.u8(pos + 1);
        if (marker == 0xFF) { ++pos; continue; } // fill byte
        pos += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue; // no length field
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;          // EOI / start of scan
        const auto length = r.be16(pos);
        if (!length || *length < 2) return std::nullopt;
        const bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) return make(r.be16(pos + 5), r.be16(pos + 3), "jpeg", 3);
        pos += *length;
    }
    return std::nullopt;
}

std::optional<Dimensions> probeWebp(const ByteReader &r)
{
    if (r.startsWith(12, "VP8 ")) {
        const auto w = r.le16(26), h = r.le16(28);
        if (!w || !h) return std::nullopt;
        return Dimensions{*w & 0x3FFF, *h & 0x3FFF, "webp"};
    }
    if (r.startsWith(12, "VP8L")) {
        const auto bits = r.le32(21);
        if (!bits) return std::nullopt;
        return Dimensions{std::int64_t(*bits & 0x3FFF) + 1, std::int64_t((*bits >> 14) & 0x3FFF) + 1, "webp"};
    }
    if (r.startsWith(12, "VP8X")) {
        const auto w = r.le24(24), h = r.le24(27);
        if (!w || !h) return std::nullopt;
        return Dimensions{std::int64_t(*w) + 1, std::int64_t(*h) + 1, "webp"};
    }
    return std::nullopt;
}

std::optional<Dimensions> probeTiff(const ByteReader &r)
{
    const bool little = r.startsWith(0, "II");
    auto read16 = [&](std::size_t o) { return little ? r.le16(o) : r.be16(o); };
    auto read32 = [&](std::size_t o) { return little ? r.le32(o) : r.be32(o); };
    const auto ifd = read32(4);
    if (!ifd) return std::nullopt;
    const auto count = read16(*ifd);
    if (!count) return std::nullopt;
    std::optional<std::uint32_t> width, height;
    std::uint32_t bits = 8, samples = 3;
    for (std::uint32_t i = 0; i < *count; ++i) {
        const std::size_t entry = std::size_t(*ifd) + 2 + std::size_t(i) * 12;
        const auto tag = read16(entry), type = read16(entry + 2);
        if (!tag || !type) return std::nullopt;
        const auto value = *type == 3 ? read16(entry + 8) : read32(entry + 8);
        if (*tag == 256 || *tag == 257) (*tag == 256 ? width : height) = value;
        // BitsPerSample holds one value per sample: inline for one, else at an offset.
        if (*tag == 258) {
            const auto valueCount = read32(entry + 4);
            const auto first = valueCount && *valueCount > 1 && value ? read16(*value) : read16(entry + 8);
            if (first) bits = *first;
        }
        if (*tag == 277 && value) samples = *value;
    }
    const int bytesPerPixel = int(std::clamp<std::uint32_t>(samples, 1, 4) * (bits > 8 ? std::min<std::uint32_t>((bits + 7) / 8, 8) : 1));
    return make(width, height, "tiff", std::max(bytesPerPixel, 3));
}

std::optional<Dimensions> probePnm(const ByteReader &r, const std::uint8_t *data)
{
    std::size_t pos = 2;
    std::int64_t values[2] = {0, 0};
    for (std::int64_t &value : values) {
        // Skip whitespace and comments.
        while (r.has(pos, 1)) {
            const char c = char(data[pos]);
            if (c == '#') {
                while (r.has(pos, 1) && data[pos] != '\n') ++pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++pos;
            } else {
                break;
            }
        }
        int digits = 0;
        while (r.has(pos, 1) && data[pos] >= '0' && data[pos] <= '9') {
            if (++digits > 12) return std::nullopt;
            value = value * 10 + (data[pos] - '0');
            ++pos;
        }
        if (digits == 0) return std::nullopt;
    }
    return Dimensions{values[0], values[1], "pnm"};
}

} // namespace

std::optional<ImageHeaderProbe::Dimensions> ImageHeaderProbe::probe(const std::uint8_t *data, std::size_t size)
{
    const ByteReader r(data, size);
    if (r.startsWith(0, "\x89PNG\r\n\x1a\n") && r.startsWith(12, "IHDR")) return make(r.be32(16), r.be32(20), "png", pngBytesPerPixel(r));
    if (r.has(0, 3) && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return probeJpeg(r);
    if (r.startsWith(0, "GIF87a") || r.startsWith(0, "GIF89a")) return make(r.le16(6), r.le16(8), "gif");
    if (r.startsWith(0, "BM")) {
        const auto headerSize = r.le32(14);
        if (!headerSize) return std::nullopt;
        if (*headerSize == 12) return make(r.le16(18), r.le16(20), "bmp");
        const auto w = r.le32(18), h = r.le32(22);
        if (!w || !h) return std::nullopt;
        // Dimensions are signed; a negative height marks a top-down image.
        const auto magnitude = [](std::uint32_t v) { return std::abs(std::int64_t(std::int32_t(v))); };
        return Dimensions{magnitude(*w), magnitude(*h), "bmp"};
    }
    if (r.startsWith(0, "RIFF") && r.startsWith(8, "WEBP")) return probeWebp(r);
    if (r.startsWith(0, "II*\0", 4) || r.startsWith(0, "MM\0*", 4)) return probeTiff(r);
    if (r.has(0, 2) && data[0] == 'P' && data[1] >= '1' && data[1] <= '6') return probePnm(r, data);
    return std::nullopt;
}

std::optional<std::string> ImageHeaderProbe::knownFormat(const std::uint8_t *data, std::size_t size)
{
    const ByteReader r(data, size);
    if (r.startsWith(0, "\x89PNG\r\n\x1a\n")) return "png";
    if (r.has(0, 3) && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return "jpeg";
    if (r.startsWith(0, "GIF87a") || r.startsWith(0, "GIF89a")) return "gif";
    if (r.startsWith(0, "BM")) return "bmp";
    if (r.startsWith(0, "RIFF") && r.startsWith(8, "WEBP")) return "webp";
    if (r.startsWith(0, "II*\0", 4) || r.startsWith(0, "MM\0*", 4)) return "tiff";
    if (r.has(0, 2) && data[0] == 'P' && data[1] >= '1' && data[1] <= '6') return "pnm";
    if (r.startsWith(0, "PF") || r.startsWith(0, "Pf")) return "pfm";
    if (r.startsWith(0, "\x59\xA6\x6A\x95", 4)) return "sun raster";
    if (r.startsWith(0, "#?RADIANCE") || r.startsWith(0, "#?RGBE")) return "radiance hdr";
    if (r.startsWith(0, "\0\0\0\x0CjP  \r\n\x87\n", 12) || r.startsWith(0, "\xFF\x4F\xFF\x51", 4)) return "jpeg 2000";
    if (r.startsWith(0, "\x76\x2F\x31\x01", 4)) return "openexr";
    return std::nullopt;
}

} // namespace snaption
