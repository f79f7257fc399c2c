#pragma once

#include <snaption/rgbimage.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace snaption {

// Reads and decodes images on threads of its own, ahead of the captioner, so that decoding the
// next photos overlaps captioning this one. Images are read in the order they were submitted and
// taken by key in any order. The caller bounds the memory: only what was submitted and not yet
// taken is held. A failed read keeps its error with its key; nothing is thrown on a worker.
class ImageDecodeQueue {
public:
    // What a reader makes of a file: the pixels to caption and, where the reader makes one, a
    // picture to show (a thumbnail, say).
    struct Read {
        Read(RgbImage captioned) : image(std::move(captioned)) {} // implicit: most readers return one image
        Read(RgbImage captioned, RgbImage shown) : image(std::move(captioned)), picture(std::move(shown)) {}
        RgbImage image;
        std::optional<RgbImage> picture;
    };
    using Reader = std::function<Read(const std::string &path)>;
    struct Decoded {
        std::optional<RgbImage> image;
        std::optional<RgbImage> picture; // where the reader gave one
        std::string error; // why there is no image
        double decodeMs = 0;
    };

    // threads <= 0: defaultThreads().
    explicit ImageDecodeQueue(Reader reader, int threads = 0);
    // Drops what is queued and waits for the reads in progress.
    ~ImageDecodeQueue();
    ImageDecodeQueue(const ImageDecodeQueue &) = delete;
    ImageDecodeQueue &operator=(const ImageDecodeQueue &) = delete;

    // One reader thread per two cores, at least one: captioning keeps the cores busy meanwhile.
    static int defaultThreads();
    int threads() const { return int(m_workers.size()); }

    // Queues `path` under `key`; a key already outstanding is replaced.
    void submit(std::uint64_t key, const std::string &path);
    bool contains(std::uint64_t key) const;
    // Whether `key`'s read has finished, so that take() would not wait.
    bool isReady(std::uint64_t key) const;
    // Waits for `key`'s image and hands it over; a key not outstanding is read on the calling thread.
    Decoded take(std::uint64_t key, const std::string &path);
    // Submitted and not yet taken.
    std::size_t outstanding() const;
    // Forgets everything outstanding; reads in progress finish and are dropped.
    void clear();

    // Reads one image with `reader`, timed, its failure turned into a message.
    static Decoded decode(const Reader &reader, const std::string &path);

private:
    struct Entry {
        std::uint64_t generation = 0;
        std::string path;
        bool done = false;
        Decoded decoded;
    };

    void work();

    Reader m_reader;
    mutable std::mutex m_mutex;
    std::condition_variable m_workAvailable, m_finished;
    std::deque<std::pair<std::uint64_t, std::uint64_t>> m_waiting; // key, generation
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_nextGeneration = 1;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace snaption
