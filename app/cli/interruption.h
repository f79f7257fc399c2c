#pragma once

namespace snaption::cli {

// Ctrl-C (SIGINT) and SIGTERM during a long run: the first asks the run to stop after the images
// in flight (their files are finished, the summary printed); a second one stops at once, which is
// safe too (nothing is ever half-written), only less tidy.
class Interruption {
public:
    static void catchSignals();
    static bool requested();
};

} // namespace snaption::cli
