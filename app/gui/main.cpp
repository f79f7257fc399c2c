#include "buildfeatures.h"
#include "captiontab.h"
#include "guardedapplication.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "translators.h"

#include <snaption/threading.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace {

// True when a Snaption already running on this display took the images: this one is done.
bool handedToRunningInstance(snaption::gui::SingleInstance &instance, const QStringList &images, const QString &model, const QStringList &switches)
{
    using snaption::gui::SingleInstance;
    QString error;
    switch (instance.handOff(images, model, &error, 5000, switches)) {
    case SingleInstance::HandOff::Delivered: return true;
    case SingleInstance::HandOff::Failed:
        QTextStream(stderr) << QApplication::translate("main", "Snaption is running but did not take the images (%1); opening another window.")
                                   .arg(error)
                            << '\n';
        return false;
    case SingleInstance::HandOff::NoneRunning: break;
    }
    if (!instance.listen(&error))
        QTextStream(stderr) << QApplication::translate("main", "Another launch cannot hand images to this window: %1").arg(error) << '\n';
    return false;
}

// --help and --version only print: they need no display (over ssh, in a build script).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-v" || argument == "--version") return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv) && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    snaption::gui::GuardedApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("snaption"));
    QApplication::setApplicationDisplayName(QStringLiteral("Snaption"));
    QApplication::setOrganizationName(QStringLiteral("Snaption"));
    QApplication::setApplicationVersion(QStringLiteral(SNAPTION_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.snaption.Snaption"));

    // The language follows the system unless one was chosen in Settings.
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    QLocale::setDefault(locale);
    const snaption::Translators translators(locale);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Describes images in words and shows where it looked for each word."));
    parser.addHelpOption();
    // Not addVersionOption(): the version names the optional features this build has.
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QApplication::translate("main", "Displays version information and the optional features built in."));
    parser.addOption(versionOption);
    parser.addOption({QStringLiteral("model"), QApplication::translate("main", "The model file to use."), QApplication::translate("main", "file")});
    const QCommandLineOption newInstanceOption(QStringLiteral("new-instance"),
                                               QApplication::translate("main", "Opens a window of its own even when Snaption is running."));
    parser.addOption(newInstanceOption);
    const QCommandLineOption watchClipboardOption(QStringLiteral("watch-clipboard"),
                                                  QApplication::translate("main", "Captions every image copied in any application (Settings › Watch the Clipboard)."));
    parser.addOption(watchClipboardOption);
    const QCommandLineOption backgroundOption(QStringLiteral("background"),
                                              QApplication::translate("main", "Starts in the system tray without a window (minimised where there is no tray)."));
    parser.addOption(backgroundOption);
    parser.addPositionalArgument(QStringLiteral("images"), QApplication::translate("main", "Images or folders to caption."),
                                 QApplication::translate("main", "[IMAGE|FOLDER...]"));
    parser.process(app);
    if (parser.isSet(versionOption)) {
        QTextStream out(stdout);
        out << QApplication::applicationName() << ' ' << QApplication::applicationVersion() << '\n';
        for (const QString &line : snaption::gui::BuildFeatures::describe()) out << line << '\n';
        return 0;
    }

    // For scripts (README screenshots, the responsiveness measurement): when all images are
    // captioned, optionally save a screenshot of the window, report, and quit. A window of its own.
    const QString screenshot = qEnvironmentVariable("SNAPTION_SCREENSHOT");
    const bool scripted = !screenshot.isEmpty() || qEnvironmentVariableIsSet("SNAPTION_QUIT_WHEN_IDLE");
    const QString model = parser.value(QStringLiteral("model"));
    snaption::gui::SingleInstance instance;
    QStringList switches;
    if (parser.isSet(backgroundOption)) switches << QStringLiteral("background");
    if (parser.isSet(watchClipboardOption)) switches << QStringLiteral("watch-clipboard");
    if (!scripted && !parser.isSet(newInstanceOption) && handedToRunningInstance(instance, parser.positionalArguments(), model, switches)) return 0;

    snaption::configureThreads();
    snaption::gui::MainWindow window;
    QObject::connect(&instance, &snaption::gui::SingleInstance::requested, &window, &snaption::gui::MainWindow::openFromAnotherLaunch);
    QObject::connect(&app, &snaption::gui::GuardedApplication::unexpectedFailure, &window, [&window](const QString &message) {
        QMessageBox::critical(&window, QApplication::translate("main", "Unexpected Error"),
                              QApplication::translate("main", "Something failed unexpectedly: %1\n\nSnaption keeps running.")
                                  .arg(message));
    });
    if (parser.isSet(backgroundOption)) window.startInBackground();
    else window.show();
    // Without --model: the installed model of the caption language last used (at first the
    // interface language's where one exists), else the model last used.
    if (!model.isEmpty()) window.loadModel(model);
    else window.loadModelForCaptionLanguage();
    if (!parser.positionalArguments().isEmpty()) window.openImages(parser.positionalArguments());
    if (parser.isSet(watchClipboardOption)) window.setWatchClipboard(true);

    if (scripted) {
        QObject::connect(window.captionTab(), &snaption::gui::CaptionTab::busyChanged, &window, [&window, screenshot](bool busy) {
            if (busy) return;
            QTimer::singleShot(1500, &window, [&window, screenshot] {
                if (!screenshot.isEmpty()) window.grab().save(screenshot);
                QApplication::quit();
            });
        });
    }
    return QApplication::exec();
}
