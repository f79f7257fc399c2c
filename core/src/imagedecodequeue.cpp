#include <snaption/imagedecodequeue.h>

#include <snaption/error.h>
#include <snaption/threading.h>

#include <chrono>

namespace snaption {

ImageDecodeQueue::ImageDecodeQueue(Reader reader, int threads) : m_reader(std::move(reader))
{
    const int count = threads > 0 ? threads : defaultThreads();
    for (int i = 0; i < count; ++i) m_workers.emplace_back([this] { work(); });
}

ImageDecodeQueue::~ImageDecodeQueue()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        m_waiting.clear();
    }
    m_workAvailable.notify_all();
    for (std::thread &worker : m_workers) worker.join();
}

int ImageDecodeQueue::defaultThreads()
{
    return std::max(1, physicalCoreCount() / 2);
}

void ImageDecodeQueue::submit(std::uint64_t key, const std::string &path)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const std::uint64_t generation = m_nextGeneration++;
        m_entries[key] = Entry{generation, path, false, {}};
        m_waiting.emplace_back(key, generation);
    }
    m_workAvailable.notify_one();
}

bool ImageDecodeQueue::contains(std::uint64_t key) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_entries.count(key) > 0;
}

bool ImageDecodeQueue::isReady(std::uint64_t key) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto entry = m_entries.find(key);
    return entry != m_entries.end() && entry->second.done;
}

ImageDecodeQueue::Decoded ImageDecodeQueue::take(std::uint64_t key, const std::string &path)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    auto entry = m_entries.find(key);
    if (entry == m_entries.end() || entry->second.path != path) {
        lock.unlock();
        return decode(m_reader, path);
    }
    const std::uint64_t generation = entry->second.generation;
    m_finished.wait(lock, [&] {
        entry = m_entries.find(key);
        return entry == m_entries.end() || entry->second.generation != generation || entry->second.done;
    });
    if (entry == m_entries.end() || entry->second.generation != generation) {
        // Cleared or replaced while waiting.
        lock.unlock();
        return decode(m_reader, path);
    }
    Decoded decoded = std::move(entry->second.decoded);
    m_entries.erase(entry);
    return decoded;
}

std::size_t ImageDecodeQueue::outstanding() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_entries.size();
}

void ImageDecodeQueue::clear()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_waiting.clear();
        m_entries.clear();
    }
    m_finished.notify_all();
}

ImageDecodeQueue::Decoded ImageDecodeQueue::decode(const Reader &reader, const std::string &path)
{
    Decoded decoded;
    const auto start = std::chrono::steady_clock::now();
    try {
        Read read = reader(path);
        decoded.image = std::move(read.image);
        decoded.picture = std::move(read.picture);
    } catch (const std::exception &error) {
        decoded.error = Error::describe(error);
    } catch (...) {
        decoded.error = path + ": cannot read the image";
    }
    decoded.decodeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return decoded;
}

void ImageDecodeQueue::work()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_workAvailable.wait(lock, [this] { return m_stopping || !m_waiting.empty(); });
        if (m_stopping) return;
        const auto [key, generation] = m_waiting.front();
        m_waiting.pop_front();
        const auto entry = m_entries.find(key);
        if (entry == m_entries.end() || entry->second.generation != generation) continue; // cleared or replaced
        const std::string path = entry->second.path;
        lock.unlock();
        Decoded decoded = decode(m_reader, path);
        lock.lock();
        const auto current = m_entries.find(key);
        if (current != m_entries.end() && current->second.generation == generation) {
            current->second.decoded = std::move(decoded);
            current->second.done = true;
            m_finished.notify_all();
        }
    }
}

} // namespace snaption
