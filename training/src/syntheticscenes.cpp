#include <snaption/training/syntheticscenes.h>

#include <snaption/error.h>
#include <snaption/imagewriter.h>

#include "splitmix.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace snaption::training {
namespace {

struct Colour {
    const char *name;
    int r, g, b;
};

const Colour kColours[] = {{"red", 220, 35, 35},     {"green", 40, 180, 60},   {"blue", 40, 90, 230},  {"yellow", 240, 215, 40},
                           {"purple", 150, 60, 200}, {"orange", 245, 140, 25}, {"white", 245, 245, 245}};
const char *const kShapes[] = {"circle", "square", "triangle", "star", "cross", "diamond"};
const char *const kBackgrounds[] = {"plain", "striped", "shaded", "speckled"};

cv::Scalar jittered(const Colour &c, SplitMix &random)
{
    const auto j = [&](int v) { return std::clamp(v + random.between(-15, 15), 0, 255); };
    return cv::Scalar(j(c.r), j(c.g), j(c.b)); // the canvas is RGB
}

void drawBackground(cv::Mat &canvas, int type, SplitMix &random)
{
    // Darker, muted tones, so that every object colour stands out.
    const auto tone = [&]() { return cv::Scalar(random.between(20, 110), random.between(20, 110), random.between(20, 110)); };
    const cv::Scalar first = tone(), second = tone();
    const int size = canvas.rows;
    switch (type) {
    case 0: canvas.setTo(first); break;
    case 1: { // stripes
        canvas.setTo(first);
        const int width = random.between(6, 14);
        const bool vertical = random.below(2);
        for (int i = 0; i < size; i += 2 * width)
            cv::rectangle(canvas, vertical ? cv::Rect(i, 0, width, size) : cv::Rect(0, i, size, width), second, cv::FILLED);
        break;
    }
    case 2: // vertical gradient
        for (int y = 0; y < size; ++y) {
            const double t = double(y) / double(size - 1);
            canvas.row(y).setTo(first * (1 - t) + second * t);
        }
        break;
    default: { // speckles
        canvas.setTo(first);
        const int count = size * size / 40;
        for (int i = 0; i < count; ++i) cv::circle(canvas, {random.below(size), random.below(size)}, 1, second, cv::FILLED);
        break;
    }
    }
}

// Draws a shape filling the box; returns the box actually covered.
std::array<int, 4> drawShape(cv::Mat &canvas, const std::string &shape, cv::Rect box, const cv::Scalar &colour)
{
    const cv::Point2d centre(box.x + box.width / 2.0, box.y + box.height / 2.0);
    const double r = box.width / 2.0;
    std::vector<cv::Point> points;
    const auto polygon = [&](int corners, double startAngle, const std::vector<double> &radii) {
        for (int i = 0; i < corners; ++i) {
            const double angle = startAngle + 2 * M_PI * i / corners;
            const double radius = radii[std::size_t(i) % radii.size()];
            points.emplace_back(int(std::lround(centre.x + radius * std::cos(angle))), int(std::lround(centre.y + radius * std::sin(angle))));
        }
    };
    if (shape == "circle") {
        cv::circle(canvas, cv::Point(int(centre.x), int(centre.y)), int(r), colour, cv::FILLED, cv::LINE_AA);
    } else if (shape == "square") {
        cv::rectangle(canvas, box, colour, cv::FILLED);
    } else if (shape == "cross") {
        const int bar = std::max(4, box.width / 3);
        cv::rectangle(canvas, cv::Rect(box.x, int(centre.y) - bar / 2, box.width, bar), colour, cv::FILLED);
        cv::rectangle(canvas, cv::Rect(int(centre.x) - bar / 2, box.y, bar, box.height), colour, cv::FILLED);
    } else {
        if (shape == "triangle") polygon(3, -M_PI / 2, {r});
        else if (shape == "diamond") polygon(4, -M_PI / 2, {r});
        else polygon(10, -M_PI / 2, {r, r * 0.45}); // star
        cv::fillPoly(canvas, std::vector<std::vector<cv::Point>>{points}, colour, cv::LINE_AA);
        const cv::Rect covered = cv::boundingRect(points);
        return {covered.x, covered.y, covered.x + covered.width, covered.y + covered.height};
    }
    return {box.x, box.y, box.x + box.width, box.y + box.height};
}

std::string article(const std::string &word)
{
    return std::string("aeiou").find(word.front()) != std::string::npos ? "an" : "a";
}

std::string region(const SceneObject &o, int size)
{
    const double cx = (o.box[0] + o.box[2]) / 2.0 / size, cy = (o.box[1] + o.box[3]) / 2.0 / size;
    const int column = cx < 1.0 / 3 ? 0 : (cx < 2.0 / 3 ? 1 : 2);
    const int row = cy < 1.0 / 3 ? 0 : (cy < 2.0 / 3 ? 1 : 2);
    if (row == 1 && column == 1) return "in the middle";
    static const char *const rows[] = {"top", "", "bottom"};
    static const char *const columns[] = {"left", "", "right"};
    if (row == 1) return std::string("on the ") + columns[column];
    if (column == 1) return std::string("at the ") + rows[row];
    return std::string("in the ") + rows[row] + " " + columns[column] + " corner";
}

std::vector<std::string> describe(std::vector<SceneObject> objects, const std::string &background, int size)
{
    const auto simple = [](const SceneObject &o) { return article(o.colour) + " " + o.colour + " " + o.shape; };
    const auto full = [](const SceneObject &o) { return article(o.size) + " " + o.size + " " + o.colour + " " + o.shape; };
    if (objects.size() == 1) {
        const SceneObject &o = objects[0];
        return {full(o), simple(o) + " " + region(o, size), "there is " + full(o) + " in the picture",
                "one " + o.colour + " " + o.shape + " on " + article(background) + " " + background + " background",
                "the image shows " + simple(o)};
    }
    // Name objects in reading order: left to right, or top to bottom when they are stacked.
    const bool horizontal = objects.size() > 2 || std::abs((objects[0].box[0] + objects[0].box[2]) - (objects[1].box[0] + objects[1].box[2])) >=
                                                      std::abs((objects[0].box[1] + objects[0].box[3]) - (objects[1].box[1] + objects[1].box[3]));
    std::sort(objects.begin(), objects.end(), [&](const SceneObject &a, const SceneObject &b) {
        return horizontal ? a.box[0] + a.box[2] < b.box[0] + b.box[2] : a.box[1] + a.box[3] < b.box[1] + b.box[3];
    });
    if (objects.size() == 2) {
        const SceneObject &a = objects[0], &b = objects[1];
        const std::string before = horizontal ? "to the left of" : "above", after = horizontal ? "to the right of" : "below";
        return {simple(a) + " and " + simple(b), full(a) + " " + before + " " + full(b), simple(b) + " " + after + " " + simple(a),
                "two shapes : " + simple(a) + " and " + simple(b), "there are two objects , " + article(a.shape) + " " + a.shape + " and " +
                                                                       article(b.shape) + " " + b.shape};
    }
    const SceneObject &a = objects[0], &b = objects[1], &c = objects[2];
    return {simple(a) + " , " + simple(b) + " and " + simple(c), "three shapes : " + full(a) + " , " + full(b) + " and " + full(c),
            simple(a) + " on the left , " + simple(c) + " on the right and " + simple(b) + " between them",
            "there are three objects , " + article(a.shape) + " " + a.shape + " , " + article(b.shape) + " " + b.shape + " and " +
                article(c.shape) + " " + c.shape,
            "from left to right : " + simple(a) + " , " + simple(b) + " and " + simple(c)};
}

} // namespace

const std::vector<std::string> &SyntheticScenes::shapes()
{
    static const std::vector<std::string> names(std::begin(kShapes), std::end(kShapes));
    return names;
}

const std::vector<std::string> &SyntheticScenes::colours()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const Colour &c : kColours) out.push_back(c.name);
        return out;
    }();
    return names;
}

SyntheticScenes::Scene SyntheticScenes::generate(std::uint64_t seed, std::int64_t index, int size)
{
    if (size < 48 || size > 2048) throw Error(ErrorKind::InvalidArgument, "synthetic scenes are 48 to 2048 pixels wide");
    SplitMix random(seed, std::uint64_t(index));
    cv::Mat canvas(size, size, CV_8UC3);
    const int backgroundType = random.below(4);
    drawBackground(canvas, backgroundType, random);

    Scene scene;
    scene.record.id = std::to_string(index);
    const int wanted = 1 + random.below(3);
    std::vector<cv::Rect> taken;
    for (int attempt = 0; attempt < 60 && int(scene.record.objects.size()) < wanted; ++attempt) {
        SceneObject object;
        object.shape = kShapes[random.below(int(std::size(kShapes)))];
        const Colour &colour = kColours[random.below(int(std::size(kColours)))];
        object.colour = colour.name;
        const bool large = random.below(2);
        object.size = large ? "large" : "small";
        const int side = int(size * (large ? 0.36 + 0.06 * random.uniform() : 0.22 + 0.04 * random.uniform()));
        const cv::Rect box(random.between(2, size - side - 2), random.between(2, size - side - 2), side, side);
        // Objects keep apart (so each is seen whole) and no two share shape and colour (so a
        // caption's "red circle" names exactly one of them).
        bool clash = false;
        for (std::size_t i = 0; i < taken.size(); ++i) {
            const cv::Rect grown(taken[i].x - 6, taken[i].y - 6, taken[i].width + 12, taken[i].height + 12);
            const SceneObject &other = scene.record.objects[i];
            clash |= (grown & box).area() > 0 || (other.shape == object.shape && other.colour == object.colour);
        }
        if (clash) continue;
        taken.push_back(box);
        object.box = drawShape(canvas, object.shape, box, jittered(colour, random));
        scene.record.objects.push_back(object);
    }
    scene.record.captions = describe(scene.record.objects, kBackgrounds[backgroundType], size);
    scene.image = RgbImage(size, size);
    for (int y = 0; y < size; ++y) std::memcpy(scene.image.row(y), canvas.ptr(y), std::size_t(size) * 3);
    return scene;
}

Dataset SyntheticScenes::dataset(std::uint64_t seed, int trainCount, int validationCount, int testCount, int size)
{
    Dataset dataset;
    dataset.name = "synthetic scenes (seed " + std::to_string(seed) + ")";
    dataset.format = "synthetic";
    dataset.source = "synthetic:" + std::to_string(seed);
    dataset.syntheticSeed = seed;
    dataset.syntheticImageSize = size;
    std::int64_t index = 0;
    for (auto [split, count] : {std::pair{&dataset.train, trainCount}, std::pair{&dataset.validation, validationCount},
                                std::pair{&dataset.test, testCount}}) {
        for (int i = 0; i < count; ++i) split->push_back(generate(seed, index++, size).record);
    }
    dataset.report.images = trainCount + validationCount + testCount;
    dataset.report.captions = 5 * dataset.report.images;
    return dataset;
}

void SyntheticScenes::writeFolder(const std::string &folder, int count, std::uint64_t seed, int size)
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw Error(ErrorKind::Io, folder + ": cannot create the folder (" + error.message() + ")");
    for (int i = 0; i < count; ++i) {
        const Scene scene = generate(seed, i, size);
        char stem[16];
        std::snprintf(stem, sizeof stem, "%05d", i);
        const std::string base = (std::filesystem::path(folder) / stem).string();
        writeImage(scene.image, base + ".png");
        std::ofstream captions(base + ".txt");
        for (const std::string &caption : scene.record.captions) captions << caption << '\n';
        nlohmann::json objects = nlohmann::json::array();
        for (const SceneObject &o : scene.record.objects)
            objects.push_back({{"shape", o.shape}, {"colour", o.colour}, {"size", o.size}, {"box", o.box}});
        std::ofstream(base + ".json") << objects.dump() << '\n';
        if (!captions) throw Error(ErrorKind::Io, base + ".txt: cannot write");
    }
}

} // namespace snaption::training
