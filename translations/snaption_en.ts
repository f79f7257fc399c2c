<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveRun</name>
    <message numerus="yes">
        <location filename="../app/cli/archiverun.cpp" line="39"/>
        <source>removed %n temporary file(s) left by a run that was stopped</source>
        <translation>
            <numerusform>removed %n temporary file left by a run that was stopped</numerusform>
            <numerusform>removed %n temporary files left by a run that was stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/archiverun.cpp" line="42"/>
        <source>Carrying on: %n photo(s) written by an earlier run are skipped.</source>
        <translation>
            <numerusform>Carrying on: %n photo written by an earlier run is skipped.</numerusform>
            <numerusform>Carrying on: %n photos written by an earlier run are skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetadataCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/metadatacommand.cpp" line="146"/>
        <source>%n line(s) of the journal are not records (a run stopped mid-line?) and are ignored</source>
        <translation>
            <numerusform>%n line of the journal is not a record (a run stopped mid-line?) and is ignored</numerusform>
            <numerusform>%n lines of the journal are not records (a run stopped mid-line?) and are ignored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/traincommand.cpp" line="362"/>
        <source>%n unreadable image(s) skipped (listed in history.json).</source>
        <translation>
            <numerusform>%n unreadable image skipped (listed in history.json).</numerusform>
            <numerusform>%n unreadable images skipped (listed in history.json).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message numerus="yes">
        <location filename="../training/src/trainer.cpp" line="331"/>
        <source>vocabulary: %1 tokens (words seen at least %n time(s))</source>
        <translation>
            <numerusform>vocabulary: %1 tokens (words seen at least %n time)</numerusform>
            <numerusform>vocabulary: %1 tokens (words seen at least %n times)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../training/src/trainer.cpp" line="551"/>
        <source>computing encoder features of %1 training images (%n view(s) each)</source>
        <translation>
            <numerusform>computing encoder features of %1 training images (%n view each)</numerusform>
            <numerusform>computing encoder features of %1 training images (%n views each)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../training/src/trainer.cpp" line="597"/>
        <source>unreadable images skipped: %n; training uses %1 of %2 training images</source>
        <translation>
            <numerusform>unreadable images skipped: %n; training uses %1 of %2 training images</numerusform>
            <numerusform>unreadable images skipped: %n; training uses %1 of %2 training images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../training/src/trainer.cpp" line="876"/>
        <source>time budget: training %1 of %n epoch(s) (%2 ms per step)</source>
        <translation>
            <numerusform>time budget: training %1 of %n epoch (%2 ms per step)</numerusform>
            <numerusform>time budget: training %1 of %n epochs (%2 ms per step)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../training/src/trainer.cpp" line="1146"/>
        <source>early stopping: no better %1 for %n epoch(s)</source>
        <translation>
            <numerusform>early stopping: no better %1 for %n epoch</numerusform>
            <numerusform>early stopping: no better %1 for %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../training/src/trainer.cpp" line="1282"/>
        <source>training on %1 images, %n step(s) per epoch</source>
        <translation>
            <numerusform>training on %1 images, %n step per epoch</numerusform>
            <numerusform>training on %1 images, %n steps per epoch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../training/src/runfolder.cpp" line="50"/>
        <source>removed %n temporary file(s) (%1) left by an interrupted run</source>
        <translation>
            <numerusform>removed %n temporary file (%1) left by an interrupted run</numerusform>
            <numerusform>removed %n temporary files (%1) left by an interrupted run</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::gui::CaptionTab</name>
    <message numerus="yes">
        <location filename="../app/gui/captiontab.cpp" line="210"/>
        <source>Captioning %n image(s)</source>
        <translation>
            <numerusform>Captioning %n image</numerusform>
            <numerusform>Captioning %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::gui::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="507"/>
        <location filename="../app/gui/mainwindow.cpp" line="747"/>
        <source>%n image(s) are waiting for a model.</source>
        <translation>
            <numerusform>%n image is waiting for a model.</numerusform>
            <numerusform>%n images are waiting for a model.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="647"/>
        <source>Exported %n caption(s)</source>
        <translation>
            <numerusform>Exported %n caption</numerusform>
            <numerusform>Exported %n captions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="685"/>
        <source>Saved %n overlay(s)</source>
        <translation>
            <numerusform>Saved %n overlay</numerusform>
            <numerusform>Saved %n overlays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="700"/>
        <source>%n image(s) already have a caption file. Overwrite them?</source>
        <translation>
            <numerusform>%n image already has a caption file. Overwrite it?</numerusform>
            <numerusform>%n images already have a caption file. Overwrite them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::gui::PhotoWriteController</name>
    <message numerus="yes">
        <location filename="../app/gui/photowritecontroller.cpp" line="133"/>
        <source>Writing captions to %n photo(s)…</source>
        <translation>
            <numerusform>Writing captions to %n photo…</numerusform>
            <numerusform>Writing captions to %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/photowritecontroller.cpp" line="142"/>
        <source>Wrote the caption into %n photo(s)</source>
        <translation>
            <numerusform>Wrote the caption into %n photo</numerusform>
            <numerusform>Wrote the caption into %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/photowritecontroller.cpp" line="143"/>
        <source>; %n left as they were</source>
        <translation>
            <numerusform>; %n left as they were</numerusform>
            <numerusform>; %n left as they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/photowritecontroller.cpp" line="144"/>
        <source>; %n failed</source>
        <translation>
            <numerusform>; %n failed</numerusform>
            <numerusform>; %n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/photowritecontroller.cpp" line="166"/>
        <source>Put back what %n photo(s) held</source>
        <translation>
            <numerusform>Put back what %n photo held</numerusform>
            <numerusform>Put back what %n photos held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/photowritecontroller.cpp" line="167"/>
        <source>; %n changed since and left as they are</source>
        <translation>
            <numerusform>; %n changed since and left as they are</numerusform>
            <numerusform>; %n changed since and left as they are</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/photowritecontroller.cpp" line="168"/>
        <source>; %n failed (Undo Last Write tries again)</source>
        <translation>
            <numerusform>; %n failed (Undo Last Write tries again)</numerusform>
            <numerusform>; %n failed (Undo Last Write tries again)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::gui::TrainTab</name>
    <message numerus="yes">
        <location filename="../app/gui/traintab.cpp" line="620"/>
        <source>The time budget fits %n of them at the current speed.</source>
        <translation>
            <numerusform>The time budget fits %n of them at the current speed.</numerusform>
            <numerusform>The time budget fits %n of them at the current speed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/traintab.cpp" line="711"/>
        <source>Finished in %1: %n epoch(s); best model BLEU-4 %2, CIDEr-D %3 on %4 validation images</source>
        <translation>
            <numerusform>Finished in %1: %n epoch; best model BLEU-4 %2, CIDEr-D %3 on %4 validation images</numerusform>
            <numerusform>Finished in %1: %n epochs; best model BLEU-4 %2, CIDEr-D %3 on %4 validation images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/traintab.cpp" line="719"/>
        <source>%n unreadable image(s) were skipped; history.json lists them</source>
        <translation>
            <numerusform>%n unreadable image was skipped; history.json lists it</numerusform>
            <numerusform>%n unreadable images were skipped; history.json lists them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::gui::WritePhotosDialog</name>
    <message numerus="yes">
        <location filename="../app/gui/writephotosdialog.cpp" line="135"/>
        <source>Looking at %n photo(s)…</source>
        <translation>
            <numerusform>Looking at %n photo…</numerusform>
            <numerusform>Looking at %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/writephotosdialog.cpp" line="143"/>
        <source>%n photo(s) will get the caption.</source>
        <translation>
            <numerusform>%n photo will get the caption.</numerusform>
            <numerusform>%n photos will get the caption.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/writephotosdialog.cpp" line="144"/>
        <source>In %n of them a person&apos;s description will be replaced.</source>
        <translation>
            <numerusform>In %n of them a person&apos;s description will be replaced.</numerusform>
            <numerusform>In %n of them a person&apos;s description will be replaced.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/writephotosdialog.cpp" line="157"/>
        <source>%n photo(s) hold a description written by a person. Replace it with Snaption&apos;s caption?</source>
        <translation>
            <numerusform>%n photo holds a description written by a person. Replace it with Snaption&apos;s caption?</numerusform>
            <numerusform>%n photos hold a description written by a person. Replace it with Snaption&apos;s caption?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::widgets::CaptionWorker</name>
    <message numerus="yes">
        <location filename="../widgets/src/captionworker.cpp" line="50"/>
        <source>%1, trained on %2 (%3 images, %n epoch(s))</source>
        <translation>
            <numerusform>%1, trained on %2 (%3 images, %n epoch)</numerusform>
            <numerusform>%1, trained on %2 (%3 images, %n epochs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/src/captionworker.cpp" line="66"/>
        <source>%1, %2 + %n decoder layer(s), %3 words%4</source>
        <translation>
            <numerusform>%1, %2 + %n decoder layer, %3 words%4</numerusform>
            <numerusform>%1, %2 + %n decoder layers, %3 words%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/src/captionworker.cpp" line="65"/>
        <source>%1, %2 + %n decoder layer(s), %3 subword pieces%4</source>
        <translation>
            <numerusform>%1, %2 + %n decoder layer, %3 subword pieces%4</numerusform>
            <numerusform>%1, %2 + %n decoder layers, %3 subword pieces%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::widgets::HistoryStore</name>
    <message numerus="yes">
        <location filename="../widgets/src/historystore.cpp" line="100"/>
        <source>%n damaged entry(s) of the saved history were skipped</source>
        <translation>
            <numerusform>%n damaged entry of the saved history was skipped</numerusform>
            <numerusform>%n damaged entries of the saved history were skipped</numerusform>
        </translation>
    </message>
</context>
</TS>
