#pragma once

namespace snaption {

// Number of physical CPU cores (not hyper-threads), at least 1.
int physicalCoreCount();

// Sets LibTorch's intra-op threads (0 = physical cores) and pins OpenBLAS to one thread, because
// OpenBLAS threads spinning beside LibTorch's OpenMP pool oversubscribe the cores (measured 3x
// slower on 2 cores); also keeps freed memory in the process's heap (see threading.cpp). Call
// once at start-up, before any inference.
void configureThreads(int threads = 0);
int configuredThreads();

// Gives the calling thread and LibTorch's intra-op threads the nice value `niceness` (higher =
// lower priority) on Linux, where a nice value belongs to a thread, and the threads a thread
// starts inherit it; elsewhere nothing changes. For a pipeline whose producer threads (image
// readers) must not wait behind the compute threads' spinning.
void lowerComputePriority(int niceness);

// For work dominated by large matrix products (training): LibTorch's own pool single-threaded and
// OpenBLAS on all cores, so the two do not fight over them. restoreThreads() undoes it.
void useThreadsForMatrixProducts();
void restoreThreads();

} // namespace snaption
