#pragma once

namespace snaption {

// Where the cells of an encoder's feature grid (and so of every attention map) look in the image,
// as fractions of the image's width and height: cell (row, col) is centred at
// (originX + col * pitchX, originY + row * pitchY). A convolutional encoder's cells are not the
// image cut into equal tiles: strided convolutions pad on one side, which moves every cell's
// receptive field by up to half a cell, so heatmaps and attention peaks are placed with this.
struct GridPlacement {
    double originX = 0.5;
    double originY = 0.5;
    double pitchX = 1.0;
    double pitchY = 1.0;

    // The image cut into height x width equal tiles, each cell at its tile's centre.
    static GridPlacement uniform(int height, int width)
    {
        return {0.5 / width, 0.5 / height, 1.0 / width, 1.0 / height};
    }
    double centreX(int col) const { return originX + col * pitchX; }
    double centreY(int row) const { return originY + row * pitchY; }
    bool operator==(const GridPlacement &o) const
    {
        return originX == o.originX && originY == o.originY && pitchX == o.pitchX && pitchY == o.pitchY;
    }
};

} // namespace snaption
