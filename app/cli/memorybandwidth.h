#pragma once

namespace snaption::cli {

// What the machine's memory delivers to `threads` threads copying buffers far larger than any
// cache (memcpy, each thread its own part): the bound a decoding step that streams its weights
// from memory cannot beat. Gigabytes copied per second, the best of a few tries.
double memcpyGigabytesPerSecond(int threads);

} // namespace snaption::cli
