#pragma once

#include <QMainWindow>
#include <QThread>

#include <QImage>

#include "screencapture.h"

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace snaption::widgets {
class CaptionWorker;
class HistoryModel;
class HistoryStore;
class StallMonitor;
class StartPage;
} // namespace snaption::widgets

namespace snaption::gui {

class AugmentTab;
class CaptionLanguages;
class CaptionTab;
class ClipboardWatcher;
class DesktopNotifier;
class GlobalShortcuts;
class HistoryTab;
class OutsideImages;
class PhotoWriteController;
class TrainTab;
class TrayIcon;

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
    DesktopNotifier *notifier() const;
    OutsideImages *outsideImages() const { return m_outside; }
    ScreenCapture *screenCapture() const { return m_screenCapture; }
    GlobalShortcuts *globalShortcuts() const { return m_globalShortcuts; }
    TrayIcon *trayIcon() const { return m_tray; }
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
    // What a second `snaption [--model M] [--watch-clipboard] [--background] IMAGE...` asked for:
    // opened here, and the window brought to the front (not for --background alone).
    void openFromAnotherLaunch(const QStringList &images, const QString &model, const QStringList &switches = {});
    void pasteImage();
    void captionClipboard();
    // Settings › Watch the Clipboard (remembered; --watch-clipboard turns it on for one run).
    void setWatchClipboard(bool on);
    // Trains the synthetic-scene preset in the Train tab and loads the result.
    void createDemoModel();
    // Edit › Caption Active Window / the Screen / Screen Region, the tray and the global shortcut.
    void captionScreenshot(ScreenCapture::Target target);
    // `snaption --background`: into the tray without a window (minimised where there is no tray).
    void startInBackground();
    // File › Quit: ends Snaption also when closing the window would leave it in the tray.
    void quit();

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
    void createBackgroundMode();
    void showGlobalShortcuts();
    void editGlobalShortcuts();
    // Asked once, on the first close while a tray icon is there; remembered.
    bool keepRunningInTray();
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
    widgets::HistoryModel *m_history = nullptr;
    widgets::HistoryStore *m_historyStore = nullptr;
    HistoryTab *m_historyTab = nullptr;
    ClipboardWatcher *m_clipboardWatcher = nullptr;
    OutsideImages *m_outside = nullptr;
    ScreenCapture *m_screenCapture = nullptr;
    GlobalShortcuts *m_globalShortcuts = nullptr;
    TrayIcon *m_tray = nullptr;
    QAction *m_watchClipboard = nullptr;
    QAction *m_captionClipboard = nullptr;
    QAction *m_captionActiveWindow = nullptr;
    QAction *m_captionScreen = nullptr;
    QAction *m_captionRegion = nullptr;
    QAction *m_keepRunning = nullptr;
    QAction *m_quit = nullptr;
    bool m_quitting = false;
};

} // namespace snaption::gui
