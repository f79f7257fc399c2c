#include <snaption/threading.h>

#include <ATen/Parallel.h>

#include <dlfcn.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <utility>

namespace snaption {
namespace {

int g_configuredThreads = 0;

// OpenBLAS is loaded by LibTorch; its thread count is set through its C API if present.
void setOpenBlasThreads(int threads)
{
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(threads);
}

// Grows the heap by 256 MB of address space marked for transparent huge pages, then frees it into
// the heap (which is never trimmed below 1 GB, see configureThreads). Model weights, activations
// and decoder caches are later carved from it, and their first touch then faults in 2 MB at a
// time instead of 4 KB: loading a model and the first batches spend a large share of their time
// in page faults on some virtual machines (measured on the one in docs/BENCHMARKS.md: start-up
// 1.17-1.40 s -> 0.97-1.15 s). Where transparent huge pages are off, madvise does nothing.
void adviseHugePagesForHeap()
{
    constexpr std::size_t kHeapBytes = std::size_t(256) << 20, kHugePage = std::size_t(2) << 20;
    void *block = malloc(kHeapBytes);
    if (!block) return;
    const std::uintptr_t start = reinterpret_cast<std::uintptr_t>(block);
    const std::uintptr_t begin = (start + kHugePage - 1) & ~std::uintptr_t(kHugePage - 1), end = (start + kHeapBytes) & ~std::uintptr_t(kHugePage - 1);
    if (end > begin) madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
    free(block);
}

} // namespace

int physicalCoreCount()
{
    // Count distinct (physical id, core id) pairs; fall back to the logical count.
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::set<std::pair<std::string, std::string>> cores;
    std::string line, physical = "0";
    while (std::getline(cpuinfo, line)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string key = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
        const std::string value = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
        if (key == "physical id") physical = value;
        else if (key == "core id") cores.emplace(physical, value);
    }
    const int logical = int(std::thread::hardware_concurrency());
    if (cores.empty()) return logical > 0 ? logical : 1;
    return logical > 0 ? std::min(int(cores.size()), logical) : int(cores.size());
}

void configureThreads(int threads)
{
    // Keep freed memory in the heap instead of returning it to the system: LibTorch allocates and
    // frees tens of megabytes per operation, and fresh pages from mmap cost a page fault and a
    // clear each (a quarter of the feature-extraction time, measured with perf).
    static const bool allocatorTuned = [] {
        mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
        adviseHugePagesForHeap();
        return true;
    }();
    (void)allocatorTuned;
    const int count = threads > 0 ? threads : physicalCoreCount();
    at::set_num_threads(count);
    setOpenBlasThreads(1);
    g_configuredThreads = count;
}

int configuredThreads()
{
    return g_configuredThreads > 0 ? g_configuredThreads : at::get_num_threads();
}

void lowerComputePriority(int niceness)
{
#ifdef __linux__
    setpriority(PRIO_PROCESS, 0, niceness);
    // One chunk per intra-op thread, each renicing itself (the pool may already exist).
    at::parallel_for(0, at::get_num_threads(), 1, [niceness](std::int64_t, std::int64_t) { setpriority(PRIO_PROCESS, 0, niceness); });
#else
    (void)niceness;
#endif
}

void useThreadsForMatrixProducts()
{
    const int count = configuredThreads();
    at::set_num_threads(1);
    setOpenBlasThreads(count);
}

void restoreThreads()
{
    const int count = configuredThreads();
    setOpenBlasThreads(1);
    at::set_num_threads(count);
}

} // namespace snaption
