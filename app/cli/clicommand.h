#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace snaption::cli {

// One `snaption-cli <name>` sub-command.
class CliCommand {
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // arguments[0] is "snaption-cli <name>"; returns the process exit code.
    virtual int run(const QStringList &arguments) = 0;
};

// Exit codes shared by all commands.
enum ExitCode { kSuccess = 0, kFailure = 1, kUsage = 2 };

} // namespace snaption::cli
