#include <snaption/training/validationreport.h>

#include <nlohmann/json.hpp>

#include <sstream>

namespace snaption::training {

void ValidationReport::note(const std::string &problem)
{
    if (examples.size() < kMaxExamples) examples.push_back(problem);
}

bool ValidationReport::hasProblems() const
{
    return missingImages || unreadableImages || emptyCaptions || overlongCaptions || duplicateCaptions || malformedLines ||
           imagesWithoutCaptions || refusedPaths;
}

std::string ValidationReport::summary() const
{
    std::ostringstream out;
    out << images << " images with " << captions << " captions";
    const std::pair<int, const char *> problems[] = {
        {missingImages, "missing images"},       {unreadableImages, "unreadable images"},
        {imagesWithoutCaptions, "images without captions"}, {emptyCaptions, "empty captions"},
        {overlongCaptions, "over-long captions (truncated)"}, {duplicateCaptions, "duplicate captions"},
        {malformedLines, "malformed records"},   {refusedPaths, "image paths outside the dataset folder"},
    };
    bool first = true;
    for (const auto &[count, what] : problems) {
        if (!count) continue;
        out << (first ? "; skipped or noted: " : ", ") << count << ' ' << what;
        first = false;
    }
    return out.str();
}

std::string ValidationReport::toJson() const
{
    return nlohmann::json{{"images", images},
                          {"captions", captions},
                          {"missing_images", missingImages},
                          {"unreadable_images", unreadableImages},
                          {"images_without_captions", imagesWithoutCaptions},
                          {"empty_captions", emptyCaptions},
                          {"overlong_captions", overlongCaptions},
                          {"duplicate_captions", duplicateCaptions},
                          {"malformed_records", malformedLines},
                          {"refused_paths", refusedPaths},
                          {"examples", examples}}
        .dump();
}

} // namespace snaption::training
