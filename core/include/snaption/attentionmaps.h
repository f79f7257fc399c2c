#pragma once

#include <snaption/gridplacement.h>
#include <snaption/headchoice.h>
#include <snaption/layerchoice.h>

#include <vector>

namespace snaption {

// Cross-attention weights of a caption: for every generated word, every decoder layer and head,
// a distribution over the h x w memory grid (each map sums to 1), and where that grid's cells lie
// in the image.
class AttentionMaps {
public:
    AttentionMaps() = default;
    // weights: steps x layers x heads x (height * width), in that order. The cells are placed as
    // equal tiles until setPlacement() says where the encoder's cells really look.
    AttentionMaps(int steps, int layers, int heads, int height, int width, std::vector<float> weights);

    bool empty() const { return m_steps == 0; }
    int steps() const { return m_steps; }
    int layers() const { return m_layers; }
    int heads() const { return m_heads; }
    int height() const { return m_height; }
    int width() const { return m_width; }
    const std::vector<float> &weights() const { return m_weights; }
    const GridPlacement &placement() const { return m_placement; }
    void setPlacement(const GridPlacement &placement) { m_placement = placement; }

    // The height x width map of one word, row-major; by default the last layer's mean over heads.
    // Throws Error(InvalidArgument) for a word, layer or head the maps do not have.
    std::vector<float> grid(int step, LayerChoice layer = LayerChoice::last(), HeadChoice head = HeadChoice::meanOfAll()) const;

private:
    int m_steps = 0;
    int m_layers = 0;
    int m_heads = 0;
    int m_height = 0;
    int m_width = 0;
    std::vector<float> m_weights;
    GridPlacement m_placement;
};

} // namespace snaption
