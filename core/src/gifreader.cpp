#include "gifreader.h"

#include <snaption/error.h>

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace snaption {
namespace {

struct MemorySource {
    const std::uint8_t *data;
    std::size_t size;
    std::size_t position = 0;
};

int readFromMemory(GifFileType *gif, GifByteType *buffer, int wanted)
{
    auto *source = static_cast<MemorySource *>(gif->UserData);
    const std::size_t count = std::min<std::size_t>(std::size_t(std::max(wanted, 0)), source->size - source->position);
    std::memcpy(buffer, source->data + source->position, count);
    source->position += count;
    return int(count);
}

struct GifCloser {
    void operator()(GifFileType *gif) const
    {
        int error = 0;
        DGifCloseFile(gif, &error);
    }
};

[[noreturn]] void fail(const std::string &name, const std::string &what)
{
    throw Error(ErrorKind::BadImage, name + ": " + what);
}

std::string reason(int code)
{
    const char *text = GifErrorString(code);
    return text ? text : "unknown GIF error";
}

// Rows of an interlaced frame arrive in four passes: every 8th from 0, every 8th from 4, every
// 4th from 2, every 2nd from 1.
std::vector<int> rowOrder(int height, bool interlaced)
{
    std::vector<int> rows;
    rows.reserve(std::size_t(height));
    if (!interlaced) {
        for (int y = 0; y < height; ++y) rows.push_back(y);
        return rows;
    }
    const int starts[] = {0, 4, 2, 1}, steps[] = {8, 8, 4, 2};
    for (int pass = 0; pass < 4; ++pass)
        for (int y = starts[pass]; y < height; y += steps[pass]) rows.push_back(y);
    return rows;
}

} // namespace

RgbImage GifReader::readFirstFrame(const std::uint8_t *data, std::size_t size, std::int64_t maxPixels, const std::string &name)
{
    MemorySource source{data, size};
    int error = 0;
    std::unique_ptr<GifFileType, GifCloser> gif(DGifOpen(&source, readFromMemory, &error));
    if (!gif) fail(name, "not a readable GIF (" + reason(error) + ")");
    const std::int64_t width = gif->SWidth, height = gif->SHeight;
    if (width <= 0 || height <= 0) fail(name, "the GIF header declares an empty image");
    if (width * height > maxPixels) fail(name, "the GIF is larger than the pixel limit");
    RgbImage canvas{int(width), int(height)};
    std::fill(canvas.pixels.begin(), canvas.pixels.end(), std::uint8_t(255));

    int transparent = -1; // from the Graphics Control Extension before the frame
    for (;;) {
        GifRecordType record = UNDEFINED_RECORD_TYPE;
        if (DGifGetRecordType(gif.get(), &record) == GIF_ERROR) fail(name, "the GIF data is corrupt or truncated (" + reason(gif->Error) + ")");
        if (record == TERMINATE_RECORD_TYPE) fail(name, "the GIF holds no image");
        if (record == EXTENSION_RECORD_TYPE) {
            int code = 0;
            GifByteType *extension = nullptr;
            if (DGifGetExtension(gif.get(), &code, &extension) == GIF_ERROR) fail(name, "a corrupt GIF extension");
            if (code == GRAPHICS_EXT_FUNC_CODE && extension && extension[0] >= 4 && (extension[1] & 0x01)) transparent = extension[4];
            while (extension) {
                if (DGifGetExtensionNext(gif.get(), &extension) == GIF_ERROR) fail(name, "a corrupt GIF extension");
            }
            continue;
        }
        if (record != IMAGE_DESC_RECORD_TYPE) continue;
        if (DGifGetImageDesc(gif.get()) == GIF_ERROR) fail(name, "a corrupt GIF frame header");
        const GifImageDesc &frame = gif->Image;
        const ColorMapObject *colours = frame.ColorMap ? frame.ColorMap : gif->SColorMap;
        if (!colours || colours->ColorCount <= 0) fail(name, "the GIF has no colour table");
        if (frame.Width <= 0 || frame.Height <= 0 || std::int64_t(frame.Width) * frame.Height > maxPixels)
            fail(name, "the GIF frame has an impossible size");
        std::vector<GifPixelType> line(std::size_t(frame.Width));
        for (const int row : rowOrder(frame.Height, frame.Interlace)) {
            if (DGifGetLine(gif.get(), line.data(), frame.Width) == GIF_ERROR)
                fail(name, "the GIF data is corrupt or truncated (" + reason(gif->Error) + ")");
            const std::int64_t y = std::int64_t(frame.Top) + row;
            if (y < 0 || y >= height) continue; // frames may reach past the screen: clipped
            for (int column = 0; column < frame.Width; ++column) {
                const std::int64_t x = std::int64_t(frame.Left) + column;
                const int index = line[std::size_t(column)];
                if (x < 0 || x >= width || index == transparent) continue;
                const GifColorType colour = index < colours->ColorCount ? colours->Colors[index] : GifColorType{0, 0, 0};
                std::uint8_t *pixel = canvas.row(int(y)) + x * 3;
                pixel[0] = colour.Red;
                pixel[1] = colour.Green;
                pixel[2] = colour.Blue;
            }
        }
        return canvas; // the first frame only
    }
}

} // namespace snaption
