#include "interruption.h"

#include <csignal>

namespace snaption::cli {
namespace {

volatile std::sig_atomic_t g_requested = 0;

void onSignal(int signal)
{
    g_requested = 1;
    std::signal(signal, SIG_DFL); // the next one ends the process
}

} // namespace

void Interruption::catchSignals()
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

bool Interruption::requested()
{
    return g_requested != 0;
}

} // namespace snaption::cli
