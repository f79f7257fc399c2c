#include <snaption/training/dataset.h>

#include <snaption/error.h>

namespace snaption::training {

const std::vector<CaptionedImage> &Dataset::split(const std::string &name) const
{
    if (name == "train") return train;
    if (name == "dev" || name == "validation" || name == "val") return validation;
    if (name == "test") return test;
    throw Error(ErrorKind::InvalidArgument, "unknown split \"" + name + "\" (expected train, dev or test)");
}

} // namespace snaption::training
