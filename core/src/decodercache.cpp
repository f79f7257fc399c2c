#include "decodercache.h"

#include <snaption/error.h>

#include <cstring>

namespace snaption {
namespace {

// rows of `source` [R, H, context, Dh] -> a new tensor of the same layout holding the first
// `length` positions of each chosen row (the rest is never read before it is written).
torch::Tensor selectFilledPositions(const torch::Tensor &source, const std::vector<std::int64_t> &rows, std::int64_t length)
{
    const std::int64_t heads = source.size(1), context = source.size(2), headDim = source.size(3);
    torch::Tensor selected = torch::empty({std::int64_t(rows.size()), heads, context, headDim}, source.options());
    if (length == 0) return selected;
    if (source.scalar_type() != torch::kFloat || !source.is_contiguous()) {
        const torch::Tensor index = torch::tensor(rows, torch::kLong);
        selected.narrow(2, 0, length).copy_(source.narrow(2, 0, length).index_select(0, index));
        return selected;
    }
    const float *from = source.data_ptr<float>();
    float *to = selected.data_ptr<float>();
    const std::int64_t headBlock = context * headDim, bytes = length * headDim * std::int64_t(sizeof(float));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::int64_t h = 0; h < heads; ++h)
            std::memcpy(to + (std::int64_t(r) * heads + h) * headBlock, from + (rows[r] * heads + h) * headBlock, std::size_t(bytes));
    }
    return selected;
}

} // namespace

void DecoderCache::selectRows(const std::vector<std::int64_t> &rows)
{
    const std::int64_t current = std::int64_t(memoryRows.size());
    for (std::int64_t row : rows)
        if (row < 0 || row >= current) throw Error(ErrorKind::InvalidArgument, "decoder row outside the batch");
    for (Layer &layer : layers) {
        layer.selfKeys = selectFilledPositions(layer.selfKeys, rows, length);
        layer.selfValues = selectFilledPositions(layer.selfValues, rows, length);
    }
    std::vector<std::int64_t> images;
    images.reserve(rows.size());
    for (std::int64_t row : rows) images.push_back(memoryRows[std::size_t(row)]);
    memoryRows = std::move(images);
}

torch::Tensor DecoderCache::memoryRowIndex() const
{
    return torch::tensor(memoryRows, torch::kLong);
}

bool DecoderCache::memoryIsPerRow() const
{
    for (std::size_t r = 0; r < memoryRows.size(); ++r)
        if (memoryRows[r] != std::int64_t(r)) return false;
    return layers.empty() || std::int64_t(memoryRows.size()) == layers.front().memoryKeys.size(0);
}

} // namespace snaption
