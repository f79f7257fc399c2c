#include "testsupport.h"

#include <QJsonDocument>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace snaption::test {

bool underCi()
{
    return qEnvironmentVariable("CI").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

QString runPythonFixture(const QString &script, const QStringList &arguments)
{
    const QString python = qEnvironmentVariable("SNAPTION_PYTHON", QStringLiteral("/usr/bin/python3"));
    if (!QFileInfo::exists(python)) return QStringLiteral("%1 not found (install python3-torch)").arg(python);
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(python, QStringList{QStringLiteral(SNAPTION_TEST_FIXTURES "/") + script} + arguments);
    if (!process.waitForFinished(600'000)) return QStringLiteral("fixture %1 did not finish").arg(script);
    const QString errors = QString::fromLocal8Bit(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (errors.contains(QLatin1String("No module named 'torch'")))
            return QStringLiteral("PyTorch is not installed for %1 (apt install python3-torch python3-torchvision)").arg(python);
        return QStringLiteral("fixture %1 failed: %2").arg(script, errors.right(2000));
    }
    return {};
}

std::vector<float> readFloats(const QString &path)
{
    const QByteArray bytes = readBytes(path);
    std::vector<float> values(std::size_t(bytes.size()) / sizeof(float));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(float));
    return values;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) qFatal("cannot write %s", qPrintable(path));
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

double maxRelativeError(const std::vector<float> &a, const std::vector<float> &b, double floor)
{
    if (a.size() != b.size()) return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(double(a[i]) - double(b[i])) / std::max(std::abs(double(b[i])), floor));
    return worst;
}

QString sharedDataDir()
{
    const QString fromEnvironment = qEnvironmentVariable("SNAPTION_SHARED_DATA");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    const QString beside = QDir(QStringLiteral(SNAPTION_SOURCE_DIR "/../shared/data")).absolutePath();
    return QFileInfo::exists(beside) ? beside : QString();
}

QList<QJsonObject> readJsonLines(const QString &path)
{
    QList<QJsonObject> objects;
    if (!QFile::exists(path)) return objects;
    for (const QByteArray &line : readBytes(path).split('\n')) {
        if (!line.trimmed().isEmpty()) objects << QJsonDocument::fromJson(line).object();
    }
    return objects;
}

} // namespace snaption::test
