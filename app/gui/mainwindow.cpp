#include "mainwindow.h"

#include "photowritecontroller.h"

#include "activewindowkeeper.h"
#include "altshortcutguard.h"
#include "augmenttab.h"
#include "buildfeatures.h"
#include "captionlanguages.h"
#include "captionspeaker.h"
#include "captiontab.h"
#include "clipboardwatcher.h"
#include "desktopnotifier.h"
#include "globalshortcuts.h"
#include "globalshortcutsdialog.h"
#include "historytab.h"
#include "imagefiles.h"
#include "outsideimages.h"
#include "traintab.h"
#include "trayicon.h"

#include <snaption/error.h>
#include <snaption/imagewriter.h>
#include <snaption/seedimporter.h>
#include <snaption/threading.h>
#include <snaption/weightprecision.h>
#include <snaption/widgets/announcer.h>
#include <snaption/widgets/captionexporter.h>
#include <snaption/widgets/captionworker.h>
#include <snaption/widgets/decodingcontrols.h>
#include <snaption/widgets/heatmapcontrols.h>
#include <snaption/widgets/historymodel.h>
#include <snaption/widgets/historystore.h>
#include <snaption/widgets/modelcatalog.h>
#include <snaption/widgets/modeldownloader.h>
#include <snaption/widgets/stallmonitor.h>
#include <snaption/widgets/startpage.h>
#include <snaption/widgets/wordbar.h>

#include <QAccessible>
#include <QAccessibleWidget>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>


namespace snaption::gui {
namespace {

constexpr int kMaxRecent = 10;
constexpr int kScreenshotDelayMs = 250;
constexpr int kInferenceNiceness = 5;

bool isModelFile(const QString &path)
{
    return path.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive);
}

std::vector<widgets::ExportedCaption> doneCaptions(const widgets::ImageListModel &images)
{
    std::vector<widgets::ExportedCaption> out;
    for (const auto &entry : images.entries()) {
        if (entry.state == widgets::ImageListModel::State::Done) out.push_back({entry.path.isEmpty() ? entry.name : entry.path, entry.outcome.result});
    }
    return out;
}

// A page stack (start page or tabs, a tab's pages) is a plain container to screen readers:
// as a "layered pane" Orca named it on every focus move between pages, twice inside the tabs.
QAccessibleInterface *plainPageStacks(const QString &className, QObject *object)
{
    if (className == QLatin1String("QStackedWidget") && object && object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::Client);
    return nullptr;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_worker(new widgets::CaptionWorker), m_stalls(new widgets::StallMonitor(this)), m_stack(new QStackedWidget(this)),
      m_startPage(new widgets::StartPage(this)), m_tabs(new QTabWidget(this)), m_captionTab(nullptr), m_trainTab(nullptr), m_augmentTab(nullptr),
      m_modelLabel(new QLabel(this))
{
    static std::once_flag pageStacksInstalled;
    std::call_once(pageStacksInstalled, [] { QAccessible::installFactory(plainPageStacks); });
    setWindowTitle(tr("Snaption"));
    setWindowIcon(QIcon(QStringLiteral(":/snaption/snaption.svg")));
    setAcceptDrops(true);
    m_worker->moveToThread(&m_inferenceThread);
    connect(&m_inferenceThread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_inferenceThread.setObjectName(QStringLiteral("inference"));
    // The window goes first when the cores are busy: the inference thread, and the threads it
    // starts (the model's OpenMP pool, the image readers), which inherit it, run at nice +5.
    connect(&m_inferenceThread, &QThread::started, &m_inferenceThread, [] { lowerComputePriority(kInferenceNiceness); }, Qt::DirectConnection);
    m_inferenceThread.start();

    m_captionTab = new CaptionTab(m_worker, this);
    m_languages = new CaptionLanguages(m_worker, m_captionTab, this);
    connect(m_languages, &CaptionLanguages::modelWanted, this, &MainWindow::loadModel);
    m_photoWriter = new PhotoWriteController(m_captionTab, [this] { return m_modelPath; }, this);
    m_augmentTab = new AugmentTab(this);
    m_trainTab = new TrainTab([this] { return m_augmentTab->config(); }, this);
    m_tabs->addTab(m_captionTab, tr("&Caption"));
    m_tabs->addTab(m_trainTab, tr("&Train"));
    m_tabs->addTab(m_augmentTab, tr("&Augment"));
    m_history = new widgets::HistoryModel(this);
    m_historyTab = new HistoryTab(m_history, this);
    m_historyStore = new widgets::HistoryStore(m_history, widgets::HistoryStore::defaultPath(), this);
    // No Alt letter is left on every page for it: View › History (Ctrl+H) goes there.
    m_tabs->addTab(m_historyTab, tr("History"));
    m_clipboardWatcher = new ClipboardWatcher(this);
    m_outside = new OutsideImages(this, m_captionTab, m_history, this);
    m_screenCapture = new ScreenCapture(this);
    m_globalShortcuts = new GlobalShortcuts(this);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_tabs);
    m_startPage->setDemoAvailable(true);
    setCentralWidget(m_stack);
    m_modelLabel->setAccessibleDescription(tr("Model in use"));
    statusBar()->addPermanentWidget(m_modelLabel);
    new widgets::Announcer(statusBar());
    new AltShortcutGuard(this);
    new ActiveWindowKeeper(this);

    connect(m_worker, &widgets::CaptionWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_worker, &widgets::CaptionWorker::modelFailed, this, &MainWindow::onModelFailed);
    connect(m_captionTab, &CaptionTab::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_captionTab, &CaptionTab::captionReady, this, [this](int, const QString &caption) {
        if (m_captionClipboardPending) {
            m_captionClipboardPending = false;
            QApplication::clipboard()->setText(caption);
            // The caption itself was just announced by the Caption tab.
            widgets::Announcer::announce(this, tr("Caption copied to the clipboard"));
        }
    });
    connect(m_clipboardWatcher, &ClipboardWatcher::imageCopied, this, [this](const QImage &image) { captionCopiedImage(image, tr("Clipboard")); });
    connect(m_outside, &OutsideImages::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_screenCapture, &ScreenCapture::captured, this, &MainWindow::captionCopiedImage);
    connect(m_screenCapture, &ScreenCapture::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
        widgets::Announcer::announce(this, message);
        // Out of sight the status bar reaches no one.
        if (!isVisible() || isMinimized() || !isActiveWindow()) notifier()->notify(tr("Snaption"), message);
    });
    connect(m_globalShortcuts, &GlobalShortcuts::activated, this, [this](GlobalShortcuts::Action action) {
        (action == GlobalShortcuts::Action::CaptionClipboard ? m_captionClipboard : m_captionActiveWindow)->trigger();
    });
    connect(m_globalShortcuts, &GlobalShortcuts::changed, this, &MainWindow::showGlobalShortcuts);
    connect(m_globalShortcuts, &GlobalShortcuts::problemFound, this, [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
        if (!isVisible() || isMinimized()) notifier()->notify(tr("Snaption"), message);
    });
    connect(m_historyStore, &widgets::HistoryStore::failed, this, [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    if (!m_historyStore->lastError().isEmpty()) statusBar()->showMessage(m_historyStore->lastError(), 8000);
    connect(m_historyTab, &HistoryTab::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_startPage, &widgets::StartPage::openModelRequested, this, &MainWindow::chooseModel);
    connect(m_startPage, &widgets::StartPage::importRequested, this, &MainWindow::importSeedModel);
    connect(m_startPage, &widgets::StartPage::downloadRequested, this, &MainWindow::downloadModel);
    connect(m_startPage, &widgets::StartPage::createDemoRequested, this, &MainWindow::createDemoModel);
    connect(m_trainTab, &TrainTab::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_augmentTab, &AugmentTab::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_trainTab, &TrainTab::useModelRequested, this, [this](const QString &path) {
        loadModel(path);
        m_tabs->setCurrentWidget(m_captionTab);
    });
    connect(m_trainTab, &TrainTab::trainingFinished, this, [this](bool, const QString &best) {
        if (!m_loadDemoWhenDone) return;
        m_loadDemoWhenDone = false;
        if (!best.isEmpty()) {
            loadModel(best);
            m_tabs->setCurrentWidget(m_captionTab);
        }
    });

    createMenus();
    readSettings();
    createBackgroundMode();
    showStartPage(QString());
    if (qEnvironmentVariableIsSet("SNAPTION_REPORT_STALLS")) m_stalls->start();
}

MainWindow::~MainWindow()
{
    m_worker->cancel();
    m_inferenceThread.quit();
    m_inferenceThread.wait();
    if (qEnvironmentVariableIsSet("SNAPTION_REPORT_STALLS"))
        qInfo("longest event-loop stall: %.1f ms, %.1f s after start; after the first second: %.1f ms; stalls over 16 ms: %d, over 33 ms: %d",
              m_stalls->longestStallMs(), m_stalls->longestStallAtSeconds(), m_stalls->longestStallAfterMs(1.0), m_stalls->stallsOver(16),
              m_stalls->stallsOver(33));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Images…"), QKeySequence::Open, this, &MainWindow::chooseImages);
    file->addAction(tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::chooseFolder);
    m_recentImages = file->addMenu(tr("Recent &Images"));
    file->addSeparator();
    file->addAction(tr("Open &Model…"), QKeySequence(tr("Ctrl+M")), this, &MainWindow::chooseModel);
    m_recentModels = file->addMenu(tr("Recent Mo&dels"));
    file->addAction(tr("&Import Python Snaption Model…"), this, &MainWindow::importSeedModel);
    file->addAction(tr("Do&wnload Model…"), this, &MainWindow::downloadModel);
    file->addSeparator();
    file->addAction(tr("&Export Captions…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportCaptions);
    file->addAction(tr("&Save Heatmap Overlay…"), QKeySequence::Save, this, &MainWindow::saveOverlay);
    file->addAction(tr("Save Overlays of &All Words…"), QKeySequence(tr("Ctrl+Shift+S")), this, &MainWindow::saveAllOverlays);
    file->addAction(tr("Write Caption Files (.&txt) Next to Images…"), this, &MainWindow::writeSidecars);
    QAction *writePhotos = file->addAction(tr("Write to &Photos…"), QKeySequence(tr("Ctrl+Shift+W")), m_photoWriter, &PhotoWriteController::writeToPhotos);
    writePhotos->setToolTip(tr("Writes the captions into the photos' metadata (description and alt text), or into XMP sidecars"));
    QAction *undoWrite = file->addAction(tr("&Undo Last Write to Photos"), m_photoWriter, &PhotoWriteController::undoLastWrite);
    undoWrite->setEnabled(m_photoWriter->canUndo());
    connect(m_photoWriter, &PhotoWriteController::undoAvailableChanged, undoWrite, &QAction::setEnabled);
    connect(m_photoWriter, &PhotoWriteController::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    file->addSeparator();
    m_quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy Caption"), QKeySequence(tr("Ctrl+Alt+C")), m_captionTab, &CaptionTab::copyCaption);
    edit->addAction(tr("&Paste Image"), QKeySequence::Paste, this, &MainWindow::pasteImage);
    m_captionClipboard = edit->addAction(tr("Caption &Clipboard Image"), QKeySequence(tr("Ctrl+Shift+C")), this, &MainWindow::captionClipboard);
    m_captionActiveWindow = edit->addAction(tr("Caption Active &Window"), this, [this] { captionScreenshot(ScreenCapture::Target::ActiveWindow); });
    m_captionActiveWindow->setToolTip(tr("Captions the window in front; with its global shortcut, from any application"));
    m_captionScreen = edit->addAction(tr("Caption the &Screen"), this, [this] { captionScreenshot(ScreenCapture::Target::Screen); });
    m_captionRegion = edit->addAction(tr("Caption Screen &Region…"), this, [this] { captionScreenshot(ScreenCapture::Target::Region); });
    edit->addSeparator();
    edit->addAction(tr("C&aption All Again"), QKeySequence(tr("F5")), m_captionTab, &CaptionTab::recaptionAll);
    // Only while captioning runs: otherwise Esc belongs to whatever has the focus.
    QAction *cancel = edit->addAction(tr("Ca&ncel Captioning"), QKeySequence(Qt::Key_Escape), m_captionTab, &CaptionTab::cancelAll);
    cancel->setEnabled(false);
    connect(m_captionTab, &CaptionTab::busyChanged, cancel, &QAction::setEnabled);
    edit->addAction(tr("C&lear Images"), m_captionTab, &CaptionTab::clear);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_captionTab->view(), &widgets::HeatmapView::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_captionTab->view(), &widgets::HeatmapView::zoomOut);
    view->addAction(tr("&Fit to Window"), QKeySequence(tr("Ctrl+0")), m_captionTab->view(), &widgets::HeatmapView::zoomToFit);
    view->addAction(tr("&Actual Size"), QKeySequence(tr("Ctrl+1")), m_captionTab->view(), &widgets::HeatmapView::zoomActualSize);
    view->addSeparator();
    view->addAction(tr("&Next Word"), QKeySequence(tr("Alt+Right")), m_captionTab->wordBar(), &widgets::WordBar::next);
    view->addAction(tr("&Previous Word"), QKeySequence(tr("Alt+Left")), m_captionTab->wordBar(), &widgets::WordBar::previous);
    view->addAction(tr("P&lay Words"), QKeySequence(tr("Ctrl+P")), this, [this] {
        m_captionTab->wordBar()->setPlaying(!m_captionTab->wordBar()->isPlaying());
    });
    // For screen-reader users: what the screen shows, said on request.
    view->addAction(tr("Say Word &Confidence"), QKeySequence(tr("Ctrl+I")), m_captionTab->wordBar(), &widgets::WordBar::announceConfidence);
    view->addAction(tr("Say &Training Progress"), QKeySequence(tr("Ctrl+T")), m_trainTab, &TrainTab::announceProgress);
    view->addSeparator();
    view->addAction(tr("&History"), QKeySequence(tr("Ctrl+H")), this, [this] {
        m_tabs->setCurrentWidget(m_historyTab);
        m_historyTab->list()->setFocus();
    });

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    m_int8 = settings->addAction(tr("&Fast Decoder (int8 weights)"));
    m_int8->setCheckable(true);
    m_int8->setToolTip(tr("About twice as fast; captions may differ slightly from the exact model"));
    connect(m_int8, &QAction::toggled, this, [this] {
        if (hasModel()) loadModel(m_modelPath);
    });
#ifdef SNAPTION_HAVE_SPEECH
    QAction *speak = settings->addAction(tr("&Speak Captions Aloud"));
    speak->setCheckable(true);
    speak->setToolTip(tr("Reads each caption aloud when it is ready"));
    speak->setChecked(QSettings().value(QStringLiteral("speech/whenReady"), false).toBool());
    m_captionTab->setSpeakWhenReady(speak->isChecked());
    connect(speak, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("speech/whenReady"), on);
        m_captionTab->setSpeakWhenReady(on);
    });
#endif
    QAction *markUnsure = settings->addAction(tr("Say When a Caption Is &Uncertain"));
    markUnsure->setObjectName(QStringLiteral("markUnsure"));
    markUnsure->setCheckable(true);
    markUnsure->setToolTip(tr("Screen readers, speech and notifications say \"Possibly:\" before captions the model is unsure of"));
    markUnsure->setChecked(QSettings().value(QStringLiteral("speech/markUnsure"), true).toBool());
    m_captionTab->images()->setMarkUnsure(markUnsure->isChecked());
    connect(markUnsure, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("speech/markUnsure"), on);
        m_captionTab->images()->setMarkUnsure(on);
    });
    m_watchClipboard = settings->addAction(tr("&Watch the Clipboard"));
    m_watchClipboard->setCheckable(true);
    m_watchClipboard->setToolTip(tr("Captions every image copied in any application; the result goes to the History tab and, "
                                    "while this window is not in front, to a desktop notification"));
    m_watchClipboard->setChecked(QSettings().value(QStringLiteral("background/watchClipboard"), false).toBool());
    m_clipboardWatcher->setWatching(m_watchClipboard->isChecked());
    connect(m_watchClipboard, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("background/watchClipboard"), on);
        m_clipboardWatcher->setWatching(on);
        statusBar()->showMessage(on ? tr("Watching the clipboard: every image copied is captioned") : tr("No longer watching the clipboard"), 5000);
    });
    if (CaptionSpeaker::isBuiltIn()) {
        QAction *speakBackground = settings->addAction(tr("Speak Results in the &Background"));
        speakBackground->setCheckable(true);
        speakBackground->setToolTip(tr("Reads aloud the captions of copied images and screenshots while this window is not in front"));
        speakBackground->setChecked(QSettings().value(QStringLiteral("speech/background"), true).toBool());
        m_outside->setSpeakInBackground(speakBackground->isChecked());
        connect(speakBackground, &QAction::toggled, this, [this](bool on) {
            QSettings().setValue(QStringLiteral("speech/background"), on);
            m_outside->setSpeakInBackground(on);
        });
    } else {
        m_outside->setSpeakInBackground(false);
    }
    m_keepRunning = settings->addAction(tr("&Keep Running in the Tray"));
    m_keepRunning->setCheckable(true);
    m_keepRunning->setToolTip(tr("Closing the window leaves Snaption in the system tray, watching the clipboard and answering its global shortcuts"));
    m_keepRunning->setChecked(QSettings().value(QStringLiteral("background/keepRunning"), false).toBool());
    connect(m_keepRunning, &QAction::toggled, this, [](bool on) { QSettings().setValue(QStringLiteral("background/keepRunning"), on); });
    settings->addAction(tr("Global Short&cuts…"), this, &MainWindow::editGlobalShortcuts);
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    for (const auto &[code, name] : {std::pair{QString(), tr("System Default")}, std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                     std::pair{QStringLiteral("de"), QStringLiteral("Deutsch")}}) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setData(code);
        languages->addAction(action);
        action->setChecked(QSettings().value(QStringLiteral("language")).toString() == code);
        connect(action, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Snaption"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1280, 820);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_int8->blockSignals(true);
    m_int8->setChecked(settings.value(QStringLiteral("decoder/int8"), false).toBool());
    m_int8->blockSignals(false);
    widgets::HeatmapSettings heatmap = m_captionTab->heatmapControls()->settings();
    heatmap.style.opacity = settings.value(QStringLiteral("heatmap/opacity"), double(heatmap.style.opacity)).toFloat();
    heatmap.style.colormap = static_cast<Colormap>(settings.value(QStringLiteral("heatmap/colormap"), int(heatmap.style.colormap)).toInt());
    heatmap.style.smooth = settings.value(QStringLiteral("heatmap/smooth"), heatmap.style.smooth).toBool();
    heatmap.visible = settings.value(QStringLiteral("heatmap/visible"), heatmap.visible).toBool();
    m_captionTab->heatmapControls()->setSettings(heatmap);
    DecodingOptions decoding = m_captionTab->decodingControls()->options();
    decoding.strategy = static_cast<DecodingOptions::Strategy>(settings.value(QStringLiteral("decoding/strategy"), int(decoding.strategy)).toInt());
    decoding.beamWidth = settings.value(QStringLiteral("decoding/beam"), decoding.beamWidth).toInt();
    decoding.lengthPenalty = settings.value(QStringLiteral("decoding/lengthPenalty"), decoding.lengthPenalty).toDouble();
    decoding.topK = settings.value(QStringLiteral("decoding/topK"), decoding.topK).toInt();
    decoding.temperature = settings.value(QStringLiteral("decoding/temperature"), double(decoding.temperature)).toFloat();
    decoding.seed = settings.value(QStringLiteral("decoding/seed"), qulonglong(decoding.seed)).toULongLong();
    m_captionTab->decodingControls()->setOptions(decoding);
    updateRecentMenus();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("decoder/int8"), m_int8->isChecked());
    const widgets::HeatmapSettings heatmap = m_captionTab->heatmapControls()->settings();
    settings.setValue(QStringLiteral("heatmap/opacity"), double(heatmap.style.opacity));
    settings.setValue(QStringLiteral("heatmap/colormap"), int(heatmap.style.colormap));
    settings.setValue(QStringLiteral("heatmap/smooth"), heatmap.style.smooth);
    settings.setValue(QStringLiteral("heatmap/visible"), heatmap.visible);
    const DecodingOptions decoding = m_captionTab->decodingControls()->options();
    settings.setValue(QStringLiteral("decoding/strategy"), int(decoding.strategy));
    settings.setValue(QStringLiteral("decoding/beam"), decoding.beamWidth);
    settings.setValue(QStringLiteral("decoding/lengthPenalty"), decoding.lengthPenalty);
    settings.setValue(QStringLiteral("decoding/topK"), decoding.topK);
    settings.setValue(QStringLiteral("decoding/temperature"), double(decoding.temperature));
    settings.setValue(QStringLiteral("decoding/seed"), qulonglong(decoding.seed));
    if (!m_modelPath.isEmpty()) settings.setValue(QStringLiteral("model/last"), m_modelPath);
}

void MainWindow::rememberRecent(const QString &key, const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(key).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue(key, recent);
    updateRecentMenus();
}

void MainWindow::updateRecentMenus()
{
    const QSettings settings;
    for (const auto &[menu, key, isModel] : {std::tuple{m_recentImages, QStringLiteral("recent/images"), false},
                                             std::tuple{m_recentModels, QStringLiteral("recent/models"), true}}) {
        menu->clear();
        const QStringList recent = settings.value(key).toStringList();
        for (const QString &path : recent) {
            menu->addAction(QFileInfo(path).fileName(), this, [this, path, isModel = isModel] {
                if (isModel) loadModel(path);
                else openImages({path});
            })->setToolTip(path);
        }
        menu->setEnabled(!recent.isEmpty());
    }
}

void MainWindow::showStartPage(const QString &message)
{
    m_startPage->setMessage(message);
    m_stack->setCurrentWidget(hasModel() ? static_cast<QWidget *>(m_tabs) : m_startPage);
    if (!hasModel()) m_modelText = tr("No model loaded");
    updateModelLabel();
}

void MainWindow::updateModelLabel()
{
    // The model and its provenance stay visible, shortened in the middle so that status messages
    // keep half of the bar; the whole text is the label's accessible description.
    const int room = std::max(200, width() / 2);
    m_modelLabel->setText(m_modelLabel->fontMetrics().elidedText(m_modelText, Qt::ElideMiddle, room));
    m_modelLabel->setAccessibleName(m_modelText); // the whole text, also when the label shows less
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    updateModelLabel();
}

void MainWindow::loadModel(const QString &path)
{
    m_pendingModel = path;
    statusBar()->showMessage(tr("Loading model %1…").arg(QFileInfo(path).fileName()));
    const int precision = int(m_int8->isChecked() ? WeightPrecision::Int8 : WeightPrecision::Float32);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path, precision] { worker->loadModel(path, precision); }, Qt::QueuedConnection);
}

void MainWindow::onModelLoaded(const QString &path, const QString &description)
{
    m_modelPath = path;
    m_modelText = tr("Model: %1").arg(description);
    m_modelLabel->setToolTip(path);
    updateModelLabel();
    statusBar()->showMessage(tr("Model loaded"), 5000);
    rememberRecent(QStringLiteral("recent/models"), path);
    m_languages->refresh(path);
    m_stack->setCurrentWidget(m_tabs);
    m_captionTab->setModelReady(true);
    if (!m_captionTab->images()->entries().empty()) m_captionTab->recaptionAll();
    Q_EMIT modelReady(path);
}

void MainWindow::loadModelForCaptionLanguage()
{
    m_languages->chooseDefaultModel();
}

void MainWindow::onModelFailed(const QString &path, const QString &error)
{
    m_languages->refresh(m_modelPath);
    statusBar()->showMessage(tr("Could not load the model"), 8000);
    if (hasModel()) {
        QMessageBox::warning(this, tr("Cannot Load Model"), tr("%1\n\nThe previous model stays in use.").arg(error));
    } else {
        // The error is said once, as the description of the button that opens another model,
        // which takes the focus: that is where the user can act on it.
        const QString message = tr("Could not load %1: %2").arg(QFileInfo(path).fileName(), error);
        showStartPage(message);
        m_startPage->focusOpenModel();
    }
    Q_EMIT modelLoadFailed(error);
}

void MainWindow::openImages(const QStringList &paths)
{
    QStringList images;
    for (const QString &path : paths) {
        if (isModelFile(path)) loadModel(path);
        else images << path;
    }
    if (images.isEmpty()) return;
    for (const QString &path : images) rememberRecent(QStringLiteral("recent/images"), QFileInfo(path).absoluteFilePath());
    const int added = m_captionTab->addPaths(images);
    if (added == 0) statusBar()->showMessage(tr("No images found"), 5000);
    else if (!hasModel()) showStartPage(tr("%n image(s) are waiting for a model.", nullptr, added));
}

void MainWindow::openFromAnotherLaunch(const QStringList &images, const QString &model, const QStringList &switches)
{
    if (!model.isEmpty()) loadModel(model);
    if (switches.contains(QLatin1String("watch-clipboard"))) setWatchClipboard(true);
    openImages(images);
    // A second autostart stays in the background.
    if (switches.contains(QLatin1String("background")) && images.isEmpty()) return;
    if (isMinimized()) showNormal();
    else show();
    raise();
    activateWindow();
}

void MainWindow::chooseImages()
{
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Images"), settings.value(QStringLiteral("dialogs/images")).toString(),
                                                            ImageFiles::dialogFilter());
    if (files.isEmpty()) return;
    settings.setValue(QStringLiteral("dialogs/images"), QFileInfo(files.first()).absolutePath());
    openImages(files);
}

void MainWindow::chooseFolder()
{
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Images"), settings.value(QStringLiteral("dialogs/images")).toString());
    if (folder.isEmpty()) return;
    settings.setValue(QStringLiteral("dialogs/images"), folder);
    openImages({folder});
}

void MainWindow::chooseModel()
{
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Model"), settings.value(QStringLiteral("dialogs/models"), widgets::ModelCatalog::modelFolder()).toString(),
                                                      tr("Snaption models (*.safetensors)"));
    if (file.isEmpty()) return;
    settings.setValue(QStringLiteral("dialogs/models"), QFileInfo(file).absolutePath());
    loadModel(file);
}

void MainWindow::importSeedModel()
{
    const QString weights = QFileDialog::getOpenFileName(this, tr("Import: the Python model's weights"), QString(),
                                                         tr("PyTorch weights (*.pt *.pth);;All files (*)"));
    if (weights.isEmpty()) return;
    const QString vocabulary = QFileDialog::getOpenFileName(this, tr("Import: the vocabulary (vocab_mapper.pkl)"), QFileInfo(weights).absolutePath(),
                                                            tr("Pickles (*.pkl);;All files (*)"));
    if (vocabulary.isEmpty()) return;
    const QString out = QDir(widgets::ModelCatalog::modelFolder()).filePath(QFileInfo(weights).completeBaseName() + QStringLiteral("-imported.safetensors"));
    QDir().mkpath(widgets::ModelCatalog::modelFolder());
    // Reading a 200 MB torch.save archive takes seconds: off the GUI thread. The importer cannot be
    // interrupted, so Cancel lets it finish in the background and throws its result away.
    auto *progress = new QProgressDialog(tr("Importing the model…"), tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress, out] {
        const bool cancelled = progress->wasCanceled();
        const QString error = watcher->result();
        progress->deleteLater();
        watcher->deleteLater();
        if (cancelled) {
            QFile::remove(out);
            statusBar()->showMessage(tr("Import cancelled"), 5000);
        } else if (!error.isEmpty()) {
            QMessageBox::warning(this, tr("Import Failed"), error);
        } else {
            loadModel(out);
        }
    });
    const std::map<std::string, std::string> provenance{{"created_by", "Snaption " + QApplication::applicationVersion().toStdString()},
                                                        {"source", "Python Snaption model " + QFileInfo(weights).fileName().toStdString()}};
    watcher->setFuture(QtConcurrent::run([weights, vocabulary, out, provenance] {
        try {
            SeedImporter::import(weights.toStdString(), vocabulary.toStdString(), out.toStdString(), provenance);
            return QString();
        } catch (const std::exception &error) {
            return QString::fromStdString(Error::describe(error));
        }
    }));
}

void MainWindow::downloadModel()
{
    QString error;
    const auto entries = widgets::ModelCatalog::load(widgets::ModelCatalog::defaultLocation(), &error);
    if (entries.empty()) {
        QMessageBox::information(this, tr("Download Model"),
                                 error.isEmpty() ? tr("The model catalog lists no downloadable models yet. Open a model file, import one, or "
                                                      "create a demo model instead.")
                                                 : error);
        return;
    }
    QStringList names;
    for (const auto &entry : entries) names << QStringLiteral("%1 — %2").arg(entry.name, entry.description);
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Download Model"), tr("Model:"), names, 0, false, &ok);
    if (!ok) return;
    const widgets::CatalogEntry entry = entries[std::size_t(names.indexOf(choice))];
    auto *downloader = new widgets::ModelDownloader(this);
    auto *progress = new QProgressDialog(tr("Downloading %1…").arg(entry.name), tr("Cancel"), 0, 100, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    connect(progress, &QProgressDialog::canceled, downloader, &widgets::ModelDownloader::cancel);
    connect(downloader, &widgets::ModelDownloader::progress, progress, [progress](qint64 received, qint64 total) {
        progress->setMaximum(total > 0 ? 1000 : 0);
        if (total > 0) progress->setValue(int(1000 * received / total));
    });
    connect(downloader, &widgets::ModelDownloader::finished, this, [this, downloader, progress](const QString &path) {
        progress->deleteLater();
        downloader->deleteLater();
        loadModel(path);
    });
    connect(downloader, &widgets::ModelDownloader::failed, this, [this, downloader, progress](const QString &message) {
        progress->deleteLater();
        downloader->deleteLater();
        QMessageBox::warning(this, tr("Download Failed"), message);
    });
    downloader->start(entry, widgets::ModelCatalog::modelFolder());
    progress->show();
}

void MainWindow::exportCaptions()
{
    const auto captions = doneCaptions(*m_captionTab->images());
    if (captions.empty()) return statusBar()->showMessage(tr("No captions to export yet"), 5000);
    QString selected;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Captions"), QStringLiteral("captions.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"), &selected);
    if (file.isEmpty()) return;
    const bool json = file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || selected.startsWith(QLatin1String("JSON"));
    QString error;
    if (!widgets::CaptionExporter::writeFile(file, json ? widgets::CaptionExporter::toJson(captions) : widgets::CaptionExporter::toCsv(captions), &error))
        QMessageBox::warning(this, tr("Export Failed"), tr("Cannot write %1: %2").arg(file, error));
    else
        statusBar()->showMessage(tr("Exported %n caption(s)", nullptr, int(captions.size())), 5000);
}

void MainWindow::saveOverlay()
{
    const auto *entry = m_captionTab->currentEntry();
    if (!entry || entry->state != widgets::ImageListModel::State::Done) return;
    const int word = m_captionTab->wordBar()->current();
    const QString suggestion = QFileInfo(entry->name).completeBaseName() +
                               (word >= 0 ? QStringLiteral("-%1").arg(QString::fromStdString(entry->outcome.result.words[std::size_t(word)])) : QString()) +
                               QStringLiteral(".png");
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Heatmap Overlay"), suggestion, tr("PNG images (*.png)"));
    if (file.isEmpty()) return;
    try {
        writeImage(m_captionTab->view()->overlay(), file.toStdString());
        statusBar()->showMessage(tr("Saved %1").arg(file), 5000);
    } catch (const std::exception &error) {
        QMessageBox::warning(this, tr("Save Failed"), QString::fromStdString(Error::describe(error)));
    }
}

void MainWindow::saveAllOverlays()
{
    const auto *entry = m_captionTab->currentEntry();
    // The view shows the entry's image (read again if it had been evicted) once it has it.
    if (!entry || entry->state != widgets::ImageListModel::State::Done || !m_captionTab->view()->image()) return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save Overlays of All Words to Folder"));
    if (folder.isEmpty()) return;
    const CaptionResult &result = entry->outcome.result;
    try {
        for (std::size_t i = 0; i < result.words.size(); ++i) {
            // The view's maps: the list may have let go of the entry's while it is shown.
            const RgbImage overlay = widgets::HeatmapView::compose(*m_captionTab->view()->image(), m_captionTab->view()->attention(), int(i),
                                                                   m_captionTab->heatmapControls()->settings());
            const QString name = QStringLiteral("%1_%2_%3.png").arg(QFileInfo(entry->name).completeBaseName()).arg(i, 2, 10, QLatin1Char('0'))
                                     .arg(QString::fromStdString(result.words[i]).replace(QRegularExpression(QStringLiteral("[^\\w]")), QStringLiteral("_")));
            writeImage(overlay, QDir(folder).filePath(name).toStdString());
        }
        statusBar()->showMessage(tr("Saved %n overlay(s)", nullptr, int(result.words.size())), 5000);
    } catch (const std::exception &error) {
        QMessageBox::warning(this, tr("Save Failed"), QString::fromStdString(Error::describe(error)));
    }
}

void MainWindow::writeSidecars()
{
    const auto captions = doneCaptions(*m_captionTab->images());
    if (captions.empty()) return statusBar()->showMessage(tr("No captions to write yet"), 5000);
    int existing = 0;
    for (const auto &c : captions) existing += QFileInfo::exists(widgets::CaptionExporter::sidecarPath(c.file));
    bool overwrite = false;
    if (existing > 0) {
        const auto answer = QMessageBox::question(this, tr("Caption Files Exist"),
                                                  tr("%n image(s) already have a caption file. Overwrite them?", nullptr, existing),
                                                  QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::No);
        if (answer == QMessageBox::Cancel) return;
        overwrite = answer == QMessageBox::Yes;
    }
    QStringList skipped, failed;
    const int written = widgets::CaptionExporter::writeSidecars(captions, overwrite, &skipped, &failed);
    if (!failed.isEmpty()) QMessageBox::warning(this, tr("Some Caption Files Failed"), failed.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Wrote %1 caption files, kept %2 existing ones").arg(written).arg(skipped.size()), 8000);
}

void MainWindow::pasteImage()
{
    const QImage image = QApplication::clipboard()->image();
    if (image.isNull()) {
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        if (mime && mime->hasUrls()) {
            QStringList paths;
            for (const QUrl &url : mime->urls()) {
                if (url.isLocalFile()) paths << url.toLocalFile();
            }
            if (!paths.isEmpty()) return openImages(paths);
        }
        statusBar()->showMessage(tr("The clipboard holds no image"), 5000);
        widgets::Announcer::announce(this, tr("The clipboard holds no image"));
        return;
    }
    m_captionTab->addImage(image, tr("Pasted image %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void MainWindow::captionClipboard()
{
    // For screen-reader users: caption what is on the clipboard and announce the result.
    if (QApplication::clipboard()->image().isNull()) {
        widgets::Announcer::announce(this, tr("The clipboard holds no image"));
        return;
    }
    m_captionClipboardPending = true;
    widgets::Announcer::announce(this, tr("Captioning, please wait"));
    captionCopiedImage(QApplication::clipboard()->image(), tr("Clipboard"));
}

void MainWindow::setWatchClipboard(bool on) { m_watchClipboard->setChecked(on); }

void MainWindow::captionCopiedImage(const QImage &image, const QString &source)
{
    m_outside->add(image, source);
    if (!hasModel()) showStartPage(tr("%n image(s) are waiting for a model.", nullptr, 1));
}

DesktopNotifier *MainWindow::notifier() const { return m_outside->notifier(); }

void MainWindow::captionScreenshot(ScreenCapture::Target target)
{
    // After the menu it was chosen from has closed and what was under it is drawn again: the
    // first try took the open menu along.
    QTimer::singleShot(kScreenshotDelayMs, m_screenCapture, [capture = m_screenCapture, target] { capture->capture(target); });
}

void MainWindow::createBackgroundMode()
{
    m_tray = new TrayIcon(this, {m_captionClipboard, m_captionActiveWindow, m_captionScreen, m_captionRegion, nullptr, m_watchClipboard, nullptr, m_quit}, this);
    // Closing the window may leave Snaption in the tray: then only Quit ends it.
    if (m_tray->isVisible()) QApplication::setQuitOnLastWindowClosed(false);
    const QStringList problems = m_globalShortcuts->start();
    showGlobalShortcuts();
    if (!problems.isEmpty()) statusBar()->showMessage(tr("Global shortcuts: %1").arg(problems.join(QStringLiteral("; "))), 10000);
}

// The global shortcuts that work are shown on their menu items (and work there too); the
// clipboard item keeps its own Ctrl+Shift+C inside the window.
void MainWindow::showGlobalShortcuts()
{
    using Action = GlobalShortcuts::Action;
    const auto active = [this](Action action) {
        return m_globalShortcuts->isActive(action) ? QList<QKeySequence>{m_globalShortcuts->sequence(action)} : QList<QKeySequence>{};
    };
    m_captionClipboard->setShortcuts(active(Action::CaptionClipboard) << QKeySequence(tr("Ctrl+Shift+C")));
    m_captionActiveWindow->setShortcuts(active(Action::CaptionActiveWindow));
}

void MainWindow::editGlobalShortcuts()
{
    GlobalShortcutsDialog dialog(m_globalShortcuts, this);
    dialog.exec();
}

bool MainWindow::keepRunningInTray()
{
    QSettings settings;
    if (!settings.contains(QStringLiteral("background/keepRunning"))) {
        QMessageBox question(QMessageBox::Question, tr("Keep Running?"),
                             tr("Keep Snaption running in the system tray when its window closes? It goes on watching the clipboard and "
                                "answering its global shortcuts.\n\nSettings › Keep Running in the Tray changes this later."),
                             QMessageBox::NoButton, this);
        QPushButton *keep = question.addButton(tr("&Keep Running"), QMessageBox::AcceptRole);
        question.addButton(tr("&Quit"), QMessageBox::RejectRole);
        question.setDefaultButton(keep);
        question.exec();
        m_keepRunning->setChecked(question.clickedButton() == keep); // remembered by the action
        settings.setValue(QStringLiteral("background/keepRunning"), m_keepRunning->isChecked());
    }
    return m_keepRunning->isChecked();
}

void MainWindow::startInBackground()
{
    // Out of sight, a global shortcut that cannot be had is said where it is seen.
    QStringList problems;
    for (const GlobalShortcuts::Action action : GlobalShortcuts::allActions) {
        if (!m_globalShortcuts->problem(action).isEmpty() && !m_globalShortcuts->usesPortal())
            problems << tr("%1: %2").arg(m_globalShortcuts->actionName(action), m_globalShortcuts->problem(action));
    }
    if (!problems.isEmpty()) notifier()->notify(tr("Snaption · Global shortcuts"), problems.join(QLatin1Char('\n')));
    if (m_tray->isVisible()) return; // the tray icon is the way in
    showMinimized();
    statusBar()->showMessage(tr("This desktop has no system tray: Snaption runs minimised"), 10000);
}

void MainWindow::createDemoModel()
{
    // The offline default: a small model trained here on synthetic scenes, with the live plot.
    m_trainTab->applyPreset(QStringLiteral("synthetic-demo"));
    m_trainTab->setDataset(QStringLiteral("synthetic"));
    m_trainTab->setResumeCheckpoint(QString());
    m_trainTab->setOutputFolder(QDir(widgets::ModelCatalog::modelFolder())
                                    .filePath(QStringLiteral("demo-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentWidget(m_trainTab);
    m_loadDemoWhenDone = true;
    m_trainTab->start();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Snaption"),
                       tr("<h3>Snaption %1</h3><p>Describes images in words and shows, for every word, where in the image the model "
                          "looked.</p><p>Model: %2</p><p>Built with Qt, LibTorch and OpenCV.</p><p>%3</p>")
                           .arg(QApplication::applicationVersion(), m_modelPath.isEmpty() ? tr("none") : m_modelPath.toHtmlEscaped(),
                                BuildFeatures::describe().join(QStringLiteral("\n")).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

void MainWindow::setLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("language"), language);
    QMessageBox::information(this, tr("Language"), tr("The new language is used from the next start of Snaption."));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    if (!m_quitting && m_tray && m_tray->isVisible() && keepRunningInTray()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    // With a tray icon the last window closing does not end Snaption by itself.
    if (!QApplication::quitOnLastWindowClosed()) QApplication::quit();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    m_quitting = false;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile()) paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) openImages(paths);
    else if (mime->hasImage()) m_captionTab->addImage(qvariant_cast<QImage>(mime->imageData()), tr("Dropped image"));
    event->acceptProposedAction();
}

} // namespace snaption::gui
