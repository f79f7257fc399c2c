#include "photometadatatask.h"

#include "metadatatext.h"
#include "modelfingerprint.h"

#include <snaption/metadata/metadatajournal.h>
#include <snaption/metadata/metadatarestorer.h>
#include <snaption/widgets/imagelistmodel.h>

#include <QFileInfo>
#include <QMap>
#include <QtConcurrent/QtConcurrentRun>

namespace snaption::gui {

using namespace metadata;
using PhotoState = widgets::ImageListModel::PhotoState;

namespace {

// What the Caption tab shows of a photo's metadata.
const CaptionFields kShownFields{CaptionField::Description, CaptionField::AltText};

bool replacesPersonsText(const WriteRecord &record)
{
    for (CaptionField field : record.written.list())
        if (record.before.holds(field) && !record.before.isMachineMade(field)) return true;
    return false;
}

QStringList reasonLines(const QMap<QString, int> &counts)
{
    QStringList lines;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) lines << PhotoMetadataTask::tr("%1 × %2").arg(it.value()).arg(it.key());
    return lines;
}

} // namespace

PhotoMetadataTask::PhotoMetadataTask(QObject *parent)
    : QObject(parent), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<WritePreview>();
    qRegisterMetaType<WriteSummary>();
    qRegisterMetaType<RestoreSummary>();
}

PhotoMetadataTask::~PhotoMetadataTask()
{
    cancel();
    waitForFinished();
}

void PhotoMetadataTask::waitForFinished()
{
    m_future.waitForFinished();
}

void PhotoMetadataTask::start(std::function<std::function<void()>()> work)
{
    m_running = true;
    m_cancel->store(false);
    m_future = QtConcurrent::run([this, work = std::move(work)] {
        std::function<void()> deliver = work();
        QMetaObject::invokeMethod(this, [this, deliver] {
            m_running = false;
            deliver();
        }, Qt::QueuedConnection);
    });
}

void PhotoMetadataTask::preview(const std::vector<PhotoToWrite> &photos, const WriteOptions &options, const QString &modelPath)
{
    start([this, photos, options, modelPath, cancel = m_cancel] {
        const std::string hash = modelFingerprint(modelPath).toStdString();
        const MetadataWriter writer(options);
        WritePreview preview;
        QMap<QString, int> reasons;
        for (const PhotoToWrite &photo : photos) {
            if (cancel->load()) break;
            const WriteRecord record = writer.preview(photo.path.toStdString(), hash);
            if (record.status == WriteStatus::WouldWrite) {
                ++preview.toWrite;
                if (replacesPersonsText(record)) ++preview.personsReplaced;
            } else if (record.status == WriteStatus::Skipped) {
                ++preview.kept;
                reasons[MetadataText::skipReason(record.skip)]++;
            } else {
                ++preview.failing;
                reasons[MetadataText::problem(record.problem)]++;
            }
        }
        preview.reasons = reasonLines(reasons);
        return std::function<void()>([this, preview] { Q_EMIT previewReady(preview); });
    });
}

void PhotoMetadataTask::write(const std::vector<PhotoToWrite> &photos, const WriteOptions &options, const QString &modelPath,
                              const QString &journalPath)
{
    start([this, photos, options, modelPath, journalPath, cancel = m_cancel] {
        WriteSummary summary;
        summary.journal = journalPath;
        std::unique_ptr<MetadataJournal> journal;
        try {
            journal = std::make_unique<MetadataJournal>(journalPath.toStdString());
        } catch (const MetadataError &error) {
            summary.failed = int(photos.size());
            summary.failures << MetadataText::failure(journalPath, error.problem(), error.what());
            return std::function<void()>([this, summary] { Q_EMIT written(summary); });
        }
        const MetadataWriter writer(options, journal.get());
        CaptionToWrite caption;
        caption.model = QFileInfo(modelPath).completeBaseName().toStdString();
        caption.modelHash = modelFingerprint(modelPath).toStdString();
        int done = 0;
        for (const PhotoToWrite &photo : photos) {
            if (cancel->load()) {
                summary.cancelled = true;
                break;
            }
            caption.text = photo.caption.toStdString();
            caption.language = photo.language.toStdString();
            caption.edited = photo.edited;
            caption.score = photo.score;
            const WriteRecord record = writer.write(photo.path.toStdString(), caption);
            const PhotoDescription &holds = record.status == WriteStatus::Written ? record.after : record.before;
            PhotoState state = PhotoState::Kept;
            QString note = MetadataText::skipReason(record.skip);
            if (record.status == WriteStatus::Written) {
                ++summary.written;
                state = PhotoState::Written;
                note.clear();
            } else if (record.status == WriteStatus::Failed) {
                ++summary.failed;
                state = PhotoState::WriteFailed;
                note = MetadataText::problem(record.problem);
                summary.failures << MetadataText::failure(QFileInfo(photo.path).fileName(), record.problem, record.detail);
            } else {
                ++summary.kept;
            }
            const bool fromSnaption = holds.isMachineMade(kShownFields);
            Q_EMIT photoDone(photo.id, int(state), note, QString::fromStdString(holds.text(CaptionField::Description)),
                             QString::fromStdString(holds.text(CaptionField::AltText)), fromSnaption);
            Q_EMIT progress(++done, int(photos.size()));
        }
        return std::function<void()>([this, summary] { Q_EMIT written(summary); });
    });
}

void PhotoMetadataTask::restore(const QString &journalPath)
{
    start([this, journalPath, cancel = m_cancel] {
        RestoreSummary summary;
        JournalContents contents;
        std::unique_ptr<MetadataJournal> lock;
        try {
            contents = MetadataJournal::read(journalPath.toStdString()); // a journal deleted since is not created again
            lock = std::make_unique<MetadataJournal>(journalPath.toStdString());
        } catch (const MetadataError &error) {
            ++summary.failed;
            summary.problems << MetadataText::failure(journalPath, error.problem(), error.what());
            return std::function<void()>([this, summary] { Q_EMIT restored(summary); });
        }
        const auto order = MetadataRestorer::undoOrder(contents.records);
        int done = 0;
        for (const WriteRecord *record : order) {
            if (cancel->load()) break;
            const RestoreOutcome outcome = MetadataRestorer::restore(*record);
            const QString name = QFileInfo(QString::fromStdString(outcome.file)).fileName();
            switch (outcome.status) {
            case RestoreStatus::Restored: {
                ++summary.restored;
                const PhotoDescription &before = record->before;
                Q_EMIT photoRestored(QString::fromStdString(record->file), QString::fromStdString(before.text(CaptionField::Description)),
                                     QString::fromStdString(before.text(CaptionField::AltText)),
                                     before.isMachineMade(kShownFields));
                break;
            }
            case RestoreStatus::NotWritten: ++summary.nothingToUndo; break;
            case RestoreStatus::Changed:
                ++summary.changed;
                summary.problems << tr("%1: %2").arg(name, MetadataText::restoreStatus(outcome.status));
                break;
            case RestoreStatus::Failed:
                ++summary.failed;
                summary.problems << MetadataText::failure(name, outcome.problem, outcome.detail);
                break;
            }
            Q_EMIT progress(++done, int(order.size()));
        }
        return std::function<void()>([this, summary] { Q_EMIT restored(summary); });
    });
}

} // namespace snaption::gui
