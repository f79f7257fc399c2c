#pragma once

#include <snaption/captionresult.h>
#include <snaption/imageloader.h>
#include <snaption/decodingoptions.h>
#include <snaption/rgbimage.h>

#include <QImage>
#include <QMetaType>
#include <QString>

#include <memory>

namespace snaption::widgets {

// A request to the inference worker: an image file, or pixels (from the clipboard).
struct CaptionJob {
    int id = 0;
    QString path;     // empty when `pixels` holds the image
    QImage pixels;
    DecodingOptions options;
    // Captions an already finished image again with its own options, to bring back the display
    // image and attention maps that the image list let go: ahead of the queue, not counted.
    bool refresh = false;
    // The image is to be shown: its display image is read too. The other files of a folder get a
    // thumbnail only (decoding a camera photo at the display size costs more than captioning it);
    // the Caption tab refreshes one when it is selected.
    bool shown = true;
};

// What comes back: the caption with its attention maps, the image as shown (at most
// kDisplaySize pixels wide or high; shared, so queued signals and the image list do not copy
// its pixels; none unless the job was `shown`), a thumbnail, or the reason it failed.
struct CaptionOutcome {
    static constexpr int kDisplaySize = ImageLoader::kCaptioningSize;
    static constexpr int kThumbnailSize = 96;

    int id = 0;
    bool ok = false;
    QString error;
    CaptionResult result;
    std::shared_ptr<const RgbImage> display;
    QImage thumbnail;
    double elapsedMs = 0;
    DecodingOptions options; // what the caption was made with
    bool refresh = false;    // the job was a refresh (see CaptionJob)
    // What the photo's metadata already holds (read beside the caption; empty for pasted images
    // and files without any): its description and alt text, and whether Snaption wrote them.
    QString existingDescription;
    QString existingAltText;
    bool existingFromSnaption = false;
};

} // namespace snaption::widgets

Q_DECLARE_METATYPE(snaption::widgets::CaptionJob)
Q_DECLARE_METATYPE(snaption::widgets::CaptionOutcome)
