#include "writephotosdialog.h"

#include "metadatatext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace snaption::gui {

using namespace metadata;

namespace {

constexpr CaptionField kFields[] = {CaptionField::Description, CaptionField::AltText, CaptionField::Extended, CaptionField::Exif, CaptionField::Iptc};

QString fieldLabel(CaptionField field)
{
    switch (field) {
    case CaptionField::Description: return WritePhotosDialog::tr("&Description (XMP, read by most photo programs)");
    case CaptionField::AltText: return WritePhotosDialog::tr("&Alt text (IPTC, for screen readers; at most 250 characters)");
    case CaptionField::Extended: return WritePhotosDialog::tr("&Extended description (IPTC)");
    case CaptionField::Exif: return WritePhotosDialog::tr("E&xif image description (older programs)");
    case CaptionField::Iptc: return WritePhotosDialog::tr("&IPTC caption (older programs)");
    }
    return {};
}

} // namespace

WritePhotosDialog::WritePhotosDialog(int photos, QWidget *parent)
    : QDialog(parent), m_inFile(new QRadioButton(tr("Into the photos &themselves"), this)),
      m_sidecar(new QRadioButton(tr("Into XMP &sidecar files, leaving the photos untouched"), this)), m_sidecarName(new QComboBox(this)),
      m_keep(new QRadioButton(tr("&Keep them: fill only empty fields"), this)),
      m_replaceSnaptions(new QRadioButton(tr("&Replace captions Snaption wrote earlier"), this)),
      m_replaceAll(new QRadioButton(tr("Replace e&very description, a person's too"), this)),
      m_keepTime(new QCheckBox(tr("Keep the photos' &modification times"), this)), m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)), m_photos(photos)
{
    setWindowTitle(tr("Write Captions to Photos"));
    auto *fieldsBox = new QGroupBox(tr("Fields"), this);
    auto *fieldsLayout = new QVBoxLayout(fieldsBox);
    for (std::size_t i = 0; i < std::size(kFields); ++i) {
        m_fields[i] = new QCheckBox(fieldLabel(kFields[i]), this);
        fieldsLayout->addWidget(m_fields[i]);
        connect(m_fields[i], &QCheckBox::toggled, this, &WritePhotosDialog::optionsChanged);
    }
    auto *whereBox = new QGroupBox(tr("Where"), this);
    auto *whereLayout = new QVBoxLayout(whereBox);
    whereLayout->addWidget(m_inFile);
    whereLayout->addWidget(m_sidecar);
    m_sidecarName->addItem(tr("photo.jpg.xmp (darktable, digiKam)"), int(SidecarName::AppendXmp));
    m_sidecarName->addItem(tr("photo.xmp (Lightroom)"), int(SidecarName::ReplaceExtension));
    m_sidecarName->setAccessibleName(tr("Sidecar file name"));
    auto *nameRow = new QFormLayout;
    nameRow->addRow(tr("Sidecar &name:"), m_sidecarName);
    whereLayout->addLayout(nameRow);
    auto *existingBox = new QGroupBox(tr("Descriptions the photos already have"), this);
    auto *existingLayout = new QVBoxLayout(existingBox);
    existingLayout->addWidget(m_keep);
    existingLayout->addWidget(m_replaceSnaptions);
    existingLayout->addWidget(m_replaceAll);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("What will change"));
    m_summary->setTextFormat(Qt::PlainText);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Write"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(fieldsBox);
    layout->addWidget(whereBox);
    layout->addWidget(existingBox);
    layout->addWidget(m_keepTime);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WritePhotosDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QRadioButton *button : {m_inFile, m_sidecar, m_keep, m_replaceSnaptions, m_replaceAll})
        connect(button, &QRadioButton::toggled, this, &WritePhotosDialog::optionsChanged);
    connect(m_sidecarName, &QComboBox::currentIndexChanged, this, &WritePhotosDialog::optionsChanged);
    connect(m_keepTime, &QCheckBox::toggled, this, &WritePhotosDialog::optionsChanged);
    readSettings();
}

void WritePhotosDialog::readSettings()
{
    const QSettings settings;
    const auto fields = CaptionFields::parse(settings.value(QStringLiteral("photos/fields"), QStringLiteral("description,alt-text")).toString().toStdString())
                            .value_or(CaptionFields::defaults());
    for (std::size_t i = 0; i < std::size(kFields); ++i) m_fields[i]->setChecked(fields.contains(kFields[i]));
    (settings.value(QStringLiteral("photos/sidecar"), false).toBool() ? m_sidecar : m_inFile)->setChecked(true);
    m_sidecarName->setCurrentIndex(settings.value(QStringLiteral("photos/sidecarName"), 0).toInt() == 1 ? 1 : 0);
    // Replacing a person's words is never the remembered default.
    (settings.value(QStringLiteral("photos/replaceSnaptions"), false).toBool() ? m_replaceSnaptions : m_keep)->setChecked(true);
    m_keepTime->setChecked(settings.value(QStringLiteral("photos/keepTime"), true).toBool());
    optionsChanged();
}

WriteOptions WritePhotosDialog::options() const
{
    WriteOptions options;
    options.fields = {};
    // Exif and IPTC are disabled (and left out) while a sidecar is chosen: it holds XMP only.
    for (std::size_t i = 0; i < std::size(kFields); ++i)
        if (m_fields[i]->isChecked() && m_fields[i]->isEnabled()) options.fields.insert(kFields[i]);
    options.sidecar = m_sidecar->isChecked();
    options.sidecarName = SidecarName(m_sidecarName->currentData().toInt());
    options.overwrite = m_replaceAll->isChecked()         ? OverwritePolicy::ReplaceAll
                        : m_replaceSnaptions->isChecked() ? OverwritePolicy::ReplaceMachineMade
                                                          : OverwritePolicy::KeepExisting;
    options.keepModificationTime = m_keepTime->isChecked();
    return options;
}

void WritePhotosDialog::optionsChanged()
{
    m_sidecarName->setEnabled(m_sidecar->isChecked());
    // A sidecar holds XMP only.
    for (std::size_t i = 3; i < std::size(kFields); ++i) m_fields[i]->setEnabled(!m_sidecar->isChecked());
    const WriteOptions current = options();
    const std::string problem = MetadataWriter::validate(current);
    m_previewCurrent = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (!problem.empty()) {
        m_summary->setText(current.fields.empty() ? tr("Choose at least one field.") : tr("An XMP sidecar cannot hold Exif or IPTC fields."));
        return;
    }
    m_summary->setText(tr("Looking at %n photo(s)…", nullptr, m_photos));
    Q_EMIT previewWanted(current);
}

void WritePhotosDialog::showPreview(const WritePreview &preview)
{
    m_preview = preview;
    m_previewCurrent = true;
    QString text = tr("%n photo(s) will get the caption.", nullptr, preview.toWrite);
    if (preview.personsReplaced > 0) text += QLatin1Char(' ') + tr("In %n of them a person's description will be replaced.", nullptr, preview.personsReplaced);
    if (preview.kept + preview.failing > 0)
        text += QLatin1Char(' ') + tr("Left as they are: %1.").arg(preview.reasons.join(tr(", ")));
    text += QLatin1Char(' ') + tr("Undo Last Write puts back what was there.");
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(preview.toWrite > 0);
}

void WritePhotosDialog::accept()
{
    if (!m_previewCurrent || m_preview.toWrite == 0) return;
    if (m_preview.personsReplaced > 0) {
        const auto answer = QMessageBox::warning(this, tr("Replace a Person's Descriptions?"),
                                                 tr("%n photo(s) hold a description written by a person. Replace it with Snaption's caption?",
                                                    nullptr, m_preview.personsReplaced),
                                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) return;
    }
    const WriteOptions chosen = options();
    QSettings settings;
    settings.setValue(QStringLiteral("photos/fields"), QString::fromStdString(chosen.fields.names()));
    settings.setValue(QStringLiteral("photos/sidecar"), chosen.sidecar);
    settings.setValue(QStringLiteral("photos/sidecarName"), m_sidecarName->currentIndex());
    settings.setValue(QStringLiteral("photos/replaceSnaptions"), chosen.overwrite == OverwritePolicy::ReplaceMachineMade);
    settings.setValue(QStringLiteral("photos/keepTime"), chosen.keepModificationTime);
    QDialog::accept();
}

} // namespace snaption::gui
