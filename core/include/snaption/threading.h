#pragma once

namespace snaption {

// Number of physical CPU cores (not hyper-threads), at least 1.
int physicalCoreCount();

// Sets LibTorch's intra-op threads (0 = physical cores) and pins OpenBLAS to one thread, because
// OpenBLAS threads spinning beside LibTorch's OpenMP pool oversubscribe the cores (measured 3x
// slower on 2 cores). Call once at start-up, before any inference.
void configureThreads(int threads = 0);
int configuredThreads();

} // namespace snaption
