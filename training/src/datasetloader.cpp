#include <snaption/training/datasetloader.h>

#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/training/syntheticscenes.h>
#include <snaption/vocabulary.h>

#include "inputfile.h"
#include "systemmemory.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace snaption::training {
namespace {

namespace fs = std::filesystem;

bool isImageFile(const fs::path &path)
{
    static const std::set<std::string> extensions = [] {
        std::set<std::string> out;
        for (const std::string &e : ImageLoader::supportedExtensions()) out.insert("." + e);
        return out;
    }();
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return extensions.count(extension) != 0;
}

std::vector<std::string> readLines(const fs::path &path)
{
    const std::string text = InputFile::readText(path.string(), DatasetLoader::kMaxTextBytes, ErrorKind::BadDataset, "a captions file");
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

// A name from a dataset file as a path inside `folder`, or nothing when it is absolute, climbs
// out of the folder with "..", or holds a NUL. Symbolic links inside the dataset are followed as
// usual: they are the dataset owner's choice, unlike a name in a downloaded captions file.
std::optional<fs::path> insideFolder(const fs::path &folder, const std::string &name)
{
    if (name.empty() || name.find('\0') != std::string::npos) return std::nullopt;
    const fs::path relative = fs::path(name).lexically_normal();
    if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) return std::nullopt;
    const auto first = relative.begin();
    if (first == relative.end() || *first == ".." || relative == ".") return std::nullopt;
    return folder / relative;
}

// Text from a dataset file for a message on a terminal: short, one line.
std::string excerpt(const std::string &text)
{
    std::string out = text.substr(0, 60);
    for (char &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    return out;
}

std::string trim(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// 80 / 10 / 10 by a stable hash of the name, for datasets that come without split lists.
std::string splitByName(const std::string &name)
{
    std::uint64_t hash = 1469598103934665603ull;
    for (const unsigned char c : name) hash = (hash ^ c) * 1099511628211ull;
    const int bucket = int(hash % 10);
    return bucket == 0 ? "test" : (bucket == 1 ? "dev" : "train");
}

// Collects captions per image, then checks and splits them.
class Builder {
public:
    Builder(std::string name, std::string format, const DatasetLoader::Options &options) : m_options(options)
    {
        m_dataset.name = std::move(name);
        m_dataset.format = std::move(format);
    }

    ValidationReport &report() { return m_dataset.report; }

    void addCaption(const std::string &image, const std::string &caption)
    {
        Entry &entry = entryFor(image);
        const std::string text = trim(caption);
        const std::vector<std::string> words = Vocabulary::tokenize(text);
        if (words.empty()) {
            ++report().emptyCaptions;
            report().note(image + ": an empty caption");
            return;
        }
        std::string normalised;
        for (const std::string &w : words) normalised += w + ' ';
        if (!entry.seen.insert(normalised).second) {
            ++report().duplicateCaptions;
            report().note(image + ": a duplicate caption \"" + text + "\"");
            return;
        }
        if (m_options.maxCaptionWords > 0 && int(words.size()) > m_options.maxCaptionWords) {
            ++report().overlongCaptions;
            report().note(image + ": a caption of " + std::to_string(words.size()) + " words (truncated in training)");
        }
        entry.record.captions.push_back(text);
    }

    // The image file of `image`: `name` inside `folder`; false (and counted) when it is outside.
    bool setPath(const std::string &image, const fs::path &folder, const std::string &name)
    {
        const std::optional<fs::path> path = insideFolder(folder, name);
        if (!path) {
            refuse(image);
            return false;
        }
        entryFor(image).record.imagePath = path->string();
        return true;
    }
    void setPath(const std::string &image, const fs::path &path) { entryFor(image).record.imagePath = path.string(); }
    void refuse(const std::string &image)
    {
        ++report().refusedPaths;
        report().note("\"" + excerpt(image) + "\": the image path is absolute or outside the dataset folder (refused)");
        m_refused.insert(image);
    }
    bool refused(const std::string &image) const { return m_refused.count(image) != 0; }
    void setSplit(const std::string &image, const std::string &split) { entryFor(image).split = split; }
    void setObjects(const std::string &image, std::vector<SceneObject> objects) { entryFor(image).record.objects = std::move(objects); }
    bool has(const std::string &image) const { return m_index.count(image) != 0; }

    Dataset finish(const std::function<std::string(const std::string &)> &defaultSplit)
    {
        // Images must exist (and decode, when asked), and have at least one caption.
        std::vector<Entry *> candidates;
        for (Entry &entry : m_entries) {
            if (entry.split.empty()) entry.split = defaultSplit(entry.record.id);
            if (entry.split == "none") continue; // not on any split list: not part of this dataset
            if (refused(entry.record.id)) continue; // counted when refused
            if (entry.record.captions.empty()) {
                ++report().imagesWithoutCaptions;
                report().note(entry.record.id + ": no usable caption");
                continue;
            }
            std::error_code error;
            if (entry.record.imagePath.empty() || !fs::is_regular_file(entry.record.imagePath, error) || fs::file_size(entry.record.imagePath, error) == 0) {
                ++report().missingImages;
                report().note(entry.record.id + ": image file not found (" + entry.record.imagePath + ")");
                continue;
            }
            candidates.push_back(&entry);
        }
        std::vector<bool> readable(candidates.size(), true);
        if (m_options.verifyImages) {
            std::vector<std::future<void>> jobs;
            const ImageLoader loader;
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                jobs.push_back(std::async(std::launch::async, [&, i] {
                    try {
                        loader.load(candidates[i]->record.imagePath);
                    } catch (const Error &) {
                        readable[i] = false;
                    }
                }));
                if (int(jobs.size()) >= std::max(1, m_options.threads)) {
                    for (auto &job : jobs) job.get();
                    jobs.clear();
                }
            }
            for (auto &job : jobs) job.get();
        }
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            Entry &entry = *candidates[i];
            if (!readable[i]) {
                ++report().unreadableImages;
                report().note(entry.record.id + ": not a readable image");
                continue;
            }
            const std::string &split = entry.split;
            if (split == "train") m_dataset.train.push_back(entry.record);
            else if (split == "dev" || split == "val" || split == "validation") m_dataset.validation.push_back(entry.record);
            else if (split == "test") m_dataset.test.push_back(entry.record);
            else continue; // images outside the listed splits are not used
            ++report().images;
            report().captions += int(entry.record.captions.size());
        }
        if (m_dataset.split(m_options.requiredSplit).empty()) {
            const std::string which = m_options.requiredSplit == "train" ? "training" : m_options.requiredSplit;
            throw Error(ErrorKind::BadDataset, m_dataset.name + ": no usable " + which + " images (" + report().summary() + ")" +
                                                   (report().examples.empty() ? "" : "; first problem: " + report().examples.front()));
        }
        return std::move(m_dataset);
    }

private:
    struct Entry {
        CaptionedImage record;
        std::string split;
        std::set<std::string> seen;
    };
    Entry &entryFor(const std::string &image)
    {
        const auto found = m_index.find(image);
        if (found != m_index.end()) return m_entries[found->second];
        m_index[image] = m_entries.size();
        m_entries.push_back(Entry{});
        m_entries.back().record.id = image;
        return m_entries.back();
    }

    DatasetLoader::Options m_options;
    Dataset m_dataset;
    std::vector<Entry> m_entries;
    std::map<std::string, std::size_t> m_index;
    std::set<std::string> m_refused;
};

fs::path findImageFolder(const fs::path &root)
{
    for (const char *name : {"Images", "images", "Flicker8k_Dataset", "Flickr8k_Dataset"}) {
        if (fs::is_directory(root / name)) return root / name;
    }
    return root;
}

Dataset loadFlickr8k(const fs::path &path, const DatasetLoader::Options &options)
{
    const fs::path root = fs::is_directory(path) ? path : path.parent_path();
    fs::path captions = fs::is_directory(path) ? root / "Flickr8k.token.txt" : path;
    if (!fs::exists(captions)) captions = root / "captions.txt";
    if (!fs::exists(captions)) throw Error(ErrorKind::BadDataset, root.string() + ": no Flickr8k.token.txt or captions.txt");
    // A captions file given by name (Flickr8k.de.token.txt) is named: it says which captions.
    Builder builder("Flickr8k (" + (fs::is_directory(path) ? root.string() : path.string()) + ")", "flickr8k", options);
    const fs::path images = findImageFolder(root);
    bool first = true;
    for (const std::string &line : readLines(captions)) {
        const bool header = first && line.rfind("image,caption", 0) == 0;
        first = false;
        if (header || trim(line).empty()) continue;
        std::string image, caption;
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) { // IMG.jpg#k<TAB>caption
            image = line.substr(0, line.find('#') < tab ? line.find('#') : tab);
            caption = line.substr(tab + 1);
        } else if (const std::size_t comma = line.find(','); comma != std::string::npos) { // Kaggle: image,caption
            image = line.substr(0, comma);
            caption = line.substr(comma + 1);
            if (caption.size() >= 2 && caption.front() == '"' && caption.back() == '"') caption = caption.substr(1, caption.size() - 2);
        } else {
            ++builder.report().malformedLines;
            builder.report().note(captions.filename().string() + ": cannot parse \"" + excerpt(line) + "\"");
            continue;
        }
        image = trim(image);
        if (builder.refused(image) || (!builder.has(image) && !builder.setPath(image, images, image))) continue;
        builder.addCaption(image, caption);
    }
    bool listed = false;
    for (const auto &[file, split] : {std::pair{"Flickr_8k.trainImages.txt", "train"}, std::pair{"Flickr_8k.devImages.txt", "dev"},
                                      std::pair{"Flickr_8k.testImages.txt", "test"}}) {
        if (!fs::exists(root / file)) continue;
        listed = true;
        for (const std::string &line : readLines(root / file)) {
            const std::string image = trim(line);
            if (image.empty() || builder.refused(image)) continue;
            // An image without captions is counted as "no usable caption".
            if (!builder.has(image) && !builder.setPath(image, images, image)) continue;
            builder.setSplit(image, split);
        }
    }
    // With split lists, images on none of them are left out; without, split by name.
    return builder.finish([listed](const std::string &image) { return listed ? std::string("none") : splitByName(image); });
}

nlohmann::json readJson(const fs::path &path)
{
    // The parsed document takes about ten times the text (nlohmann's nodes and maps).
    requireMemory(InputFile::size(path.string()) * 11, "reading " + path.string());
    const std::string text = InputFile::readText(path.string(), DatasetLoader::kMaxJsonBytes, ErrorKind::BadDataset, "a dataset JSON file");
    nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) throw Error(ErrorKind::BadDataset, path.string() + ": not valid JSON");
    return json;
}

// The list under `key` of a dataset's top-level object; missing is empty, anything else an error.
const nlohmann::json &listOf(const nlohmann::json &json, const char *key, const fs::path &path)
{
    static const nlohmann::json empty = nlohmann::json::array();
    if (!json.is_object()) throw Error(ErrorKind::BadDataset, path.string() + ": not a JSON object");
    const auto it = json.find(key);
    if (it == json.end()) return empty;
    if (!it->is_array()) throw Error(ErrorKind::BadDataset, path.string() + ": \"" + key + "\" is not a list");
    return *it;
}

// Runs `read` on one record of a JSON dataset; a record of the wrong shape is counted and skipped.
template <typename Read>
void readRecord(ValidationReport &report, const fs::path &path, const char *what, std::size_t index, Read &&read)
{
    try {
        if (!read()) ++report.malformedLines;
    } catch (const nlohmann::json::exception &) {
        ++report.malformedLines;
        report.note(path.filename().string() + ": " + what + " " + std::to_string(index) + " has fields of the wrong type");
    }
}

bool isString(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string();
}

Dataset loadCoco(const fs::path &path, const DatasetLoader::Options &options)
{
    const nlohmann::json json = readJson(path);
    Builder builder("COCO captions (" + path.string() + ")", "coco", options);
    const fs::path images = findImageFolder(path.parent_path());
    std::map<std::int64_t, std::string> files;
    const nlohmann::json &imageList = listOf(json, "images", path);
    for (std::size_t i = 0; i < imageList.size(); ++i) {
        readRecord(builder.report(), path, "image", i, [&] {
            const nlohmann::json &image = imageList[i];
            if (!image.is_object() || !isString(image, "file_name") || !image.contains("id") || !image["id"].is_number_integer()) return false;
            const std::string file = image["file_name"].get<std::string>();
            if (builder.setPath(file, images, file)) files[image["id"].get<std::int64_t>()] = file;
            return true;
        });
    }
    const nlohmann::json &annotations = listOf(json, "annotations", path);
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        readRecord(builder.report(), path, "annotation", i, [&] {
            const nlohmann::json &annotation = annotations[i];
            if (!annotation.is_object() || !isString(annotation, "caption") || !annotation.contains("image_id") ||
                !annotation["image_id"].is_number_integer())
                return false;
            const auto file = files.find(annotation["image_id"].get<std::int64_t>());
            if (file == files.end()) {
                builder.report().note("a caption for unknown image id " + std::to_string(annotation["image_id"].get<std::int64_t>()));
                return false;
            }
            builder.addCaption(file->second, annotation["caption"].get<std::string>());
            return true;
        });
    }
    return builder.finish(splitByName);
}

Dataset loadKarpathy(const fs::path &path, const DatasetLoader::Options &options)
{
    const nlohmann::json json = readJson(path);
    Builder builder("Karpathy split (" + path.string() + ")", "karpathy", options);
    const fs::path images = findImageFolder(path.parent_path());
    const nlohmann::json &imageList = listOf(json, "images", path);
    for (std::size_t i = 0; i < imageList.size(); ++i) {
        readRecord(builder.report(), path, "image", i, [&] {
            const nlohmann::json &image = imageList[i];
            if (!image.is_object() || !isString(image, "filename")) return false;
            // Optional fields must have the right type too: a numeric split is a bad record.
            for (const char *key : {"filepath", "split"}) {
                if (image.contains(key) && !image[key].is_string()) return false;
            }
            if (image.contains("sentences") && !image["sentences"].is_array()) return false;
            const std::string file = image["filename"].get<std::string>();
            const std::string folder = image.value("filepath", std::string());
            if (builder.refused(file) || !builder.setPath(file, images, folder.empty() ? file : folder + "/" + file)) return true;
            std::string split = image.value("split", std::string("train"));
            if (split == "restval") split = "train"; // Karpathy's extra training images
            builder.setSplit(file, split);
            for (const auto &sentence : image.value("sentences", nlohmann::json::array())) {
                if (sentence.is_object() && isString(sentence, "raw")) {
                    builder.addCaption(file, sentence["raw"].get<std::string>());
                } else if (sentence.is_object() && sentence.contains("tokens") && sentence["tokens"].is_array()) {
                    std::string raw;
                    for (const auto &token : sentence["tokens"])
                        if (token.is_string()) raw += token.get<std::string>() + " ";
                    builder.addCaption(file, raw);
                } else {
                    ++builder.report().malformedLines;
                }
            }
            return true;
        });
    }
    return builder.finish(splitByName);
}

std::vector<SceneObject> readObjects(const fs::path &path, ValidationReport &report)
{
    std::vector<SceneObject> objects;
    const nlohmann::json json =
        nlohmann::json::parse(InputFile::readText(path.string(), DatasetLoader::kMaxTextBytes, ErrorKind::BadDataset, "an objects file"), nullptr, false);
    if (!json.is_array()) {
        ++report.malformedLines;
        report.note(path.filename().string() + ": not a list of objects");
        return objects;
    }
    for (const auto &item : json) {
        try {
            SceneObject o;
            o.shape = item.at("shape").get<std::string>();
            o.colour = item.at("colour").get<std::string>();
            o.size = item.value("size", std::string());
            o.box = item.at("box").get<std::array<int, 4>>();
            objects.push_back(o);
        } catch (const nlohmann::json::exception &) {
            ++report.malformedLines;
            report.note(path.filename().string() + ": a malformed object");
        }
    }
    return objects;
}

Dataset loadFolder(const fs::path &root, const DatasetLoader::Options &options)
{
    Builder builder("folder " + root.string(), "folder", options);
    const bool splitFolders = fs::is_directory(root / "train");
    const auto scan = [&](const fs::path &folder, const std::string &split) {
        std::vector<fs::path> files;
        for (const auto &entry : fs::directory_iterator(folder)) {
            if (entry.is_regular_file() && isImageFile(entry.path())) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const fs::path &image : files) {
            const std::string id = split.empty() ? image.filename().string() : split + "/" + image.filename().string();
            builder.setPath(id, image);
            if (!split.empty()) builder.setSplit(id, split);
            fs::path text = image;
            text.replace_extension(".txt");
            if (fs::exists(text)) {
                for (const std::string &line : readLines(text)) {
                    if (!trim(line).empty()) builder.addCaption(id, line);
                }
            }
            fs::path objects = image;
            objects.replace_extension(".json");
            if (fs::exists(objects)) builder.setObjects(id, readObjects(objects, builder.report()));
        }
    };
    if (splitFolders) {
        for (const auto &[folder, split] : {std::pair{"train", "train"}, std::pair{"val", "dev"}, std::pair{"dev", "dev"}, std::pair{"test", "test"}}) {
            if (fs::is_directory(root / folder)) scan(root / folder, split);
        }
    } else {
        scan(root, "");
    }
    return builder.finish(splitByName);
}

} // namespace

const char *DatasetLoader::formatName(Format format)
{
    switch (format) {
    case Format::Auto: return "auto";
    case Format::Flickr8k: return "flickr8k";
    case Format::Coco: return "coco";
    case Format::Karpathy: return "karpathy";
    case Format::Folder: return "folder";
    case Format::Synthetic: return "synthetic";
    }
    return "auto";
}

DatasetLoader::Format DatasetLoader::formatFromName(const std::string &name)
{
    for (const Format f : {Format::Auto, Format::Flickr8k, Format::Coco, Format::Karpathy, Format::Folder, Format::Synthetic}) {
        if (name == formatName(f)) return f;
    }
    throw Error(ErrorKind::InvalidArgument, "unknown dataset format \"" + name + "\" (auto, flickr8k, coco, karpathy, folder, synthetic)");
}

DatasetLoader::Format DatasetLoader::detect(const std::string &text)
{
    if (text == "synthetic" || text.rfind("synthetic:", 0) == 0) return Format::Synthetic;
    const fs::path path(text);
    std::error_code error;
    if (fs::is_directory(path, error)) {
        if (fs::exists(path / "Flickr8k.token.txt") || fs::exists(path / "captions.txt")) return Format::Flickr8k;
        for (const char *name : {"dataset_flickr8k.json", "dataset_coco.json", "dataset_flickr30k.json"}) {
            if (fs::exists(path / name)) return Format::Karpathy;
        }
        return Format::Folder;
    }
    if (!fs::exists(path, error)) throw Error(ErrorKind::Io, text + ": no such file or folder");
    if (path.extension() == ".txt") return Format::Flickr8k;
    if (path.extension() == ".json") {
        // Karpathy's files list images with "sentences"; COCO's have "annotations".
        const std::vector<std::uint8_t> bytes = InputFile::head(path.string(), 4096);
        const std::string head(bytes.begin(), bytes.end());
        if (head.find("\"annotations\"") != std::string::npos) return Format::Coco;
        if (head.find("\"sentences\"") != std::string::npos) return Format::Karpathy;
        const nlohmann::json json = readJson(path);
        if (json.is_object() && json.contains("annotations")) return Format::Coco;
        if (json.is_object() && json.contains("images")) return Format::Karpathy;
    }
    throw Error(ErrorKind::BadDataset, text + ": not a dataset format Snaption knows (Flickr8k folder, COCO or Karpathy JSON, "
                                              "a folder of images with .txt captions, or \"synthetic\")");
}

namespace {

std::uint64_t syntheticSeed(const std::string &text)
{
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos) return 0;
    const std::string digits = text.substr(colon + 1);
    if (digits.empty() || digits.size() > 19 || digits.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorKind::InvalidArgument, "\"" + excerpt(text) + "\": the synthetic seed must be a whole number, as in synthetic:7");
    return std::stoull(digits);
}

Dataset loadFormat(const std::string &path, const DatasetLoader::Options &options)
{
    Dataset().split(options.requiredSplit); // an unknown split name is refused before any reading
    using Format = DatasetLoader::Format;
    const Format format = options.format == Format::Auto ? DatasetLoader::detect(path) : options.format;
    switch (format) {
    case Format::Synthetic:
        if (options.syntheticTrain < 1 || options.syntheticTrain > TrainingConfig::kMaxSyntheticScenes || options.syntheticValidation < 0 ||
            options.syntheticTest < 0 || options.syntheticValidation + options.syntheticTest > TrainingConfig::kMaxSyntheticScenes / 5 ||
            options.syntheticSize < 32 || options.syntheticSize > 1024)
            throw Error(ErrorKind::InvalidArgument, "synthetic scene counts or image size out of range");
        return SyntheticScenes::dataset(syntheticSeed(path), options.syntheticTrain, options.syntheticValidation, options.syntheticTest,
                                        options.syntheticSize);
    case Format::Flickr8k: return loadFlickr8k(path, options);
    case Format::Coco: return loadCoco(path, options);
    case Format::Karpathy: {
        const fs::path p(path);
        if (fs::is_directory(p)) {
            for (const char *name : {"dataset_flickr8k.json", "dataset_coco.json", "dataset_flickr30k.json"}) {
                if (fs::exists(p / name)) return loadKarpathy(p / name, options);
            }
        }
        return loadKarpathy(p, options);
    }
    case Format::Folder: return loadFolder(path, options);
    case Format::Auto: break;
    }
    throw Error(ErrorKind::BadDataset, path + ": unknown dataset format");
}

} // namespace

DatasetLoader::Options DatasetLoader::optionsFor(const TrainingConfig &config)
{
    Options options;
    options.maxCaptionWords = config.model.decoder.contextLength - 1;
    options.syntheticTrain = config.syntheticTrainScenes;
    options.syntheticValidation = config.syntheticValidationScenes;
    options.syntheticTest = config.syntheticTestScenes;
    options.syntheticSize = config.syntheticImageSize;
    return options;
}

Dataset DatasetLoader::load(const std::string &path, const Options &options)
{
    // Whatever the file system or the JSON library throws becomes a message about this dataset.
    try {
        Dataset dataset = loadFormat(path, options);
        dataset.source = dataset.isSynthetic() ? "synthetic:" + std::to_string(dataset.syntheticSeed) : fs::absolute(path).lexically_normal().string();
        return dataset;
    } catch (const Error &) {
        throw;
    } catch (const fs::filesystem_error &error) {
        throw Error(ErrorKind::Io, path + ": " + error.code().message() + (error.path1().empty() ? "" : " (" + error.path1().string() + ")"));
    } catch (const std::bad_alloc &) {
        throw Error(ErrorKind::Internal, path + ": not enough memory to read the dataset");
    } catch (const std::exception &error) {
        throw Error(ErrorKind::BadDataset, path + ": " + Error::describe(error));
    }
}


} // namespace snaption::training
