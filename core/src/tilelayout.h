#pragma once

#include <cstdint>

namespace snaption {

// Where weight (o, i) of an InferenceLinear tile lies: w + o * rowStride + (i / 16) * chunkStride
// + i % 16. Plain rows: rowStride = in, chunkStride = 16. Int8 weights are stored in groups of 8
// rows whose 16-input chunks are interleaved (rowStride 16, chunkStride 128), so that a tile reads
// one sequential stream instead of 8 short ones: the hardware prefetcher then keeps up with a
// single input row.
struct TileLayout {
    std::int64_t rowStride, chunkStride;
    template <typename Weight>
    const Weight *at(const Weight *w, std::int64_t o, std::int64_t i) const
    {
        return w + o * rowStride + (i / kChunk) * chunkStride + i % kChunk;
    }
    static constexpr std::int64_t kChunk = 16;
};

} // namespace snaption
