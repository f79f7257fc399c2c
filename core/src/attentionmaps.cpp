#include <snaption/attentionmaps.h>

#include <snaption/error.h>

namespace snaption {

AttentionMaps::AttentionMaps(int steps, int layers, int heads, int height, int width, std::vector<float> weights)
    : m_steps(steps), m_layers(layers), m_heads(heads), m_height(height), m_width(width), m_weights(std::move(weights))
{
    if (steps < 0 || layers <= 0 || heads <= 0 || height <= 0 || width <= 0 ||
        m_weights.size() != std::size_t(steps) * layers * heads * height * width)
        throw Error(ErrorKind::InvalidArgument, "attention maps: weights do not match their dimensions");
    m_placement = GridPlacement::uniform(height, width);
}

std::vector<float> AttentionMaps::grid(int step, LayerChoice layer, HeadChoice head) const
{
    if (step < 0 || step >= m_steps) throw Error(ErrorKind::InvalidArgument, "attention maps: no word " + std::to_string(step));
    if (!layer.fits(m_layers) || !head.fits(m_heads)) throw Error(ErrorKind::InvalidArgument, "attention maps: no such layer or head");
    const std::size_t cells = std::size_t(m_height) * m_width;
    const int firstLayer = layer.first(m_layers), lastLayer = layer.lastOf(m_layers);
    const int firstHead = head.first(m_heads), lastHead = head.lastOf(m_heads);

    std::vector<float> result(cells, 0.0f);
    int maps = 0;
    for (int l = firstLayer; l <= lastLayer; ++l) {
        for (int h = firstHead; h <= lastHead; ++h, ++maps) {
            const float *map = m_weights.data() + ((std::size_t(step) * m_layers + l) * m_heads + h) * cells;
            for (std::size_t i = 0; i < cells; ++i) result[i] += map[i];
        }
    }
    for (float &v : result) v /= float(maps);
    return result;
}

} // namespace snaption
