#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace snaption {

// Output file names that never collide with each other or with an input: a second output that
// would take a name already given out (or an input file's path) gets "-2", "-3", ... before its
// extension. Paths are compared after resolving "..", "." and symbolic links, so "out/../a.png"
// and "a.png" are one name. Shared by snaption-cli and the desktop app.
class OutputNames {
public:
    // Paths that must never be written: the command's inputs.
    explicit OutputNames(const QStringList &inputs = {});
    // `path`, or the first free variant of it; remembers the result.
    QString claim(const QString &path);
    // True when `output` names one of `inputs` (the same file, however spelt).
    static bool isAnyOf(const QString &output, const QStringList &inputs);

private:
    static QString key(const QString &path);
    QSet<QString> m_taken;
};

} // namespace snaption
