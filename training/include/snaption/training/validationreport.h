#pragma once

#include <string>
#include <vector>

namespace snaption::training {

// What a dataset loader found: counts, and the records it skipped and why. Bad records are never
// fatal while usable data remains.
struct ValidationReport {
    int images = 0;           // usable images
    int captions = 0;         // usable captions
    int missingImages = 0;    // listed but not found
    int unreadableImages = 0; // found but not a readable image (checked when requested)
    int emptyCaptions = 0;
    int overlongCaptions = 0; // more words than the model's context holds (kept, truncated in training)
    int duplicateCaptions = 0;
    int malformedLines = 0;   // lines or records that could not be parsed
    int refusedPaths = 0;     // image names that are absolute or lead outside the dataset's folder
    int imagesWithoutCaptions = 0;
    std::vector<std::string> examples; // the first problems, for the user

    static constexpr std::size_t kMaxExamples = 20;
    void note(const std::string &problem);
    bool hasProblems() const;
    std::string summary() const; // one paragraph, English
    std::string toJson() const;
};

} // namespace snaption::training
