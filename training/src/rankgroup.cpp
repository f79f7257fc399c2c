#include "rankgroup.h"

#include <snaption/error.h>

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace snaption::training {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kBucketBytes = std::int64_t(16) << 20;
// How long a failing rank waits for the others to report their own failure, so that the ones
// that stay silent can be named.
constexpr auto kReportWindow = std::chrono::seconds(3);

std::string firstLine(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}

// The network interface the collectives use: GLOO_SOCKET_IFNAME's (as in PyTorch), loopback for a
// run on one machine, else the address this machine's name resolves to.
std::shared_ptr<::gloo::transport::Device> glooDevice(const DistributedSetup &setup)
{
    if (const char *interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    if (setup.masterAddress.rfind("127.", 0) == 0 || setup.masterAddress == "localhost")
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

} // namespace

RankGroup::RankGroup(const DistributedSetup &setup)
    : m_setup(setup), m_timeout(std::chrono::milliseconds(std::int64_t(setup.timeoutSeconds * 1000)))
{
    setup.validate();
    const std::string where = setup.masterAddress + ":" + std::to_string(setup.masterPort);
    try {
        c10d::TCPStoreOptions options;
        options.port = std::uint16_t(setup.masterPort);
        options.isServer = setup.leads();
        options.numWorkers = std::size_t(setup.worldSize);
        options.waitWorkers = true;
        options.timeout = m_timeout;
        m_store = c10::make_intrusive<c10d::TCPStore>(setup.masterAddress, options);
        auto groupOptions = c10d::ProcessGroupGloo::Options::create(m_timeout);
        groupOptions->devices.push_back(glooDevice(setup));
        groupOptions->threads = 1;
        m_group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_store, setup.rank, setup.worldSize, groupOptions);
    } catch (const std::exception &error) {
        const std::string who = setup.leads() ? "the other " + std::to_string(setup.worldSize - 1) + " rank(s) did not all join at " + where
                                              : "could not join rank 0 at " + where;
        throw Error(ErrorKind::Io, "rank " + std::to_string(setup.rank) + ": " + who + " within " + std::to_string(int(setup.timeoutSeconds)) +
                                       " s (" + firstLine(error.what()) + ")");
    }
}

RankGroup::~RankGroup() = default;

void RankGroup::sum(std::vector<double> &values, const char *during)
{
    try {
        std::vector<at::Tensor> tensors{torch::tensor(values, torch::kDouble)};
        m_group->allreduce(tensors)->wait(m_timeout);
        const double *data = tensors[0].data_ptr<double>();
        std::copy(data, data + values.size(), values.begin());
    } catch (const std::exception &error) {
        fail(during, error);
    }
}

double RankGroup::maximum(double value, const char *during)
{
    try {
        std::vector<at::Tensor> tensors{torch::tensor({value}, torch::kDouble)};
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp::MAX;
        m_group->allreduce(tensors, options)->wait(m_timeout);
        return tensors[0].item<double>();
    } catch (const std::exception &error) {
        fail(during, error);
    }
}

void RankGroup::broadcastFromLeader(const std::vector<torch::Tensor> &tensors, const char *during)
{
    try {
        torch::NoGradGuard noGrad;
        for (const torch::Tensor &tensor : tensors) {
            std::vector<at::Tensor> one{tensor.contiguous()};
            m_group->broadcast(one)->wait(m_timeout);
            if (one[0].data_ptr() != tensor.data_ptr()) tensor.copy_(one[0]);
        }
    } catch (const std::exception &error) {
        fail(during, error);
    }
}

void RankGroup::averageGradients(const std::vector<torch::Tensor> &parameters)
{
    const auto started = Clock::now();
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> gradients;
    for (const torch::Tensor &parameter : parameters) {
        torch::Tensor gradient = parameter.grad();
        if (!gradient.defined()) {
            gradient = torch::zeros_like(parameter);
            const_cast<torch::Tensor &>(parameter).mutable_grad() = gradient;
        }
        gradients.push_back(gradient);
    }
    std::int64_t bytes = 0;
    const auto reduce = [&](std::size_t first, std::size_t last) {
        std::vector<torch::Tensor> flat;
        for (std::size_t i = first; i < last; ++i) flat.push_back(gradients[i].reshape({-1}).to(torch::kFloat));
        std::vector<at::Tensor> bucket{torch::cat(flat)};
        try {
            m_group->allreduce(bucket)->wait(m_timeout);
        } catch (const std::exception &error) {
            fail("averaging gradients", error);
        }
        bucket[0].div_(double(m_setup.worldSize));
        bytes += bucket[0].numel() * 4;
        std::int64_t offset = 0;
        for (std::size_t i = first; i < last; ++i) {
            const std::int64_t count = gradients[i].numel();
            gradients[i].copy_(bucket[0].narrow(0, offset, count).view_as(gradients[i]));
            offset += count;
        }
    };
    std::size_t first = 0;
    std::int64_t bucketBytes = 0;
    for (std::size_t i = 0; i < gradients.size(); ++i) {
        bucketBytes += gradients[i].numel() * 4;
        if (bucketBytes >= kBucketBytes || i + 1 == gradients.size()) {
            reduce(first, i + 1);
            first = i + 1;
            bucketBytes = 0;
        }
    }
    m_bytesPerAverage = bytes;
    m_secondsInAverages += std::chrono::duration<double>(Clock::now() - started).count();
}

void RankGroup::beat()
{
    try {
        m_store->add("beat", 1);
    } catch (const std::exception &error) {
        fail("telling the other ranks rank 0 is working", error);
    }
}

void RankGroup::leaderFinished(const std::string &phase)
{
    try {
        m_store->set("done/" + phase, std::vector<std::uint8_t>{1});
    } catch (const std::exception &error) {
        fail("ending " + phase, error);
    }
}

void RankGroup::waitForLeader(const std::string &phase)
{
    std::int64_t lastBeat = -1;
    auto lastChange = Clock::now();
    try {
        for (;;) {
            if (m_store->check({"done/" + phase})) return;
            const std::int64_t beat = m_store->add("beat", 0);
            if (beat != lastBeat) {
                lastBeat = beat;
                lastChange = Clock::now();
            } else if (Clock::now() - lastChange > m_timeout) {
                throw Error(ErrorKind::Io, "rank " + std::to_string(rank()) + ": rank 0 made no progress for " + std::to_string(int(m_setup.timeoutSeconds)) +
                                               " s while " + phase + " (it hangs, or its machine is unreachable)");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    } catch (const Error &) {
        throw;
    } catch (const std::exception &error) {
        fail("waiting for rank 0 (" + phase + ")", error);
    }
}

// Each failing rank reports itself in the store; the ranks that do not report within a short
// window are the ones that stopped. Without the store (it lives in rank 0) rank 0 is gone.
std::string RankGroup::silentRanks()
{
    try {
        m_store->set("failed/" + std::to_string(rank()), std::vector<std::uint8_t>{1});
        const auto deadline = Clock::now() + kReportWindow;
        std::vector<int> silent;
        for (;;) {
            silent.clear();
            for (int r = 0; r < size(); ++r)
                if (r != rank() && !m_store->check({"failed/" + std::to_string(r)})) silent.push_back(r);
            if (silent.empty() || Clock::now() > deadline) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::string names;
        for (const int r : silent) names += (names.empty() ? "" : ", ") + std::to_string(r);
        return names.empty() ? "" : (silent.size() == 1 ? "rank " : "ranks ") + names;
    } catch (const std::exception &) {
        return "rank 0";
    }
}

void RankGroup::fail(const std::string &during, const std::exception &error)
{
    const std::string silent = silentRanks();
    const std::string lost = silent.empty() ? "another rank failed" : silent + " stopped answering (ended, hangs, or lost its connection)";
    throw Error(ErrorKind::Io, "rank " + std::to_string(rank()) + ": " + lost + " while " + during + "; the run ends (" + firstLine(error.what()) +
                                   "). Resume every rank from the newest checkpoint.");
}

} // namespace snaption::training
