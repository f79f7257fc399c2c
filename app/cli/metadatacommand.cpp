#include "metadatacommand.h"

#include "clioutput.h"
#include "imagepaths.h"
#include "metadatatext.h"

#include <snaption/metadata/metadatajournal.h>
#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/metadatarestorer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>

namespace snaption::cli {

using namespace metadata;

namespace {

QJsonObject langAltJson(const LangAltText &text)
{
    QJsonObject object;
    for (const auto &[language, value] : text) object.insert(QString::fromStdString(language), QString::fromStdString(value));
    return object;
}

QJsonObject descriptionJson(const QString &image, const PhotoDescription &photo)
{
    QJsonObject object{{QStringLiteral("image"), image},
                       {QStringLiteral("description"), langAltJson(photo.description)},
                       {QStringLiteral("alt_text"), langAltJson(photo.altText)},
                       {QStringLiteral("extended"), langAltJson(photo.extended)}};
    if (photo.exifDescription) object.insert(QStringLiteral("exif"), QString::fromStdString(*photo.exifDescription));
    if (photo.iptcCaption) object.insert(QStringLiteral("iptc"), QString::fromStdString(*photo.iptcCaption));
    QJsonArray machineMade;
    for (CaptionField field : CaptionFields::all().list())
        if (photo.isMachineMade(field)) machineMade.append(QString::fromLatin1(CaptionFields::name(field)));
    object.insert(QStringLiteral("from_snaption"), machineMade);
    if (photo.mark) {
        const MachineMark &mark = *photo.mark;
        object.insert(QStringLiteral("snaption"), QJsonObject{{QStringLiteral("model"), QString::fromStdString(mark.model)},
                                                             {QStringLiteral("model_hash"), QString::fromStdString(mark.modelHash)},
                                                             {QStringLiteral("score"), mark.score},
                                                             {QStringLiteral("date"), QString::fromStdString(mark.date)},
                                                             {QStringLiteral("edited"), mark.edited},
                                                             {QStringLiteral("caption"), QString::fromStdString(mark.caption)},
                                                             {QStringLiteral("language"), QString::fromStdString(mark.language)},
                                                             {QStringLiteral("fields"), QString::fromStdString(mark.fields.names())}});
    }
    return object;
}

} // namespace

int MetadataCommand::run(const QStringList &arguments)
{
    const QString action = arguments.size() > 1 ? arguments[1] : QString();
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0) + QLatin1Char(' ') + action);
    if (action == QLatin1String("show")) return show(rest);
    if (action == QLatin1String("restore")) return restore(rest);
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        CliOutput::out() << tr("Usage: snaption-cli metadata show [--json] IMAGE...\n"
                               "       snaption-cli metadata restore JOURNAL\n\n"
                               "show     what each photo's metadata holds, and which of it came from Snaption\n"
                               "restore  put back what a run's journal says was there before\n");
        return kSuccess;
    }
    CliOutput::error(tr("metadata needs show or restore (see snaption-cli metadata --help)"));
    return kUsage;
}

int MetadataCommand::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("What each photo's metadata holds, and which of it came from Snaption."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object per image and line.")});
    parser.addPositionalArgument(QStringLiteral("images"), tr("Image files or folders."), tr("IMAGE..."));
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    const QStringList images = ImagePaths::expand(parser.positionalArguments());
    if (images.isEmpty()) {
        CliOutput::error(tr("no images given (or the folders hold none)"));
        return kUsage;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    int failures = 0;
    QTextStream &out = CliOutput::out();
    for (const QString &image : images) {
        PhotoDescription photo;
        try {
            photo = MetadataReader::read(image.toStdString());
        } catch (const MetadataError &error) {
            ++failures;
            CliOutput::error(MetadataText::failure(image, error.problem(), error.what()));
            continue;
        }
        if (json) {
            out << QJsonDocument(descriptionJson(image, photo)).toJson(QJsonDocument::Compact) << Qt::endl;
            continue;
        }
        out << image << Qt::endl;
        if (!photo.holdsAny()) out << tr("  no description") << Qt::endl;
        for (CaptionField field : CaptionFields::all().list()) {
            if (!photo.holds(field)) continue;
            const QString origin = photo.isMachineMade(field) ? tr(" [Snaption]") : QString();
            out << tr("  %1: %2%3").arg(MetadataText::field(field), QString::fromStdString(photo.text(field)), origin) << Qt::endl;
        }
        if (photo.mark) {
            const MachineMark &mark = *photo.mark;
            out << tr("  Snaption: model %1 (%2), score %3, %4%5")
                       .arg(QString::fromStdString(mark.model), QString::fromStdString(mark.modelHash.substr(0, 12)))
                       .arg(mark.score, 0, 'f', 3)
                       .arg(QString::fromStdString(mark.date), mark.edited ? tr(", edited by a person") : QString())
                << Qt::endl;
        }
    }
    return failures == 0 ? kSuccess : kFailure;
}

int MetadataCommand::restore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Put back what a run's journal says the photos held before (and remove the sidecars it created)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("journal"), tr("The journal of the run to undo."), tr("JOURNAL"));
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    if (parser.positionalArguments().size() != 1) {
        CliOutput::error(tr("give exactly one journal"));
        return kUsage;
    }
    const std::string path = parser.positionalArguments().first().toStdString();
    JournalContents contents;
    std::unique_ptr<MetadataJournal> lock;
    try {
        contents = MetadataJournal::read(path);           // first: a mistyped name is not created
        lock = std::make_unique<MetadataJournal>(path); // no run may write to it meanwhile
    } catch (const MetadataError &error) {
        CliOutput::error(MetadataText::failure(parser.positionalArguments().first(), error.problem(), error.what()));
        return kFailure;
    }
    if (contents.malformedLines > 0)
        CliOutput::warning(tr("%n line(s) of the journal are not records (a run stopped mid-line?) and are ignored", nullptr, contents.malformedLines));
    QMap<RestoreStatus, int> counts;
    for (const WriteRecord *record : MetadataRestorer::undoOrder(contents.records)) {
        const RestoreOutcome outcome = MetadataRestorer::restore(*record);
        counts[outcome.status]++;
        const QString file = QString::fromStdString(outcome.file);
        if (outcome.status == RestoreStatus::Failed) CliOutput::error(MetadataText::failure(file, outcome.problem, outcome.detail));
        else if (outcome.status == RestoreStatus::Changed) CliOutput::warning(tr("%1: %2").arg(file, MetadataText::restoreStatus(outcome.status)));
    }
    const QLocale locale;
    CliOutput::out() << tr("Restored %1 file(s); %2 left as they are (changed since); %3 with nothing to undo; %4 failed.")
                            .arg(locale.toString(counts.value(RestoreStatus::Restored)), locale.toString(counts.value(RestoreStatus::Changed)),
                                 locale.toString(counts.value(RestoreStatus::NotWritten)), locale.toString(counts.value(RestoreStatus::Failed)))
                     << Qt::endl;
    return counts.value(RestoreStatus::Failed) == 0 ? kSuccess : kFailure;
}

} // namespace snaption::cli
