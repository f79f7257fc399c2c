#pragma once

#include <snaption/decodingoptions.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>

namespace snaption::cli {

// The decoding options shared by commands that caption: --greedy | --beam N | --sample
// [--top-k K] [--temperature T] [--seed S].
class DecodingArguments {
    Q_DECLARE_TR_FUNCTIONS(DecodingArguments)
public:
    static void add(QCommandLineParser &parser);
    // Returns nullopt after printing an error when the values are invalid.
    static std::optional<DecodingOptions> read(const QCommandLineParser &parser);
};

} // namespace snaption::cli
