#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace snaption {

// One of N disjoint shares of a list of image paths, so that N jobs (a Slurm array, a Kubernetes
// Indexed Job) caption a collection exactly once. A path's share depends on the path alone (a hash
// of it as written), not on the list's order or length: every machine given the same paths takes
// the same share, and adding files to a collection does not move the others.
class ImageShard {
public:
    // "I/N" with 0 <= I < N <= 100000 (I as Slurm's SLURM_ARRAY_TASK_ID or Kubernetes'
    // JOB_COMPLETION_INDEX count, from 0); nullopt when malformed.
    static std::optional<ImageShard> parse(const QString &text);
    ImageShard(int index, int count);

    int index() const { return m_index; }
    int count() const { return m_count; }
    bool contains(const QString &path) const;
    QStringList select(const QStringList &paths) const; // keeps the order
    static int shardOf(const QString &path, int count);

private:
    int m_index = 0;
    int m_count = 1;
};

} // namespace snaption
