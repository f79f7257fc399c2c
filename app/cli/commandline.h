#pragma once

#include "clicommand.h"

#include <memory>
#include <vector>

namespace snaption::cli {

// Dispatches `snaption-cli [--threads N] <command> [options]` to the command and handles the
// global options (--help, --version, --threads).
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    CommandLine();
    ~CommandLine();
    int run(QStringList arguments);

private:
    QString usage() const;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace snaption::cli
