#pragma once

#include <snaption/widgets/captionjob.h>
#include <snaption/widgets/heatmapview.h>
#include <snaption/widgets/imagelistmodel.h>

#include <QElapsedTimer>
#include <QSet>
#include <QWidget>

class QAccessibleInterface;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace snaption::widgets {
class CaptionWorker;
class DecodingControls;
class HeatmapControls;
class WordBar;
} // namespace snaption::widgets

namespace snaption::gui {

class CaptionField;
class CaptionSpeaker;

// The Caption tab: the image list, the image with the selected word's heatmap, the caption as
// text and as word buttons, and the heatmap and decoding controls. Images go to the inference
// worker; results come back as queued signals.
class CaptionTab : public QWidget {
    Q_OBJECT

public:
    CaptionTab(widgets::CaptionWorker *worker, QWidget *parent = nullptr);

    widgets::ImageListModel *images() const { return m_images; }
    widgets::HeatmapView *view() const { return m_view; }
    widgets::WordBar *wordBar() const { return m_words; }
    QLineEdit *captionField() const;
    QLabel *existingDescriptionLabel() const { return m_existing; }
    widgets::HeatmapControls *heatmapControls() const { return m_heatmapControls; }
    widgets::DecodingControls *decodingControls() const { return m_decodingControls; }
    QComboBox *captionLanguageBox() const { return m_language; }
    // The caption languages of the installed models (tags) and the one in use; the choice is
    // shown only when there is one (enabled with two or more).
    void setCaptionLanguages(const QStringList &languages, const QString &current);
    // The selected image's entry, or nullptr.
    const widgets::ImageListModel::Entry *currentEntry() const;

    // Adds image files (folders become the images they contain) and captions them.
    int addPaths(const QStringList &paths);
    int addImage(const QImage &image, const QString &name);
    void selectId(int id);
    bool isBusy() const;
    // Until a model is ready, added images wait in the list instead of going to the worker.
    void setModelReady(bool ready) { m_modelReady = ready; }
    // Reads each new caption aloud as it is shown (besides announcing it to screen readers).
    void setSpeakWhenReady(bool speak) { m_speakWhenReady = speak; }
    CaptionSpeaker *speaker() const { return m_speaker; }

public Q_SLOTS:
    void cancelAll();
    void recaptionAll();
    void copyCaption();
    void speakCaption();
    void clear();

Q_SIGNALS:
    void statusMessage(const QString &message);
    void captionReady(int id, const QString &caption); // the current image's
    // Every image's, current or not: its caption, or the reason it failed.
    void imageFinished(int id, bool ok, const QString &captionOrError);
    // Images that will get no imageFinished (cancelled, or the list cleared).
    void unfinishedDropped();
    void busyChanged(bool busy);
    void captionLanguageChosen(const QString &language); // by the user

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAccessibleInterface *listItemAccessible(int row) const;
    void onStarted(int id);
    void onFinished(const widgets::CaptionOutcome &outcome);
    void onIdle();
    void showCurrent();
    void refreshEntry(const widgets::ImageListModel::Entry &entry);
    void onRefreshed(const widgets::CaptionOutcome &outcome);
    // Queues an image; its display image is read with its caption when it is shown now or next.
    void enqueue(int id, bool shownNext = false);
    void updateProgress();
    void setCaptionText(const QString &text);
    void tellScreenReader(const widgets::ImageListModel::Entry &entry, const QString &announcement);
    void showExistingDescription(const widgets::ImageListModel::Entry *entry);
    void showUnsureMark(const widgets::ImageListModel::Entry *entry);

    widgets::CaptionWorker *m_worker;
    widgets::ImageListModel *m_images;
    QListView *m_list;
    widgets::HeatmapView *m_view;
    widgets::WordBar *m_words;
    QToolButton *m_play;
    CaptionField *m_caption;
    QLabel *m_unsure;   // shown beside an unsure caption
    QLabel *m_existing; // what the photo's metadata already holds
    QPushButton *m_copy;
    QPushButton *m_speak;
    widgets::HeatmapControls *m_heatmapControls;
    widgets::DecodingControls *m_decodingControls;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QProgressBar *m_progress;
    QLabel *m_speed;
    QPushButton *m_cancel;
    int m_batchTotal = 0, m_batchDone = 0;
    QElapsedTimer m_batchTimer;
    int m_shownId = -1;
    QSet<int> m_refreshing; // finished images being captioned again for their display
    bool m_modelReady = false;
    bool m_speakWhenReady = false;
    CaptionSpeaker *m_speaker = nullptr;
};

} // namespace snaption::gui
