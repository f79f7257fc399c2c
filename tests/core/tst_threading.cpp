// Thread priorities for a pipeline: the compute threads (the caller and LibTorch's intra-op pool)
// make way for the image readers, and no other thread is touched.
#include <snaption/threading.h>

#include <ATen/Parallel.h>

#include <QtTest>

#include <mutex>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace snaption;

namespace {

// The nice value of every thread of the calling thread's LibTorch pool, the caller included.
std::vector<int> niceOfThePool()
{
    std::mutex mutex;
    std::vector<int> values;
    at::parallel_for(0, at::get_num_threads(), 1, [&](std::int64_t, std::int64_t) {
        const std::lock_guard<std::mutex> lock(mutex);
        values.push_back(getpriority(PRIO_PROCESS, 0));
    });
    return values;
}

} // namespace

class TestThreading : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void computeThreadsMakeWayForReaders()
    {
#ifndef __linux__
        QSKIP("a nice value belongs to a thread only on Linux");
#endif
        const int bystanderBefore = getpriority(PRIO_PROCESS, 0);
        std::vector<int> before, after;
        int caller = 0, startedAfter = 0;
        std::thread compute([&] {
            before = niceOfThePool(); // the pool exists before it is lowered
            lowerComputePriority(bystanderBefore + 7);
            caller = getpriority(PRIO_PROCESS, 0);
            after = niceOfThePool();
            std::thread([&] { startedAfter = getpriority(PRIO_PROCESS, 0); }).join();
        });
        compute.join();
        QVERIFY(!before.empty());
        QCOMPARE(after.size(), before.size());
        for (const int value : before) QCOMPARE(value, bystanderBefore);
        for (const int value : after) QCOMPARE(value, bystanderBefore + 7);
        QCOMPARE(caller, bystanderBefore + 7);
        QCOMPARE(startedAfter, bystanderBefore + 7); // threads it starts later inherit it
        QCOMPARE(getpriority(PRIO_PROCESS, 0), bystanderBefore); // other threads keep theirs
    }
};

QTEST_GUILESS_MAIN(TestThreading)
#include "tst_threading.moc"
