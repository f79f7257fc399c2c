#include <snaption/threading.h>

#include <ATen/Parallel.h>

#include <dlfcn.h>
#include <malloc.h>
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
