// Takes the README's screenshots of the real application window: the Caption tab with a model
// and images, the History tab after images were copied by xclip with Watch the Clipboard on, the
// Train tab after the one-minute synthetic demo run, and the Augment tab; and
// reports the longest event-loop stall while captioning and while training. Run it through
// scripts/screenshots.sh (under xvfb-run, with a throwaway settings folder).
//   snaption-screenshots MODEL OUT_DIR IMAGE...
#include "augmenttab.h"
#include "captiontab.h"
#include "historytab.h"
#include "mainwindow.h"
#include "photowritecontroller.h"
#include "writephotosdialog.h"
#include "traintab.h"

#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/threading.h>
#include <snaption/widgets/historymodel.h>
#include <snaption/widgets/stallmonitor.h>
#include <snaption/widgets/trainingcontroller.h>
#include <snaption/widgets/wordbar.h>

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QDir>
#include <QProcess>
#include <QPushButton>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <functional>
#include <utility>
#include <vector>

using namespace snaption;

namespace {

bool waitFor(const std::function<bool()> &done, int seconds)
{
    QDeadlineTimer deadline(seconds * 1000);
    while (!done() && !deadline.hasExpired()) QTest::qWait(100);
    return done();
}


void save(gui::MainWindow &window, const QString &path)
{
    QTest::qWait(800); // let queued repaints and the plot's coalesced replot land
    if (!window.grab().save(path)) std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    std::printf("%s\n", qPrintable(path));
}

// The real path: another process (xclip) copies each image while the clipboard is watched.
void saveHistoryTab(gui::MainWindow &window, const QStringList &images, const QString &path)
{
    window.setWatchClipboard(true);
    for (const QString &image : images) {
        const int before = window.history()->rowCount();
        if (QProcess::execute(QStringLiteral("xclip"), {QStringLiteral("-selection"), QStringLiteral("clipboard"), QStringLiteral("-t"),
                                                        QStringLiteral("image/png"), QStringLiteral("-i"), image}) != 0) {
            std::fprintf(stderr, "xclip could not copy %s: no History screenshot\n", qPrintable(image));
            return;
        }
        if (!waitFor([&] { return window.history()->rowCount() > before; }, 60)) std::fprintf(stderr, "%s was not captioned from the clipboard\n", qPrintable(image));
    }
    window.setWatchClipboard(false);
    window.tabs()->setCurrentWidget(window.historyTab());
    save(window, path);
}

// File › Write to Photos… with its preview of what will change.
void saveWritePhotosDialog(gui::MainWindow &window, const QString &path)
{
    window.photoWriter()->writeToPhotos();
    auto *dialog = window.findChild<gui::WritePhotosDialog *>();
    if (!dialog) return;
    QPushButton *write = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    waitFor([&] { return write->isEnabled(); }, 30);
    if (!dialog->grab().save(path)) std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    std::printf("%s\n", qPrintable(path));
    dialog->reject();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Snaption"));
    QApplication::setApplicationName(QStringLiteral("Snaption"));
    const QStringList args = QApplication::arguments().mid(1);
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: snaption-screenshots MODEL OUT_DIR IMAGE...\n");
        return 2;
    }
    configureThreads();
    const QDir out(args[1]);
    gui::MainWindow window;
    window.resize(1400, 860);
    window.show();
    widgets::StallMonitor stalls;
    stalls.start();
    window.loadModel(args[0]);
    window.openImages(args.mid(2));
    QTest::qWait(500);
    if (!waitFor([&] { return !window.captionTab()->isBusy(); }, 120)) std::fprintf(stderr, "captioning did not finish\n");
    std::printf("longest event-loop stall while loading the model and captioning %lld images: %.1f ms\n",
                static_cast<long long>(args.size() - 2), stalls.longestStallMs());
    window.captionTab()->wordBar()->next(); // the second word: usually the subject, e.g. "people"
    save(window, out.filePath(QStringLiteral("caption-tab.png")));
    saveWritePhotosDialog(window, out.filePath(QStringLiteral("write-photos-dialog.png")));
    QStringList pngs;
    for (const QString &image : args.mid(2)) {
        if (image.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) && pngs.size() < 3) pngs << image;
    }
    saveHistoryTab(window, pngs, out.filePath(QStringLiteral("history-tab.png")));

    window.tabs()->setCurrentWidget(window.augmentTab());
    std::vector<RgbImage> images;
    for (const QString &path : args.mid(2)) {
        try {
            images.push_back(ImageLoader().load(path.toStdString()));
        } catch (const Error &error) {
            std::fprintf(stderr, "%s\n", error.what());
        }
    }
    window.augmentTab()->setImages(images);
    waitFor([&] { return !window.augmentTab()->isRendering() && !window.augmentTab()->tiles().empty(); }, 60);
    save(window, out.filePath(QStringLiteral("augment-tab.png")));

    QTemporaryDir runFolder;
    window.tabs()->setCurrentWidget(window.trainTab());
    window.trainTab()->applyPreset(QStringLiteral("synthetic-demo"));
    window.trainTab()->setDataset(QStringLiteral("synthetic"));
    window.trainTab()->setOutputFolder(runFolder.filePath(QStringLiteral("run")));
    stalls.start();
    QElapsedTimer trainingTime;
    trainingTime.start();
    // What the run was doing around the longest stall: its phase changes and epoch records.
    std::vector<std::pair<double, QString>> events;
    const auto note = [&](const QString &what) { events.emplace_back(trainingTime.elapsed() / 1000.0, what); };
    widgets::TrainingController *controller = window.trainTab()->controller();
    QObject::connect(controller, &widgets::TrainingController::phaseChanged, &window, [&](int, const QString &description) { note(description); });
    QObject::connect(controller, &widgets::TrainingController::epoch, &window,
                     [&](const training::EpochRecord &record) { note(QStringLiteral("epoch %1 record").arg(record.epoch)); });
    window.trainTab()->start();
    waitFor([&] { return !controller->isRunning(); }, 240);
    note(QStringLiteral("finished"));
    std::printf("longest event-loop stall during %.0f s of training: %.1f ms, %.1f s after the start\n", trainingTime.elapsed() / 1000.0,
                stalls.longestStallMs(), stalls.longestStallAtSeconds());
    for (const auto &[seconds, what] : events) {
        if (std::abs(seconds - stalls.longestStallAtSeconds()) < 1.0) std::printf("  %.2f s: %s\n", seconds, qPrintable(what));
    }
    save(window, out.filePath(QStringLiteral("train-tab.png")));

    // Every tab on a 1024 x 768 screen.
    window.resize(1024, 768);
    const std::vector<std::pair<QWidget *, QString>> tabs{{window.captionTab(), QStringLiteral("caption")},
                                                          {window.augmentTab(), QStringLiteral("augment")},
                                                          {window.trainTab(), QStringLiteral("train")},
                                                          {window.historyTab(), QStringLiteral("history")}};
    for (const auto &[tab, name] : tabs) {
        window.tabs()->setCurrentWidget(tab);
        save(window, out.filePath(name + QStringLiteral("-tab-1024x768.png")));
        if (window.width() > 1024 || window.height() > 768)
            std::fprintf(stderr, "the %s tab does not fit 1024 x 768: %d x %d\n", qPrintable(name), window.width(), window.height());
    }
    return 0;
}
