#include <snaption/training/epochhistory.h>

#include <sstream>

namespace snaption::training {

std::string epochHistoryCsv(const std::vector<EpochRecord> &epochs)
{
    std::ostringstream out;
    out << "epoch,train_loss,validation_loss,bleu1,bleu2,bleu3,bleu4,cider,attention_hit_rate,learning_rate,elapsed_seconds,best,mean_reward,greedy_reward,function_word_endings\n";
    for (const EpochRecord &e : epochs) {
        out << e.epoch << ',' << e.trainLoss << ',' << e.validationLoss;
        for (const double b : e.scores.bleu) out << ',' << b;
        out << ',' << e.scores.cider << ',';
        if (e.attentionHitRate) out << *e.attentionHitRate; // empty where there are no boxes to check
        out << ',' << e.learningRate << ',' << e.elapsedSeconds << ',' << (e.best ? 1 : 0) << ',';
        if (e.meanReward) out << *e.meanReward; // empty for cross-entropy epochs
        out << ',';
        if (e.greedyReward) out << *e.greedyReward;
        out << ',' << e.scores.functionWordEndings << '\n';
    }
    return out.str();
}

} // namespace snaption::training
