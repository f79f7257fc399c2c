#include "recordjson.h"

#include <exiv2/futils.hpp>

#include <stdexcept>

namespace snaption::metadata {
namespace {

using nlohmann::json;

constexpr WriteStatus kStatuses[] = {WriteStatus::Written, WriteStatus::WouldWrite, WriteStatus::Skipped, WriteStatus::Failed};
constexpr SkipReason kSkipReasons[] = {SkipReason::None, SkipReason::DescribedByPerson, SkipReason::DescribedBySnaption,
                                       SkipReason::CaptionedByThisModel, SkipReason::AlreadyDescribed, SkipReason::DoneEarlier};
constexpr MetadataProblem kProblems[] = {MetadataProblem::None, MetadataProblem::Missing, MetadataProblem::NotAFile, MetadataProblem::ReadOnly,
                                         MetadataProblem::Unsupported, MetadataProblem::Corrupt, MetadataProblem::NoSpace,
                                         MetadataProblem::WriteFailed, MetadataProblem::VerifyFailed, MetadataProblem::Changed,
                                         MetadataProblem::JournalBusy, MetadataProblem::JournalFailed};

template <typename Enum, std::size_t N>
Enum fromName(const std::string &name, const Enum (&values)[N], const char *(*nameOf)(Enum))
{
    for (Enum value : values)
        if (name == nameOf(value)) return value;
    throw std::invalid_argument("unknown name " + name);
}

std::string base64(const std::string &bytes)
{
    std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    if (Exiv2::base64encode(bytes.data(), bytes.size(), text.data(), text.size()) != 1) throw std::invalid_argument("base64");
    text.resize(text.find('\0'));
    return text;
}

std::string unbase64(const std::string &text)
{
    std::string bytes(text.size() / 4 * 3 + 3, '\0');
    const long size = Exiv2::base64decode(text.c_str(), bytes.data(), bytes.size());
    if (size < 0) throw std::invalid_argument("base64");
    bytes.resize(std::size_t(size));
    return bytes;
}

json optionalText(const std::optional<std::string> &text)
{
    return text ? json(*text) : json(nullptr);
}

std::optional<std::string> readOptional(const json &value)
{
    if (value.is_null()) return std::nullopt;
    return value.get<std::string>();
}

json markJson(const MachineMark &mark)
{
    return {{"model", mark.model},     {"model_hash", mark.modelHash}, {"score", mark.score},        {"date", mark.date},
            {"edited", mark.edited},   {"caption", mark.caption},      {"language", mark.language}, {"fields", mark.fields.names()}};
}

MachineMark readMark(const json &value)
{
    MachineMark mark;
    mark.model = value.at("model").get<std::string>();
    mark.modelHash = value.at("model_hash").get<std::string>();
    mark.score = value.at("score").get<double>();
    mark.date = value.at("date").get<std::string>();
    mark.edited = value.at("edited").get<bool>();
    mark.caption = value.at("caption").get<std::string>();
    mark.language = value.at("language").get<std::string>();
    const std::string fields = value.at("fields").get<std::string>();
    if (!fields.empty()) mark.fields = CaptionFields::parse(fields).value_or(CaptionFields());
    return mark;
}

json descriptionJson(const PhotoDescription &description)
{
    return {{"description", description.description},
            {"alt_text", description.altText},
            {"extended", description.extended},
            {"exif", optionalText(description.exifDescription)},
            {"iptc", optionalText(description.iptcCaption)},
            {"mark", description.mark ? markJson(*description.mark) : json(nullptr)}};
}

PhotoDescription readDescription(const json &value)
{
    PhotoDescription description;
    description.description = value.at("description").get<LangAltText>();
    description.altText = value.at("alt_text").get<LangAltText>();
    description.extended = value.at("extended").get<LangAltText>();
    description.exifDescription = readOptional(value.at("exif"));
    description.iptcCaption = readOptional(value.at("iptc"));
    if (!value.at("mark").is_null()) description.mark = readMark(value.at("mark"));
    return description;
}

json optionalBase64(const std::optional<std::string> &bytes)
{
    return bytes ? json(base64(*bytes)) : json(nullptr);
}

std::optional<std::string> readOptionalBase64(const json &value)
{
    if (value.is_null()) return std::nullopt;
    return unbase64(value.get<std::string>());
}

json storedJson(const StoredMetadata &stored)
{
    return {{"has_xmp", stored.hasXmp},
            {"xmp_packet_base64", base64(stored.xmpPacket)},
            {"exif_base64", optionalBase64(stored.exifDescription)},
            {"iptc_base64", optionalBase64(stored.iptcCaption)},
            {"iptc_charset_base64", optionalBase64(stored.iptcCharacterSet)}};
}

StoredMetadata readStored(const json &value)
{
    StoredMetadata stored;
    stored.hasXmp = value.at("has_xmp").get<bool>();
    stored.xmpPacket = unbase64(value.at("xmp_packet_base64").get<std::string>());
    stored.exifDescription = readOptionalBase64(value.at("exif_base64"));
    stored.iptcCaption = readOptionalBase64(value.at("iptc_base64"));
    stored.iptcCharacterSet = readOptionalBase64(value.at("iptc_charset_base64"));
    return stored;
}

CaptionFields readFields(const json &value)
{
    const std::string names = value.get<std::string>();
    return names.empty() ? CaptionFields() : CaptionFields::parse(names).value_or(CaptionFields());
}

} // namespace

json RecordJson::toJson(const WriteRecord &record)
{
    json value = {{"file", record.file},
                  {"target", record.target},
                  {"status", statusName(record.status)},
                  {"time", record.time},
                  {"written", record.written.names()},
                  {"kept_human", record.keptHuman.names()},
                  {"sidecar_created", record.sidecarCreated},
                  {"inode", record.inode},
                  {"before", descriptionJson(record.before)}};
    if (record.skip != SkipReason::None) value["skip"] = skipReasonName(record.skip);
    if (record.problem != MetadataProblem::None) {
        value["problem"] = problemName(record.problem);
        value["detail"] = record.detail;
    }
    if (record.status == WriteStatus::Written) {
        value["stored"] = storedJson(record.stored);
        value["after"] = descriptionJson(record.after);
    }
    return value;
}

WriteRecord RecordJson::fromJson(const json &value)
{
    WriteRecord record;
    record.file = value.at("file").get<std::string>();
    record.target = value.at("target").get<std::string>();
    record.status = fromName(value.at("status").get<std::string>(), kStatuses, statusName);
    record.time = value.at("time").get<std::string>();
    record.written = readFields(value.at("written"));
    record.keptHuman = readFields(value.at("kept_human"));
    record.sidecarCreated = value.at("sidecar_created").get<bool>();
    // A number that is not a non-negative integer (1e24, -1, 0.5) would not convert defined-ly.
    if (!value.at("inode").is_number_unsigned()) throw std::invalid_argument("inode");
    record.inode = value.at("inode").get<std::uint64_t>();
    record.before = readDescription(value.at("before"));
    if (value.contains("skip")) record.skip = fromName(value.at("skip").get<std::string>(), kSkipReasons, skipReasonName);
    if (value.contains("problem")) {
        record.problem = fromName(value.at("problem").get<std::string>(), kProblems, problemName);
        record.detail = value.at("detail").get<std::string>();
    }
    if (record.status == WriteStatus::Written) {
        record.stored = readStored(value.at("stored"));
        record.after = readDescription(value.at("after"));
    }
    return record;
}

} // namespace snaption::metadata
