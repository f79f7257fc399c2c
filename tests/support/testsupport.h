#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <vector>

// Helpers for Snaption's Qt Test executables.
namespace snaption::test {

// True when running under CI (CI=true): tests that need optional tools must not skip there.
bool underCi();

// Runs tests/fixtures/<script> with the system Python (/usr/bin/python3, which has PyTorch).
// Returns an empty string on success, otherwise why it could not run (missing Python or torch,
// or the script's error output).
QString runPythonFixture(const QString &script, const QStringList &arguments);

// Reads a little-endian float32 file written by a fixture.
std::vector<float> readFloats(const QString &path);
void writeBytes(const QString &path, const QByteArray &bytes);
QByteArray readBytes(const QString &path);
// The JSON objects of a JSON-lines file (what the stand-in services record); none when it is missing.
QList<QJsonObject> readJsonLines(const QString &path);

// Largest |a - b| / max(|b|, floor) over the two arrays (relative error with an absolute floor).
double maxRelativeError(const std::vector<float> &a, const std::vector<float> &b, double floor = 1e-3);

// Location of the shared Flickr8k/encoder data (SNAPTION_SHARED_DATA or ../shared/data), or empty.
QString sharedDataDir();

} // namespace snaption::test

// Skips (or fails under CI) when a Python fixture cannot be produced.
#define SNAPTION_RUN_FIXTURE(script, ...)                                                                    \
    do {                                                                                                     \
        const QString fixtureProblem = snaption::test::runPythonFixture(script, QStringList{__VA_ARGS__});   \
        if (!fixtureProblem.isEmpty()) {                                                                     \
            if (snaption::test::underCi()) QFAIL(qPrintable(fixtureProblem));                                \
            QSKIP(qPrintable(fixtureProblem));                                                               \
        }                                                                                                    \
    } while (false)
