#pragma once

#include <QMainWindow>
#include <QThread>

#include <QHash>
#include <QImage>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace snaption::widgets {
class CaptionWorker;
class HistoryModel;
class StallMonitor;
class StartPage;
} // namespace snaption::widgets

namespace snaption::gui {

class AugmentTab;
class CaptionLanguages;
class CaptionTab;
class ClipboardWatcher;
class DesktopNotifier;
class HistoryTab;
class PhotoWriteController;
class TrainTab;

// The application window: the start page until a model is loaded, then the tabs. Menus,
// shortcuts, drag and drop anywhere, recent files, remembered settings. The inference worker
// runs on its own thread; the window only sends requests and shows results.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CaptionTab *captionTab() const { return m_captionTab; }
    PhotoWriteController *photoWriter() const { return m_photoWriter; }
    TrainTab *trainTab() const { return m_trainTab; }
    AugmentTab *augmentTab() const { return m_augmentTab; }
    HistoryTab *historyTab() const { return m_historyTab; }
    widgets::HistoryModel *history() const { return m_history; }
    ClipboardWatcher *clipboardWatcher() const { return m_clipboardWatcher; }
    DesktopNotifier *notifier() const { return m_notifier; }
    QTabWidget *tabs() const { return m_tabs; }
    widgets::StartPage *startPage() const { return m_startPage; }
    QLabel *modelLabel() const { return m_modelLabel; }
    bool hasModel() const { return !m_modelPath.isEmpty(); }
    QString modelPath() const { return m_modelPath; }
    CaptionLanguages *captionLanguages() const { return m_languages; }

public Q_SLOTS:
    void loadModel(const QString &path);
    // Loads the installed model of the default caption language (see CaptionLanguages).
    void loadModelForCaptionLanguage();
    void openImages(const QStringList &paths);
    // What a second `snaption [--model M] IMAGE...` asked for: opened here, and the window brought
    // to the front.
    void openFromAnotherLaunch(const QStringList &images, const QString &model);
    void pasteImage();
    void captionClipboard();
    // Settings › Watch the Clipboard (remembered; --watch-clipboard turns it on for one run).
    void setWatchClipboard(bool on);
    // Trains the synthetic-scene preset in the Train tab and loads the result.
    void createDemoModel();

Q_SIGNALS:
    void modelReady(const QString &path);
    void modelLoadFailed(const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void readSettings();
    void writeSettings() const;
    void rememberRecent(const QString &key, const QString &path);
    void updateRecentMenus();
    void showStartPage(const QString &message);
    void updateModelLabel();
    void onModelLoaded(const QString &path, const QString &description);
    void onModelFailed(const QString &path, const QString &error);
    void chooseImages();
    void captionCopiedImage(const QImage &image, const QString &source);
    void onImageFinished(int id, bool ok, const QString &captionOrError);
    void chooseFolder();
    void chooseModel();
    void importSeedModel();
    void downloadModel();
    void exportCaptions();
    void saveOverlay();
    void saveAllOverlays();
    void writeSidecars();
    void showAbout();
    void setLanguage(const QString &language);

    QThread m_inferenceThread;
    widgets::CaptionWorker *m_worker;
    widgets::StallMonitor *m_stalls;
    QStackedWidget *m_stack;
    widgets::StartPage *m_startPage;
    QTabWidget *m_tabs;
    CaptionTab *m_captionTab;
    CaptionLanguages *m_languages;
    TrainTab *m_trainTab;
    AugmentTab *m_augmentTab;
    bool m_loadDemoWhenDone = false;
    QLabel *m_modelLabel;
    QString m_modelText; // the model label's full text
    QMenu *m_recentImages = nullptr;
    QMenu *m_recentModels = nullptr;
    QAction *m_int8 = nullptr;
    PhotoWriteController *m_photoWriter = nullptr;
    QString m_modelPath;
    QString m_pendingModel;
    bool m_captionClipboardPending = false;
    // Images from outside the list (copied ones), by id: where they came from and a thumbnail,
    // until their caption goes into the history.
    struct OutsideImage {
        QString source;
        QImage thumbnail;
    };
    QHash<int, OutsideImage> m_outsideImages;
    widgets::HistoryModel *m_history = nullptr;
    HistoryTab *m_historyTab = nullptr;
    ClipboardWatcher *m_clipboardWatcher = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    QAction *m_watchClipboard = nullptr;
};

} // namespace snaption::gui
