#!/usr/bin/env python3
"""Baseline for docs/BENCHMARKS.md: the original Python Snaption's way of captioning, re-implemented
in PyTorch: for every generated token, run the CNN and the whole decoder again over all tokens so
far (no cache). Seed sizes: EfficientNet-B0 (1000 logits -> one memory token), 6 pre-norm layers,
d 512, 16 heads, ff 1024, vocabulary 8,492, 19 tokens (context 20). Random weights: the time does
not depend on them.

usage: /usr/bin/python3 scripts/bench-seed-way.py [--threads 2] [--runs 7]"""
import argparse
import statistics
import time

import torch
import torchvision

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--runs", type=int, default=7)
args = parser.parse_args()
torch.set_num_threads(args.threads)
VOCAB, DIM, CONTEXT = 8492, 512, 20


class SeedCaptioner(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.cnn_encoder = torchvision.models.efficientnet_b0()
        self.project = torch.nn.Linear(1000, DIM)
        self.word_embeddings = torch.nn.Embedding(VOCAB, DIM)
        self.pos_embeddings = torch.nn.Embedding(CONTEXT, DIM)
        layer = torch.nn.TransformerDecoderLayer(DIM, 16, 1024, dropout=0.1, batch_first=True, norm_first=True)
        self.decoder = torch.nn.TransformerDecoder(layer, 6)
        self.vocab_projection = torch.nn.Linear(DIM, VOCAB)

    def forward(self, image, tokens):
        memory = self.project(self.cnn_encoder(image)).unsqueeze(1)
        length = tokens.shape[1]
        x = self.word_embeddings(tokens) + self.pos_embeddings(torch.arange(length))
        mask = torch.triu(torch.full((length, length), float("-inf")), 1)
        return self.vocab_projection(self.decoder(x, memory, tgt_mask=mask))


model = SeedCaptioner().eval()
image = torch.randn(1, 3, 224, 224)


def caption():
    tokens = torch.tensor([[2]])
    for _ in range(CONTEXT - 1):
        logits = model(image, tokens)[:, -1]
        tokens = torch.cat([tokens, logits.argmax(-1, keepdim=True)], 1)
    return tokens


with torch.no_grad():
    caption()
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        caption()
        times.append((time.perf_counter() - start) * 1000)
print(f"seed-way greedy caption, {CONTEXT - 1} tokens, {args.threads} threads: "
      f"median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f})")
