#pragma once

#include "metadataarguments.h"
#include "progressline.h"

#include <snaption/captionresult.h>
#include <snaption/metadata/metadatajournal.h>
#include <snaption/metadata/metadatawriter.h>

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <future>
#include <map>
#include <memory>

namespace snaption::cli {

// `snaption-cli caption --write-metadata` over folders of any size: decides per photo whether it
// needs a caption at all (the journal says an earlier run wrote it, or the photo's metadata says
// there is nothing to write) before it is decoded, writes each caption through the journal, keeps a
// progress line, and ends with a summary. Keeps counts, not records: memory stays flat.
class ArchiveRun {
    Q_DECLARE_TR_FUNCTIONS(ArchiveRun)
public:
    ArchiveRun(MetadataRequest request, const QString &modelPath, qint64 images);
    ~ArchiveRun();

    // Opens the journal (refused while another run holds it), learns what earlier runs wrote and
    // removes temporary files that killed runs left in the folders. False after printing why.
    bool begin(const QStringList &images);
    // Whether the photo still needs a caption; the ones that do not are counted and reported.
    bool needsCaption(const QString &image);
    // Queues the caption for the photo; endBatch() writes the queued ones on a thread of their
    // own while the next batch is captioned (writing waits on the disk, captioning on the CPU).
    void write(const QString &image, const CaptionResult &result);
    void endBatch();
    // A photo that could not be decoded or captioned (the caption command prints why).
    void captionFailed();
    // Prints the summary (and how to carry on after an interruption). Returns the failures.
    int finish(bool interrupted);
    ProgressLine &progress() { return m_progress; }

private:
    struct QueuedWrite {
        QString image;
        metadata::CaptionToWrite caption;
    };
    struct FinishedWrite {
        QString image;
        metadata::WriteRecord record;
    };
    void collectWrites(); // waits for the batch being written and counts what became of it
    void reportFailure(const QString &message);
    void countSkip(metadata::SkipReason reason);
    void advance(bool worked);

    MetadataRequest m_request;
    QString m_modelPath;
    std::string m_modelName;
    std::string m_modelHash;
    std::unique_ptr<metadata::MetadataJournal> m_journal;
    std::unique_ptr<metadata::MetadataWriter> m_writer;
    std::map<std::string, std::uint64_t> m_landed;
    ProgressLine m_progress;
    std::vector<QueuedWrite> m_queued;
    std::future<std::vector<FinishedWrite>> m_writing;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_worked = 0;
    qint64 m_written = 0;
    QMap<metadata::SkipReason, qint64> m_skipped;
    QMap<QString, qint64> m_failed; // by reason, in words
};

} // namespace snaption::cli
