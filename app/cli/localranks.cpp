#include "localranks.h"

#include "clicommand.h"
#include "clioutput.h"

#include <QProcess>

#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <memory>
#include <vector>

namespace snaption::cli {

namespace {

// Signals this launcher received and has not yet passed on to the ranks.
std::atomic<int> g_interrupts{0}, g_terminations{0};

void onSignal(int signal)
{
    ++(signal == SIGINT ? g_interrupts : g_terminations);
}

// In the rank's process before it runs: a process group of its own, so that a signal to the
// launcher's group (Ctrl-C at the terminal, `timeout`, a scheduler) reaches each rank once, passed
// on by the launcher, not twice (a second signal ends a rank at once); and an end when the
// launcher dies.
void detachRank()
{
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
}

} // namespace

int LocalRanks::freeLocalPort()
{
    const int socketHandle = ::socket(AF_INET, SOCK_STREAM, 0);
    if (socketHandle < 0) return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0; // the system picks a free one
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(socketHandle, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(socketHandle, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(socketHandle);
    return port;
}

int LocalRanks::run(int ranks, const QStringList &commandArguments, int threadsPerRank)
{
    const int port = freeLocalPort();
    if (port == 0) {
        CliOutput::error(tr("--nproc: no free local port for the ranks to meet on"));
        return kFailure;
    }
    // Ctrl-C and SIGTERM are passed on to every rank: the ranks agree on a stop and rank 0 writes
    // a checkpoint; a second one ends them at once.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int rank = 0; rank < ranks; ++rank) {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RANK"), QString::number(rank));
        environment.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
        environment.insert(QStringLiteral("WORLD_SIZE"), QString::number(ranks));
        environment.insert(QStringLiteral("LOCAL_WORLD_SIZE"), QString::number(ranks));
        environment.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        environment.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
        process->setProcessEnvironment(environment);
        process->setChildProcessModifier(detachRank);
        if (rank == 0) {
            process->setProcessChannelMode(QProcess::ForwardedChannels);
        } else {
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->setStandardOutputFile(QProcess::nullDevice());
        }
        QStringList arguments{QStringLiteral("--threads"), QString::number(threadsPerRank)};
        arguments << commandArguments;
        process->start(QCoreApplication::applicationFilePath(), arguments);
        if (!process->waitForStarted(30000)) {
            CliOutput::error(tr("--nproc: rank %1 did not start: %2").arg(rank).arg(process->errorString()));
            for (auto &started : processes) started->kill();
            for (auto &started : processes) started->waitForFinished(5000);
            return kFailure;
        }
        processes.push_back(std::move(process));
    }
    int exitCode = kSuccess;
    int running = ranks;
    std::vector<bool> done(std::size_t(ranks), false);
    while (running > 0) {
        for (int rank = 0; rank < ranks; ++rank) {
            QProcess &process = *processes[std::size_t(rank)];
            if (done[std::size_t(rank)] || !process.waitForFinished(100)) continue;
            done[std::size_t(rank)] = true;
            --running;
            const bool crashed = process.exitStatus() == QProcess::CrashExit;
            if (!crashed && process.exitCode() == 0) continue;
            if (crashed) CliOutput::error(tr("rank %1 ended abnormally (killed by a signal)").arg(rank));
            if (exitCode == kSuccess) exitCode = crashed ? kFailure : process.exitCode();
        }
        const auto passOn = [&](std::atomic<int> &received, int signal) {
            for (; received > 0; --received)
                for (int rank = 0; rank < ranks; ++rank)
                    if (!done[std::size_t(rank)]) ::kill(pid_t(processes[std::size_t(rank)]->processId()), signal);
        };
        passOn(g_interrupts, SIGINT);
        passOn(g_terminations, SIGTERM);
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return exitCode;
}

} // namespace snaption::cli
