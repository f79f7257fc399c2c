#pragma once

#include <QFile>
#include <QObject>
#include <QString>

namespace snaption::widgets {

class HistoryModel;

// Keeps the History across runs: one JSON line per entry (time, source, caption, failed, the
// thumbnail as base64 PNG), appended as entries come, so that a new caption costs one line and
// a killed Snaption loses at most the line being written. At start the file is read back (damaged
// or oversized lines are skipped and counted, never trusted); a file grown past twice the
// history's length is rewritten with the entries kept. Clearing the History empties the file.
class HistoryStore : public QObject {
    Q_OBJECT

public:
    // In the user's data folder.
    static QString defaultPath();
    static constexpr qint64 kMaxLineBytes = 1 << 20;
    static constexpr qint64 kMaxFileBytes = qint64(64) << 20;

    HistoryStore(HistoryModel *model, QString path, QObject *parent = nullptr);

    QString path() const { return m_path; }
    // Entries of the file that could not be read (damaged lines), at load.
    int skippedAtLoad() const { return m_skipped; }
    // The last trouble, also one found while loading (before anyone could listen).
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // Said once per kind of trouble (cannot read, cannot write), in words.
    void failed(const QString &message);

private:
    void load();
    void appendRows(int first, int last);
    void rewrite();
    bool writeLines(QIODevice &device, int first, int last);
    void report(const QString &message);

    HistoryModel *m_model;
    QString m_path;
    bool m_loading = false;
    int m_skipped = 0;
    QString m_lastError;
};

} // namespace snaption::widgets
