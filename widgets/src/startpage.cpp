#include <snaption/widgets/startpage.h>

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace snaption::widgets {

StartPage::StartPage(QWidget *parent) : QWidget(parent), m_message(new QLabel(this)), m_demo(new QPushButton(tr("&Create a demo model"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    auto *title = new QLabel(tr("<h2>Welcome to Snaption</h2><p>Snaption describes images in words and shows where it looked for each "
                                "word. To start, it needs a captioning model.</p>"),
                             this);
    title->setWordWrap(true);
    title->setAlignment(Qt::AlignCenter);
    title->setTextFormat(Qt::RichText);
    layout->addWidget(title);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    const auto button = [&](const QString &text, const QString &description, auto signal) {
        auto *b = new QPushButton(text, this);
        b->setAccessibleDescription(description);
        b->setToolTip(description);
        b->setMinimumWidth(320);
        connect(b, &QPushButton::clicked, this, signal);
        layout->addWidget(b, 0, Qt::AlignHCenter);
        return b;
    };
    m_openDescription = tr("Load a Snaption model (.safetensors) from disk");
    m_open = button(tr("&Open a model file…"), m_openDescription, &StartPage::openModelRequested);
    button(tr("&Import a Python Snaption model…"), tr("Convert pretrained_weights.pt and vocab_mapper.pkl of the original project"),
           &StartPage::importRequested);
    button(tr("&Download a pretrained model…"), tr("Choose from the model catalog; the download is checked before use"),
           &StartPage::downloadRequested);
    m_demo->setAccessibleDescription(tr("Trains a small model on synthetic shapes right here, in about a minute, without downloads"));
    m_demo->setToolTip(m_demo->accessibleDescription());
    m_demo->setMinimumWidth(320);
    connect(m_demo, &QPushButton::clicked, this, &StartPage::createDemoRequested);
    layout->addWidget(m_demo, 0, Qt::AlignHCenter);
    m_demo->setVisible(false);
    layout->addStretch();
    setAccessibleName(tr("Start page"));
}

void StartPage::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_open->setAccessibleDescription(message.isEmpty() ? m_openDescription : message);
}

void StartPage::focusOpenModel()
{
    m_open->setFocus(Qt::OtherFocusReason);
}

void StartPage::setDemoAvailable(bool available)
{
    m_demo->setVisible(available);
}

} // namespace snaption::widgets
