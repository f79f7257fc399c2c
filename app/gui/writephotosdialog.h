#pragma once

#include "photometadatatask.h"

#include <snaption/metadata/metadatawriter.h>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace snaption::gui {

// Write to Photos…: which fields, into the photos or XMP sidecars, what to do with descriptions
// they already hold, and — before anything changes — what will happen (a preview the caller
// computes off the GUI thread and hands to showPreview). Remembers its choices.
class WritePhotosDialog : public QDialog {
    Q_OBJECT

public:
    WritePhotosDialog(int photos, QWidget *parent = nullptr);

    metadata::WriteOptions options() const;
    // The preview for the options as they are now (stale ones are ignored by the caller).
    void showPreview(const WritePreview &preview);
    void accept() override; // remembers the choices; asks before replacing a person's words

Q_SIGNALS:
    // The options changed: the caller computes a new preview.
    void previewWanted(const metadata::WriteOptions &options);

private:
    void optionsChanged();
    void readSettings();

    QCheckBox *m_fields[5];
    QRadioButton *m_inFile;
    QRadioButton *m_sidecar;
    QComboBox *m_sidecarName;
    QRadioButton *m_keep;
    QRadioButton *m_replaceSnaptions;
    QRadioButton *m_replaceAll;
    QCheckBox *m_keepTime;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    int m_photos;
    WritePreview m_preview;
    bool m_previewCurrent = false;
};

} // namespace snaption::gui
