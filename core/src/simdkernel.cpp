#include <snaption/simdkernel.h>

#include "inferencelinear.h"

namespace snaption {

std::string activeSimdKernel()
{
    return InferenceLinear::kernelName(InferenceLinear::activeKernel());
}

} // namespace snaption
