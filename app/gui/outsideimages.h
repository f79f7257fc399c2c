#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QString>

class QWidget;

namespace snaption::widgets {
class HistoryModel;
}

namespace snaption::gui {

class CaptionSpeaker;
class CaptionTab;
class DesktopNotifier;

// Images that come from outside the window's list (copied in another application, screenshots):
// captioned by the Caption tab like any other, and each result goes into the history. While the
// window is not in front the result also goes out as a desktop notification and, unless turned
// off, is spoken: the Caption tab's own announcement reaches only the focused window.
class OutsideImages : public QObject {
    Q_OBJECT

public:
    OutsideImages(QWidget *window, CaptionTab *tab, widgets::HistoryModel *history, QObject *parent = nullptr);

    // Returns the Caption tab's id of the image.
    int add(const QImage &image, const QString &source);
    void setSpeakInBackground(bool on) { m_speakInBackground = on; }
    bool speaksInBackground() const { return m_speakInBackground; }
    DesktopNotifier *notifier() const { return m_notifier; }
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void onImageFinished(int id, bool ok, const QString &captionOrError);
    bool windowInFront() const;

    struct Pending {
        QString source;
        QImage thumbnail;
    };
    QWidget *m_window;
    CaptionTab *m_tab;
    widgets::HistoryModel *m_history;
    DesktopNotifier *m_notifier;
    QHash<int, Pending> m_pending;
    bool m_speakInBackground = true;
};

} // namespace snaption::gui
