#pragma once

#include <QLineEdit>

namespace snaption::gui {

// The caption as editable text, made to be read whole by screen readers:
// - reached with Tab or Alt+P it does not select all of itself (a QLineEdit would, and Orca then
//   read the caption twice, once as "… selected"); the cursor stays at the start;
// - its accessible text reports one attribute run over the whole text. Qt's line edit reports an
//   empty run at each offset, from which Orca 43 builds a line one character short ("a triangle
//   and a cros").
class CaptionField : public QLineEdit {
    Q_OBJECT

public:
    explicit CaptionField(QWidget *parent = nullptr);
    // The character's box in screen coordinates, for screen magnifiers.
    QRect characterRect(int offset) const;
    // The caption's language (BCP 47), reported as the text's "language" attribute, so that a
    // screen reader that switches voices by language reads a German caption with a German voice.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }

protected:
    void focusInEvent(QFocusEvent *event) override;

private:
    QString m_language = QStringLiteral("en");
};

} // namespace snaption::gui
