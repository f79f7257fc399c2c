#pragma once

#include <QString>

namespace snaption {

// SHA-256 of a model file, hex: recorded beside every caption written into a photo, so that a later
// run can tell which captions came from the very same model. Empty when the file cannot be read.
// Reads the whole file the first time (about 0.2 s per 100 MB; remembered while the file's size
// and time stay the same): not for the GUI thread. Thread-safe.
QString modelFingerprint(const QString &modelPath);

} // namespace snaption
