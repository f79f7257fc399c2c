#include "archiverun.h"

#include "clioutput.h"
#include "metadatatext.h"
#include "modelfingerprint.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

namespace snaption::cli {

using namespace metadata;

ArchiveRun::ArchiveRun(MetadataRequest request, const QString &modelPath, qint64 images)
    : m_request(std::move(request)), m_modelPath(modelPath), m_progress(images), m_total(images)
{
}

ArchiveRun::~ArchiveRun() = default;

bool ArchiveRun::begin(const QStringList &images)
{
    m_modelName = QFileInfo(m_modelPath).completeBaseName().toStdString();
    m_modelHash = modelFingerprint(m_modelPath).toStdString();
    try {
        m_journal = std::make_unique<MetadataJournal>(m_request.journal.toStdString());
        m_landed = MetadataJournal::read(m_request.journal.toStdString()).landed();
    } catch (const MetadataError &error) {
        CliOutput::error(MetadataText::failure(m_request.journal, error.problem(), error.what()));
        return false;
    }
    m_writer = std::make_unique<MetadataWriter>(m_request.options, m_journal.get());
    QSet<QString> folders;
    for (const QString &image : images) folders.insert(QFileInfo(image).absolutePath());
    int stale = 0;
    for (const QString &folder : folders) stale += removeStaleTemporaryFiles(folder.toStdString());
    if (stale > 0) CliOutput::warning(tr("removed %n temporary file(s) left by a run that was stopped", nullptr, stale));
    CliOutput::err() << tr("Journal: %1").arg(m_request.journal) << Qt::endl;
    if (!m_landed.empty())
        CliOutput::err() << tr("Carrying on: %n photo(s) written by an earlier run are skipped.", nullptr, int(m_landed.size())) << Qt::endl;
    return true;
}

bool ArchiveRun::needsCaption(const QString &image)
{
    // The journal names photos absolutely (so that a restore works from any folder).
    const std::string path = QFileInfo(image).absoluteFilePath().toStdString();
    if (m_landed.count(path)) {
        countSkip(SkipReason::DoneEarlier);
        return false;
    }
    const WriteRecord preview = m_writer->preview(path, m_modelHash);
    if (preview.status == WriteStatus::WouldWrite) return true;
    m_journal->appendQuietly(preview);
    if (preview.status == WriteStatus::Skipped) {
        countSkip(preview.skip);
    } else {
        reportFailure(MetadataText::failure(image, preview.problem, preview.detail));
        m_failed[MetadataText::problem(preview.problem)]++;
        advance(false);
    }
    return false;
}

void ArchiveRun::write(const QString &image, const CaptionResult &result)
{
    CaptionToWrite caption;
    caption.text = result.caption;
    caption.language = m_request.language.isEmpty() ? result.language : m_request.language.toStdString();
    caption.model = m_modelName;
    caption.modelHash = m_modelHash;
    caption.score = result.score;
    m_queued.push_back({image, std::move(caption)});
}

void ArchiveRun::endBatch()
{
    collectWrites();
    if (m_queued.empty()) return;
    m_writing = std::async(std::launch::async, [writer = m_writer.get(), queued = std::move(m_queued)] {
        std::vector<FinishedWrite> finished;
        for (const QueuedWrite &item : queued)
            finished.push_back({item.image, writer->write(QFileInfo(item.image).absoluteFilePath().toStdString(), item.caption)});
        return finished;
    });
    m_queued.clear();
}

void ArchiveRun::collectWrites()
{
    if (!m_writing.valid()) return;
    for (const FinishedWrite &finished : m_writing.get()) {
        const WriteRecord &record = finished.record;
        switch (record.status) {
        case WriteStatus::Written: ++m_written; break;
        case WriteStatus::Skipped: m_skipped[record.skip]++; break;
        default:
            reportFailure(MetadataText::failure(finished.image, record.problem, record.detail));
            m_failed[MetadataText::problem(record.problem)]++;
        }
        advance(true);
    }
}

void ArchiveRun::captionFailed()
{
    m_failed[tr("could not be captioned")]++;
    advance(true);
}

void ArchiveRun::reportFailure(const QString &message)
{
    m_progress.clear();
    CliOutput::error(message);
}

void ArchiveRun::countSkip(SkipReason reason)
{
    m_skipped[reason]++;
    advance(false);
}

void ArchiveRun::advance(bool worked)
{
    ++m_done;
    if (worked) ++m_worked;
    m_progress.update(m_done, m_worked);
}

int ArchiveRun::finish(bool interrupted)
{
    endBatch(); // what is queued is written, even when interrupted: it has been captioned
    collectWrites();
    m_progress.clear();
    const QLocale locale;
    qint64 skipped = 0, failed = 0;
    for (qint64 count : m_skipped) skipped += count;
    for (qint64 count : m_failed) failed += count;
    QTextStream &err = CliOutput::err();
    err << tr("Metadata: %1 written, %2 skipped, %3 failed, of %4 photos.")
               .arg(locale.toString(m_written), locale.toString(skipped), locale.toString(failed), locale.toString(m_total))
        << Qt::endl;
    for (auto it = m_skipped.cbegin(); it != m_skipped.cend(); ++it)
        err << tr("  skipped, %1: %2").arg(MetadataText::skipReason(it.key()), locale.toString(it.value())) << Qt::endl;
    for (auto it = m_failed.cbegin(); it != m_failed.cend(); ++it) err << tr("  failed, %1: %2").arg(it.key(), locale.toString(it.value())) << Qt::endl;
    if (interrupted)
        err << tr("Stopped after %1 of %2 photos; the same command carries on where this run stopped.")
                   .arg(locale.toString(m_done), locale.toString(m_total))
            << Qt::endl;
    err << tr("Undo with: snaption-cli metadata restore %1").arg(m_request.journal) << Qt::endl;
    return int(std::min<qint64>(failed, 1 << 30));
}

} // namespace snaption::cli
