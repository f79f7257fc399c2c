// The desktop app as a user drives it (offscreen): drop images, read the caption and its
// accessible text, pick words, survive broken files, export, and keep settings.
#include "augmenttab.h"
#include "captionlanguages.h"
#include "captiontab.h"
#include "clipboardwatcher.h"
#include "historytab.h"
#include "mainwindow.h"
#include "outsideimages.h"
#include "photowritecontroller.h"
#include "traintab.h"
#include "translators.h"
#include "writephotosdialog.h"

#include <snaption/captioner.h>
#include <snaption/confidencecalibration.h>
#include <snaption/imageloader.h>
#include <snaption/imagewriter.h>
#include <snaption/modelfactory.h>
#include <snaption/vocabulary.h>
#include <snaption/widgets/announcer.h>
#include <snaption/widgets/decodingcontrols.h>
#include <snaption/widgets/heatmapcontrols.h>
#include <snaption/widgets/heatmapview.h>
#include <snaption/widgets/historymodel.h>
#include <snaption/widgets/modelcatalog.h>
#include <snaption/widgets/startpage.h>
#include <snaption/widgets/wordbar.h>

#include "taggedphotos.h"
#include "testsupport.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabBar>
#include <QDialogButtonBox>
#include <QRadioButton>
#include <QLabel>
#include <QPushButton>
#include <QLineEdit>
#include <QListView>
#include <QSpinBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QClipboard>
#include <QElapsedTimer>
#include <QtTest>

using namespace snaption;
using namespace snaption::gui;
using ImageListModel = snaption::widgets::ImageListModel;

namespace {

void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths) urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}


// The Alt+letter keys active on what the window shows: the menu bar's menus, the tabs, and every
// visible button, check box, group box and buddied label. Each key mapped to the texts using it.
QMap<QString, QStringList> visibleMnemonics(QMainWindow &window)
{
    QMap<QString, QStringList> keys;
    const auto note = [&](const QString &text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty()) keys[key.toString()] << text;
    };
    for (QAction *menu : window.menuBar()->actions()) note(menu->text());
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(&window)) continue;
        if (auto *tabBar = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabBar->count(); ++i) note(tabBar->tabText(i));
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            note(button->text());
        } else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy()) {
            note(label->text());
        } else if (auto *box = qobject_cast<QGroupBox *>(widget); box && box->isCheckable()) {
            note(box->title());
        }
    }
    return keys;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_photo, m_photo2, m_broken;

    bool waitForModel(MainWindow &window)
    {
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.loadModel(m_model);
        return ready.wait(30000);
    }

    // Shows the window, loads the model and captions the images; true when all are done.
    bool captionShown(MainWindow &window, const QStringList &paths)
    {
        window.show();
        if (!waitForModel(window)) return false;
        window.openImages(paths);
        const auto *images = window.captionTab()->images();
        return QTest::qWaitFor([&] { return images->count(ImageListModel::State::Done) == int(paths.size()); }, 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Models the app creates (the demo model, training runs) stay out of the user's data folder.
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
        QSettings::setDefaultFormat(QSettings::NativeFormat);
        QCoreApplication::setOrganizationName(QStringLiteral("SnaptionTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        ModelConfig config;
        config.encoder.name = EncoderConfig::kMobileNetV2;
        config.decoder.layers = 2;
        config.decoder.dim = 32;
        config.decoder.heads = 2;
        config.decoder.feedForward = 64;
        m_model = m_dir.filePath(QStringLiteral("model.safetensors"));
        ModelFactory::Options options;
        options.seed = 5;
        ModelFactory::createRandom(config, Vocabulary::fromCaptions({"a red ball on green grass", "two dogs play in the snow"}), m_model.toStdString(), options);
        RgbImage image(160, 120);
        for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t((i * 13) % 251);
        m_photo = m_dir.filePath(QStringLiteral("photo.png"));
        writeImage(image, m_photo.toStdString());
        for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t((i * 7) % 241);
        m_photo2 = m_dir.filePath(QStringLiteral("photo2.png"));
        writeImage(image, m_photo2.toStdString());
        m_broken = m_dir.filePath(QStringLiteral("broken.jpg"));
        snaption::test::writeBytes(m_broken, "this is not a JPEG");
    }

    // With an English and a German model installed and the German interface, the German model
    // captions a dropped image: in the caption field and its accessible text, which says its
    // language. Choosing English in the language box captions it again in English.
    void captionsComeInTheInterfaceLanguageAndSwitchingLanguageRecaptions()
    {
        const QString folder = widgets::ModelCatalog::modelFolder();
        QVERIFY(QDir().mkpath(folder));
        const std::vector<std::string> english{"A dog runs on the grass.", "Two cats sleep on a red sofa."};
        const std::vector<std::string> german{"Ein Hund rennt über die Wiese.", "Zwei Katzen schlafen auf dem roten Sofa."};
        const QString englishModel = QDir(folder).filePath(QStringLiteral("english.safetensors"));
        const QString germanModel = QDir(folder).filePath(QStringLiteral("deutsch.safetensors"));
        for (const auto &[path, captions, language] : {std::tuple{englishModel, english, "en"}, std::tuple{germanModel, german, "de"}}) {
            ModelConfig config;
            config.encoder.name = EncoderConfig::kMobileNetV2;
            config.decoder.layers = 1;
            config.decoder.dim = 32;
            config.decoder.heads = 2;
            config.decoder.feedForward = 64;
            ModelFactory::Options options;
            const Vocabulary vocabulary = Vocabulary::fromCaptions(captions);
            options.style = CaptionStyle::learn(language, captions, vocabulary);
            // Random weights: the first seed whose model says at least two words about the photo.
            for (options.seed = 1; options.seed < 50; ++options.seed) {
                ModelFactory::createRandom(config, vocabulary, path.toStdString(), options);
                if (Captioner(path.toStdString()).caption(ImageLoader().load(m_photo.toStdString()), DecodingOptions()).words.size() >= 2) break;
            }
        }
        QSettings().remove(QStringLiteral("caption/language"));
        const QLocale previous;
        QLocale::setDefault(QLocale(QStringLiteral("de")));
        const Translators translators{QLocale(QStringLiteral("de"))};
        const auto restore = qScopeGuard([&] {
            QLocale::setDefault(previous);
            QFile::remove(englishModel);
            QFile::remove(germanModel);
            QSettings().remove(QStringLiteral("caption/language"));
        });

        MainWindow window;
        window.show();
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.loadModelForCaptionLanguage();
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.last().first().toString(), QFileInfo(germanModel).canonicalFilePath());
        QComboBox *box = window.captionTab()->captionLanguageBox();
        QTRY_COMPARE(box->currentData().toString(), QStringLiteral("de"));
        QVERIFY(box->isVisibleTo(&window) && box->isEnabled());
        QVERIFY(box->findData(QStringLiteral("en")) >= 0);
        QCOMPARE(box->currentText(), QStringLiteral("Deutsch"));

        CaptionTab *tab = window.captionTab();
        dropFiles(&window, {m_photo});
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done), 1, 30000);
        const CaptionResult german1 = tab->images()->at(0).outcome.result;
        QCOMPARE(german1.language, std::string("de"));
        const QString caption = tab->captionField()->text();
        QCOMPARE(caption, QString::fromStdString(german1.caption));
        QVERIFY2(caption.endsWith(QLatin1Char('.')) && caption.at(0).isUpper(), qPrintable(caption));
        const QStringList germanWords{QStringLiteral("Hund"), QStringLiteral("Wiese"), QStringLiteral("Katzen"), QStringLiteral("Sofa"),
                                      QStringLiteral("rennt"), QStringLiteral("über"), QStringLiteral("die"), QStringLiteral("ein"),
                                      QStringLiteral("zwei"), QStringLiteral("schlafen"), QStringLiteral("auf"), QStringLiteral("dem"),
                                      QStringLiteral("roten")};
        for (const QString &word : caption.chopped(1).split(QLatin1Char(' ')))
            QVERIFY2(germanWords.contains(word, Qt::CaseInsensitive), qPrintable(caption));
        for (const std::string &word : german1.words) {
            const QString w = QString::fromStdString(word);
            if (w.compare(QStringLiteral("hund"), Qt::CaseInsensitive) == 0) QCOMPARE(w, QStringLiteral("Hund")); // a noun, anywhere
        }
        QAccessibleInterface *field = QAccessible::queryAccessibleInterface(tab->captionField());
        QVERIFY(field && field->textInterface());
        QCOMPARE(field->textInterface()->text(0, field->textInterface()->characterCount()), caption);
        int start = 0, end = 0;
        QCOMPARE(field->textInterface()->attributes(0, &start, &end), QStringLiteral("language:de;"));

        // English, chosen from the keyboard: the model changes and the image is captioned again.
        box->setFocus();
        QTest::keyClick(box, box->findData(QStringLiteral("en")) < box->currentIndex() ? Qt::Key_Up : Qt::Key_Down);
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.last().first().toString(), QFileInfo(englishModel).canonicalFilePath());
        QTRY_VERIFY_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done) == 1 && tab->images()->at(0).outcome.result.language == "en", 30000);
        const QString englishCaption = tab->captionField()->text();
        QCOMPARE(englishCaption, QString::fromStdString(tab->images()->at(0).outcome.result.caption));
        const QStringList englishWords{QStringLiteral("a"), QStringLiteral("dog"), QStringLiteral("runs"), QStringLiteral("on"), QStringLiteral("the"),
                                       QStringLiteral("grass"), QStringLiteral("two"), QStringLiteral("cats"), QStringLiteral("sleep"),
                                       QStringLiteral("red"), QStringLiteral("sofa")};
        for (const QString &word : englishCaption.chopped(1).split(QLatin1Char(' ')))
            QVERIFY2(englishWords.contains(word, Qt::CaseInsensitive), qPrintable(englishCaption));
        QCOMPARE(field->textInterface()->attributes(0, &start, &end), QStringLiteral("language:en;"));
        QCOMPARE(QSettings().value(QStringLiteral("caption/language")).toString(), QStringLiteral("en"));
    }

    // Two controls on one Alt+letter make Qt cycle between them: Alt+T went to a heatmap check
    // box instead of the Train tab, Alt+P to Speak instead of the caption.
    void everyPageHasUniqueMnemonics_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("German") << QStringLiteral("de");
    }

    void everyPageHasUniqueMnemonics()
    {
        QFETCH(QString, language);
        const Translators translators{QLocale(language)};
        MainWindow window;
        window.show();
        QVERIFY(waitForModel(window));
        auto *decoding = window.captionTab()->decodingControls();
        QStringList clashes;
        for (const DecodingOptions::Strategy strategy : {DecodingOptions::Strategy::Beam, DecodingOptions::Strategy::Sample}) {
            DecodingOptions options = decoding->options();
            options.strategy = strategy;
            decoding->setOptions(options);
            for (int tab = 0; tab < window.tabs()->count(); ++tab) {
                window.tabs()->setCurrentIndex(tab);
                QCoreApplication::processEvents();
                const QMap<QString, QStringList> keys = visibleMnemonics(window);
                for (auto it = keys.begin(); it != keys.end(); ++it) {
                    if (it.value().size() > 1)
                        clashes << QStringLiteral("%1 on %2: %3").arg(it.key(), window.tabs()->tabText(tab), it.value().join(QStringLiteral(" | ")));
                }
            }
        }
        clashes.removeDuplicates();
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

    // What a screen reader says when a caption is ready, once: an announcement (Orca speaks it
    // wherever the focus is), and nothing more from the caption field.
    void aCaptionIsAnnouncedOnceAndAnotherImageOpenedIsShownAndAnnounced()
    {
        MainWindow window;
        window.show();
        QVERIFY(waitForModel(window));
        widgets::Announcer *announcer = widgets::Announcer::of(&window);
        QVERIFY(announcer);
        QSignalSpy said(announcer, &widgets::Announcer::announced);
        CaptionTab *tab = window.captionTab();
        window.openImages({m_photo});
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done), 1, 30000);
        const QString caption = tab->images()->at(0).captionText();
        QTRY_VERIFY(!said.isEmpty() && said.last().first().toString() == caption);
        QCOMPARE(said.first().first().toString(), QStringLiteral("Captioning photo.png"));
        QCOMPARE(said.count(), 2);
        QVERIFY(tab->captionField()->accessibleDescription().isEmpty()); // was set to the caption as well

        // The second image is selected and shown, and its caption is what is said next.
        said.clear();
        window.openImages({m_photo2});
        QCOMPARE(tab->currentEntry()->name, QStringLiteral("photo2.png"));
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done), 2, 30000);
        const QString caption2 = tab->currentEntry()->captionText();
        QTRY_COMPARE(tab->captionField()->text(), caption2);
        QTRY_COMPARE(said.count(), 2);
        QCOMPARE(said.at(0).first().toString(), QStringLiteral("Captioning photo2.png"));
        QCOMPARE(said.at(1).first().toString(), caption2);

        // Selecting an image again says nothing more: the list item itself names its caption.
        said.clear();
        tab->selectId(tab->images()->at(0).id);
        QCOMPARE(tab->captionField()->text(), caption);
        QTest::qWait(200);
        QCOMPARE(said.count(), 0);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(tab->findChild<QListView *>());
        QCOMPARE(list->tableInterface()->cellAt(0, 0)->text(QAccessible::Name), QStringLiteral("photo.png: %1").arg(caption));
    }

    // A model whose calibration marks every caption unsure (all scores are below 0): the
    // announcement, the list item and speech say "Possibly: ...", a mark shows beside the
    // caption; Settings turns the words off (remembered), and a corrected caption is never unsure.
    void unsureCaptionsAreSaidAsPossiblyUnlessTurnedOff()
    {
        const QString unsureModel = m_dir.filePath(QStringLiteral("unsure.safetensors"));
        QFile::remove(unsureModel);
        QVERIFY(QFile::copy(m_model, unsureModel));
        ConfidenceCalibration calibration;
        calibration.unsureBelow = 0.0;
        calibration.storeIn(unsureModel.toStdString());
        QSettings().remove(QStringLiteral("speech/markUnsure"));

        MainWindow window;
        window.show();
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.loadModel(unsureModel);
        QVERIFY(ready.wait(30000));
        widgets::Announcer *announcer = widgets::Announcer::of(&window);
        QSignalSpy said(announcer, &widgets::Announcer::announced);
        CaptionTab *tab = window.captionTab();
        window.openImages({m_photo});
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done), 1, 30000);
        const ImageListModel::Entry &entry = tab->images()->at(0);
        QCOMPARE(entry.outcome.result.confidence, CaptionConfidence::Unsure);
        const QString caption = entry.captionText();
        QVERIFY(!caption.startsWith(QLatin1String("Possibly")));
        QTRY_COMPARE(said.last().first().toString(), QStringLiteral("Possibly: %1").arg(caption));
        QCOMPARE(tab->captionField()->text(), caption); // the field and the clipboard keep the caption
        auto *mark = tab->findChild<QLabel *>(QStringLiteral("unsureMark"));
        QVERIFY(mark && mark->isVisible());
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(tab->findChild<QListView *>());
        QCOMPARE(list->tableInterface()->cellAt(0, 0)->text(QAccessible::Name), QStringLiteral("photo.png: Possibly: %1").arg(caption));

        auto *markUnsure = window.findChild<QAction *>(QStringLiteral("markUnsure"));
        QVERIFY(markUnsure && markUnsure->isChecked());
        markUnsure->setChecked(false);
        QCOMPARE(QSettings().value(QStringLiteral("speech/markUnsure")).toBool(), false);
        QCOMPARE(tab->images()->spokenCaption(tab->images()->at(0)), caption);
        QCOMPARE(list->tableInterface()->cellAt(0, 0)->text(QAccessible::Name), QStringLiteral("photo.png: %1").arg(caption));
        QVERIFY(mark->isVisible()); // the mark is for reading, not speech
        markUnsure->setChecked(true);

        // The person's correction is theirs: said as written, no mark.
        tab->images()->setEditedCaption(entry.id, QStringLiteral("a cat on a mat"));
        QCOMPARE(tab->images()->spokenCaption(tab->images()->at(0)), QStringLiteral("a cat on a mat"));
        QTRY_VERIFY(!mark->isVisible());
        markUnsure->setChecked(false);
        window.close();
        MainWindow again; // the choice is remembered
        QVERIFY(!again.findChild<QAction *>(QStringLiteral("markUnsure"))->isChecked());
        QVERIFY(!again.captionTab()->images()->marksUnsure());
        QSettings().remove(QStringLiteral("speech/markUnsure"));
    }

    // A model that fails to load without one in use: the focus goes to "Open a model file…",
    // whose description is the error, so that the error is said once, where it can be acted on.
    void aBadModelPutsItsErrorOnTheButtonThatOpensAnother()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QSignalSpy failed(&window, &MainWindow::modelLoadFailed);
        window.loadModel(m_broken);
        QVERIFY(failed.wait(10000));
        QPushButton *open = window.startPage()->openModelButton();
        QTRY_VERIFY(open->hasFocus());
        QVERIFY2(open->accessibleDescription().startsWith(QLatin1String("Could not load broken.jpg: ")), qPrintable(open->accessibleDescription()));
        QCOMPARE(window.modelLabel()->accessibleName(), QStringLiteral("No model loaded"));
    }

    // Labels say what they show: the model in use, the training status. A fixed accessible name
    // ("Model in use") hid the text from screen readers.
    void labelsExposeTheirWholeText()
    {
        MainWindow window;
        window.resize(500, 400); // the model label is shortened
        window.show();
        QVERIFY(waitForModel(window));
        QLabel *model = window.modelLabel();
        QVERIFY(model->accessibleName().startsWith(QLatin1String("Model: model.safetensors")));
        QVERIFY(!model->accessibleName().contains(QStringLiteral("…")));
        QCOMPARE(model->accessibleDescription(), QStringLiteral("Model in use"));
        auto *status = window.trainTab()->findChild<QLabel *>(QStringLiteral("trainingStatus"));
        QVERIFY(status);
        QVERIFY(status->accessibleName().isEmpty()); // so the name is the text
        QCOMPARE(status->accessibleDescription(), QStringLiteral("Training status"));
        auto *decoding = window.captionTab()->decodingControls();
        for (QSpinBox *box : decoding->findChildren<QSpinBox *>())
            QVERIFY2(!box->accessibleDescription().isEmpty(), qPrintable(box->accessibleName()));
    }

    // Reached with Tab or Alt+P the caption is not selected (Orca read it twice, once as
    // "… selected"), and its text is one attribute run (Orca built the line one letter short).
    void theCaptionFieldIsReadWhole()
    {
        MainWindow window;
        QVERIFY(captionShown(window, {m_photo}));
        QLineEdit *field = window.captionTab()->captionField();
        window.activateWindow();
        field->setFocus(Qt::ShortcutFocusReason);
        QTRY_VERIFY(field->hasFocus());
        QVERIFY(!field->hasSelectedText());
        QCOMPARE(field->cursorPosition(), 0);
        QAccessibleTextInterface *text = QAccessible::queryAccessibleInterface(field)->textInterface();
        QVERIFY(text);
        int start = -1, end = -1;
        text->attributes(3, &start, &end);
        QCOMPARE(start, 0);
        QCOMPARE(end, int(field->text().size()));
        QCOMPARE(text->text(0, text->characterCount()), field->text());
        QCOMPARE(QAccessible::queryAccessibleInterface(field)->text(QAccessible::Value), field->text());
    }

    // Alt+Right (next word) from anywhere, and the focus stays out of the menu bar: Qt's menu
    // bar took Alt's release after a shortcut for "Alt alone" and focused the File menu (Orca
    // said "File", and the next Alt+P went to the menu bar).
    void altShortcutsLeaveTheMenuBarAlone()
    {
        MainWindow window;
        QVERIFY(captionShown(window, {m_photo}));
        window.activateWindow();
        QLineEdit *field = window.captionTab()->captionField();
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        auto *words = window.captionTab()->wordBar();
        const int before = words->current();
        QTest::keyPress(field, Qt::Key_Alt, Qt::AltModifier);
        QTest::keyClick(field, Qt::Key_Right, Qt::AltModifier);
        // With a screen reader, Qt delivers the Alt press again once the accessibility bus has
        // seen it: after the shortcut, before the release.
        QTest::keyPress(field, Qt::Key_Alt, Qt::AltModifier);
        QTest::keyRelease(field, Qt::Key_Alt, Qt::NoModifier);
        QCOMPARE(words->current(), std::min(before + 1, words->count() - 1));
        QTest::qWait(100);
        QVERIFY2(qobject_cast<QMenuBar *>(QApplication::focusWidget()) == nullptr, "the menu bar took the focus");
        QVERIFY(field->hasFocus());
    }

    void startsOnTheStartPageWithoutAModel()
    {
        MainWindow window;
        QVERIFY(!window.hasModel());
        QSignalSpy failed(&window, &MainWindow::modelLoadFailed);
        window.loadModel(m_dir.filePath(QStringLiteral("missing.safetensors")));
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(QLatin1String("missing.safetensors")));
        QVERIFY(!window.hasModel());
    }

    void droppedImageGetsACaptionAndAccessibleText()
    {
        MainWindow window;
        window.show();
        QVERIFY(waitForModel(window));
        dropFiles(&window, {m_photo});
        CaptionTab *tab = window.captionTab();
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done), 1, 30000);
        const QString caption = QString::fromStdString(tab->images()->at(0).outcome.result.caption);
        QVERIFY(!caption.isEmpty());
        QTRY_COMPARE(tab->captionField()->text(), caption);
        // What a screen reader gets from the caption field.
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(tab->captionField());
        QVERIFY(accessible);
        QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Caption"));
        QCOMPARE(accessible->text(QAccessible::Value), caption);
        // Editable once captioned: a person may correct it before it is copied or written.
        QVERIFY(!accessible->state().readOnly);
        QVERIFY(accessible->state().focusable);
    }

    // Watch the Clipboard: an image copied elsewhere is captioned and lands in the History tab
    // (the desktop notification is tested with a real X clipboard and D-Bus, run_clipboard_test.sh);
    // text and the same image again do not; off, nothing is watched; the setting is remembered.
    void copiedImagesAreCaptionedIntoTheHistoryWhileWatching()
    {
        QSettings().remove(QStringLiteral("background/watchClipboard"));
        QImage first(m_photo), second(m_photo2);
        {
            MainWindow window;
            window.history()->clear(); // and its file
            window.show();
            QVERIFY(waitForModel(window));
            QVERIFY(!window.clipboardWatcher()->isWatching());
            QGuiApplication::clipboard()->setImage(first);
            QTest::qWait(300);
            QCOMPARE(window.captionTab()->images()->rowCount(), 0); // not watching yet

            window.setWatchClipboard(true);
            QGuiApplication::clipboard()->setImage(second);
            QTRY_COMPARE_WITH_TIMEOUT(window.history()->rowCount(), 1, 30000);
            const QString caption = window.captionTab()->images()->at(0).captionText();
            QVERIFY(!caption.isEmpty());
            QCOMPARE(window.history()->at(0).caption, caption);
            QCOMPARE(window.history()->at(0).source, QStringLiteral("Clipboard"));
            QCOMPARE(window.history()->at(0).thumbnail.size(), QSize(96, 72));
            QGuiApplication::clipboard()->setText(QStringLiteral("only words"));
            QGuiApplication::clipboard()->setImage(second); // the same image again
            QTest::qWait(500);
            QCOMPARE(window.captionTab()->images()->rowCount(), 1);

            // The History tab copies the selected entry's caption.
            QGuiApplication::clipboard()->clear();
            window.historyTab()->copySelected();
            QCOMPARE(QGuiApplication::clipboard()->text(), caption);
        }
        MainWindow again;
        QVERIFY(again.clipboardWatcher()->isWatching()); // remembered
        QCOMPARE(again.history()->rowCount(), 1); // and so is the history
        QCOMPARE(again.history()->at(0).source, QStringLiteral("Clipboard"));
        again.setWatchClipboard(false);
        QVERIFY(!QSettings().value(QStringLiteral("background/watchClipboard")).toBool());
    }

    void screenshotsAreCaptionedIntoTheHistoryAndClearingForgetsPendingOnes()
    {
        MainWindow window;
        window.history()->clear();
        window.show();
        window.activateWindow(); // in front: results are not sent out as notifications
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(waitForModel(window));
        // The capture actions are in the Edit menu; the global one is shown where it works
        // (offscreen there are no global keys: the clipboard item keeps Ctrl+Shift+C alone).
        QStringList editItems;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() == QLatin1String("&Edit"))
                for (QAction *item : menu->menu()->actions()) editItems << item->text();
        }
        for (const char *wanted : {"Caption Active &Window", "Caption the &Screen", "Caption Screen &Region…"})
            QVERIFY2(editItems.contains(QString::fromUtf8(wanted)), qPrintable(editItems.join(QLatin1Char('|'))));
        window.captionScreenshot(snaption::gui::ScreenCapture::Target::Screen);
        QTRY_COMPARE_WITH_TIMEOUT(window.history()->rowCount(), 1, 30000);
        QCOMPARE(window.history()->at(0).source, QStringLiteral("Screen"));
        QCOMPARE(window.history()->at(0).caption, window.captionTab()->images()->at(0).captionText());
        QCOMPARE(window.outsideImages()->pendingCount(), 0);
        // Cleared before its caption came: forgotten, nothing goes into the history later.
        window.captionScreenshot(snaption::gui::ScreenCapture::Target::Screen);
        // Watched after every event, not every 50 ms: the caption may come within tens of ms.
        QElapsedTimer waited;
        waited.start();
        while (window.outsideImages()->pendingCount() == 0 && waited.elapsed() < 30000) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCOMPARE(window.outsideImages()->pendingCount(), 1);
        window.captionTab()->clear();
        QCOMPARE(window.outsideImages()->pendingCount(), 0);
        QTest::qWait(1000);
        QCOMPARE(window.history()->rowCount(), 1);

        // Offscreen no window manager says which window is active: said, nothing added.
        window.captionScreenshot(snaption::gui::ScreenCapture::Target::ActiveWindow);
        QTRY_VERIFY(window.statusBar()->currentMessage().startsWith(QLatin1String("No screenshot of the active window")));
        QCOMPARE(window.captionTab()->images()->rowCount(), 0);
    }

    void writeToPhotosWritesTheCorrectedCaptionAndUndoPutsBackWhatWasThere()
    {
        if (!test::haveExiftool()) {
            if (test::underCi()) QFAIL("exiftool is missing (Debian libimage-exiftool-perl)");
            QSKIP("exiftool is missing");
        }
        const QString folder = m_dir.filePath(QStringLiteral("to-write"));
        QDir().mkpath(folder);
        const QString plain = folder + QStringLiteral("/plain.jpg"), described = folder + QStringLiteral("/described.jpg");
        RgbImage image(160, 120);
        for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t((i * 11) % 239);
        writeImage(image, plain.toStdString());
        writeImage(image, described.toStdString());
        test::exiftool({QStringLiteral("-q"), QStringLiteral("-overwrite_original"), QStringLiteral("-XMP-dc:Description=Rex at the lake"), described});
        const QStringList originalPlain = test::exiftoolListing(plain), originalDescribed = test::exiftoolListing(described);

        MainWindow window;
        QVERIFY(captionShown(window, {plain, described}));
        CaptionTab *tab = window.captionTab();
        const ImageListModel *images = tab->images();
        const int plainId = images->at(0).id, describedId = images->at(1).id;
        tab->selectId(describedId);
        QTRY_VERIFY(tab->existingDescriptionLabel()->isVisible());
        QVERIFY(tab->existingDescriptionLabel()->text().contains(QLatin1String("Rex at the lake")));
        QVERIFY(tab->existingDescriptionLabel()->text().contains(QLatin1String("person")));

        // The person corrects the first caption in the caption field.
        tab->selectId(plainId);
        QLineEdit *field = tab->captionField();
        QVERIFY(!field->isReadOnly());
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("a corrected caption"));
        QCOMPARE(images->entry(plainId)->captionText(), QStringLiteral("a corrected caption"));
        QVERIFY(images->entry(plainId)->isEdited());

        PhotoWriteController *writer = window.photoWriter();
        QSignalSpy written(writer, &PhotoWriteController::writeFinished);
        writer->writeToPhotos();
        auto *dialog = window.findChild<WritePhotosDialog *>();
        QVERIFY(dialog);
        QPushButton *write = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTRY_VERIFY_WITH_TIMEOUT(write->isEnabled(), 20000); // the preview came back
        QString summary;
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            if (label->accessibleName() == QLatin1String("What will change")) summary = label->text();
        // Before anything changes: both get the caption (the described one its alt text), nobody's words are replaced.
        QVERIFY2(summary.startsWith(QLatin1String("2 photo")) && summary.contains(QLatin1String("will get the caption")), qPrintable(summary));
        QVERIFY2(!summary.contains(QLatin1String("replaced")), qPrintable(summary));
        write->click();
        QVERIFY(written.wait(30000));
        const auto summaryOfWrite = written.first().first().value<WriteSummary>();
        QCOMPARE(summaryOfWrite.written, 2);

        QCOMPARE(test::exiftoolTag(plain, QStringLiteral("XMP-dc:Description")), QStringLiteral("a corrected caption"));
        QCOMPARE(test::exiftoolTag(plain, QStringLiteral("XMP-snaption:Edited")), QStringLiteral("True"));
        QCOMPARE(test::exiftoolTag(described, QStringLiteral("XMP-dc:Description")), QStringLiteral("Rex at the lake"));
        QCOMPARE(test::exiftoolTag(described, QStringLiteral("XMP-iptcCore:AltTextAccessibility")), images->entry(describedId)->captionText());
        QVERIFY(images->entry(plainId)->photoState == ImageListModel::PhotoState::Written);
        QVERIFY(images->data(images->index(0), Qt::DisplayRole).toString().contains(QLatin1String("written to the photo")));
        QVERIFY(writer->canUndo());

        QSignalSpy undone(writer, &PhotoWriteController::undoFinished);
        writer->undoLastWrite();
        QVERIFY(undone.wait(30000));
        QCOMPARE(undone.first().first().value<RestoreSummary>().restored, 2);
        QCOMPARE(test::exiftoolListing(plain), originalPlain);
        QCOMPARE(test::exiftoolListing(described), originalDescribed);
        QVERIFY(!writer->canUndo());
        QVERIFY(images->entry(plainId)->photoState == ImageListModel::PhotoState::NotWritten);
    }

    void selectingAnotherWordChangesTheOverlay()
    {
        MainWindow window;
        QVERIFY(captionShown(window, {m_photo}));
        CaptionTab *tab = window.captionTab();
        QTRY_VERIFY(tab->wordBar()->count() >= 2);
        tab->wordBar()->select(0);
        const std::vector<std::uint8_t> first = tab->view()->overlay().pixels;
        tab->wordBar()->select(1);
        QCOMPARE(tab->view()->word(), 1);
        QVERIFY(tab->view()->overlay().pixels != first);
        // Keyboard: Right moves to the next word.
        tab->wordBar()->setFocus();
        QTest::keyClick(tab->wordBar(), Qt::Key_Left);
        QCOMPARE(tab->wordBar()->current(), 0);
    }

    void selectingAnImageRendersOnce()
    {
        MainWindow window;
        QVERIFY(captionShown(window, {m_photo, m_photo2}));
        CaptionTab *tab = window.captionTab();
        tab->selectId(tab->images()->at(1).id);
        QTRY_VERIFY(tab->images()->at(1).complete()); // its display image is read once it is shown
        QSignalSpy renders(tab->view(), &widgets::HeatmapView::overlayChanged);
        tab->selectId(tab->images()->at(0).id);
        QTRY_COMPARE(renders.count(), 1); // image, attention and first word together, composed off the GUI thread
        QTest::qWait(100);
        QCOMPARE(renders.count(), 1);
        QCOMPARE(tab->view()->word(), 0);
        QCOMPARE(tab->view()->image(), tab->images()->at(0).outcome.display); // shared, not copied
    }

    // Of a dropped folder only the image shown gets its display image with its caption (reading a
    // camera photo at display size costs more than captioning it); another one is read when it is
    // selected, and the list keeps at most kDisplayedImages of them.
    void displayImagesAreReadWhenSelectedAndLetGo()
    {
        QStringList paths;
        for (std::size_t i = 0; i < ImageListModel::kDisplayedImages + 3; ++i) paths << (i % 2 ? m_photo2 : m_photo);
        MainWindow window;
        QVERIFY(captionShown(window, paths));
        CaptionTab *tab = window.captionTab();
        QTRY_COMPARE(tab->images()->count(ImageListModel::State::Done), int(paths.size()));
        QVERIFY(tab->images()->at(0).complete()); // shown
        for (int row = 1; row < int(paths.size()); ++row) {
            const ImageListModel::Entry &unseen = tab->images()->at(row);
            QVERIFY(!unseen.outcome.display && unseen.outcome.result.attention.empty());
            QVERIFY(!unseen.icon.isNull());
            QVERIFY(!unseen.outcome.result.caption.empty());
        }
        for (int row = 1; row < int(paths.size()); ++row) {
            const std::string caption = tab->images()->at(row).outcome.result.caption;
            tab->selectId(tab->images()->at(row).id);
            QVERIFY(!tab->view()->image()); // being captioned again, off the GUI thread
            QTRY_VERIFY(tab->view()->image() != nullptr);
            QCOMPARE(tab->view()->image()->width, 160);
            QVERIFY(tab->images()->at(row).complete());
            QCOMPARE(tab->images()->at(row).outcome.result.caption, caption); // its own options: the same caption
            QCOMPARE(tab->images()->at(row).state, ImageListModel::State::Done);
        }
        std::size_t kept = 0;
        for (const auto &entry : tab->images()->entries()) kept += entry.complete();
        QCOMPARE(kept, ImageListModel::kDisplayedImages);
        const ImageListModel::Entry &oldest = tab->images()->at(0);
        QVERIFY(!oldest.outcome.display && oldest.outcome.result.attention.empty()); // let go
        QVERIFY(!oldest.icon.isNull());                                               // its thumbnail stays
    }

    void sidecarsLeaveExifAndIptcOutInsteadOfBlockingTheDialog()
    {
        MainWindow window;
        QVERIFY(captionShown(window, {m_photo}));
        window.photoWriter()->writeToPhotos();
        auto *dialog = window.findChild<WritePhotosDialog *>();
        QVERIFY(dialog);
        QCheckBox *exif = nullptr;
        for (QCheckBox *box : dialog->findChildren<QCheckBox *>())
            if (box->text().remove(QLatin1Char('&')).contains(QLatin1String("Exif"))) exif = box;
        QRadioButton *sidecar = nullptr;
        for (QRadioButton *button : dialog->findChildren<QRadioButton *>())
            if (button->text().remove(QLatin1Char('&')).contains(QLatin1String("sidecar"))) sidecar = button;
        QVERIFY(exif && sidecar);
        exif->setChecked(true);
        sidecar->setChecked(true);
        QVERIFY(!exif->isEnabled());
        QVERIFY(!dialog->options().fields.contains(metadata::CaptionField::Exif));
        QVERIFY(dialog->options().sidecar);
        QPushButton *write = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTRY_VERIFY_WITH_TIMEOUT(write->isEnabled(), 20000);
        dialog->reject();
    }

    void escapeCancelsOnlyWhileCaptioning()
    {
        MainWindow window;
        window.show();
        QVERIFY(waitForModel(window));
        QSignalSpy status(window.captionTab(), &CaptionTab::statusMessage);
        window.captionTab()->cancelAll(); // nothing runs: nothing to report
        QCOMPARE(status.count(), 0);
        QAction *cancel = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->shortcut() == QKeySequence(Qt::Key_Escape)) cancel = action;
        QVERIFY(cancel);
        QVERIFY(!cancel->isEnabled());
    }

    void longCaptionWrapsInsteadOfWideningTheWindow()
    {
        widgets::WordBar bar;
        std::vector<std::string> words;
        for (int i = 0; i < 19; ++i) words.push_back("photographer" + std::to_string(i));
        bar.setWords(words, std::vector<float>(words.size(), 0.5f));
        QVERIFY(bar.minimumSizeHint().width() < 200);
        bar.resize(400, bar.heightForWidth(400));
        bar.show();
        QVERIFY(bar.heightForWidth(400) > 3 * bar.heightForWidth(4000)); // several rows
        for (QWidget *button : bar.findChildren<QWidget *>()) QVERIFY(button->geometry().right() <= 400);
    }

    void everyTabFitsA1024x768Screen()
    {
        MainWindow window;
        QVERIFY(captionShown(window, {m_photo}));
        CaptionTab *tab = window.captionTab();
        // A 19-word caption and a long status text must not widen the window.
        std::vector<std::string> words;
        for (int i = 0; i < 19; ++i) words.push_back("photographers" + std::to_string(i));
        tab->wordBar()->setWords(words, std::vector<float>(words.size(), 0.5f));
        Q_EMIT window.trainTab()->statusMessage(QString(400, QLatin1Char('x')));
        for (QWidget *page : {static_cast<QWidget *>(window.captionTab()), static_cast<QWidget *>(window.augmentTab()),
                              static_cast<QWidget *>(window.trainTab())}) {
            window.tabs()->setCurrentWidget(page);
            window.resize(1024, 768);
            QApplication::processEvents();
            const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
            QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 768,
                     qPrintable(QStringLiteral("%1 needs %2 x %3").arg(page->metaObject()->className()).arg(minimum.width()).arg(minimum.height())));
            QCOMPARE(window.size(), QSize(1024, 768));
        }
    }

    void brokenFileShowsAnErrorAndTheBatchGoesOn()
    {
        MainWindow window;
        QVERIFY(waitForModel(window));
        window.openImages({m_photo, m_broken, m_photo2});
        CaptionTab *tab = window.captionTab();
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done) + tab->images()->count(ImageListModel::State::Failed), 3, 60000);
        QCOMPARE(tab->images()->at(0).state, ImageListModel::State::Done);
        QCOMPARE(tab->images()->at(1).state, ImageListModel::State::Failed);
        QVERIFY(tab->images()->at(1).outcome.error.contains(QLatin1String("broken.jpg")));
        QCOMPARE(tab->images()->at(2).state, ImageListModel::State::Done);
        tab->selectId(tab->images()->at(1).id);
        QVERIFY(tab->captionField()->text().startsWith(QLatin1String("Could not caption")));
    }

    void decodingChangesRecaption()
    {
        MainWindow window;
        QVERIFY(waitForModel(window));
        window.openImages({m_photo});
        CaptionTab *tab = window.captionTab();
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done), 1, 30000);
        DecodingOptions options = DecodingOptions::sample(0, 3.0f, 77);
        tab->decodingControls()->setOptions(options);
        tab->recaptionAll();
        QTRY_COMPARE_WITH_TIMEOUT(tab->images()->count(ImageListModel::State::Done), 1, 30000);
        QVERIFY(tab->images()->at(0).outcome.ok);
    }

    void settingsPersist()
    {
        {
            MainWindow window;
            widgets::HeatmapSettings settings = window.captionTab()->heatmapControls()->settings();
            settings.style.opacity = 0.8f;
            settings.style.colormap = Colormap::Inferno;
            window.captionTab()->heatmapControls()->setSettings(settings);
            DecodingOptions decoding = DecodingOptions::beam(5);
            decoding.lengthPenalty = 0.8;
            window.captionTab()->decodingControls()->setOptions(decoding);
            window.show();
            window.close();
        }
        MainWindow again;
        const widgets::HeatmapSettings restored = again.captionTab()->heatmapControls()->settings();
        QCOMPARE(restored.style.colormap, Colormap::Inferno);
        QVERIFY(std::abs(restored.style.opacity - 0.8f) < 0.01f);
        QCOMPARE(again.captionTab()->decodingControls()->options().beamWidth, 5);
        QCOMPARE(again.captionTab()->decodingControls()->options().lengthPenalty, 0.8);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
