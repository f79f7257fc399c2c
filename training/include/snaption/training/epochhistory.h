#pragma once

#include <snaption/training/trainingobserver.h>

#include <string>
#include <vector>

namespace snaption::training {

// The epoch table of a run as CSV, one row per epoch: the trainer's history.csv and the Train
// tab's export write the same columns.
std::string epochHistoryCsv(const std::vector<EpochRecord> &epochs);

} // namespace snaption::training
