#!/usr/bin/env bash
# Builds the libFuzzer targets for the file parsers (restricted unpickler, safetensors reader,
# TFLite reader) with clang, AddressSanitizer and UBSan, seeds them, and runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=600] [TARGET...]
# Crashing inputs land in build-fuzz/<target>/crash-*; add them to tests as regressions.
# Needs: clang-14 libclang-rt-14-dev (and python3-torch for the seed corpus).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("${@:-unpickler safetensors tflite}")
read -r -a targets <<< "${targets[*]}"
out="$root/build-fuzz"
mkdir -p "$out"
cxx=${CXX_FUZZ:-clang++-14}
flags=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$root/core/include" -I"$root/core/src")
common=("$root/core/src/error.cpp" "$root/core/src/tensordtype.cpp")
declare -A max_len=([unpickler]=200000 [safetensors]=100000 [tflite]=4000000)
declare -A sources=(
  [unpickler]="$root/core/src/unpickler.cpp $root/core/src/picklevalue.cpp"
  [safetensors]="$root/core/src/safetensorsfile.cpp"
  [tflite]="$root/core/src/tflitemodel.cpp $root/core/src/flatbufferview.cpp"
)

# Seed corpora: real files of each kind.
seed="$out/seeds"
if [[ ! -d "$seed" ]]; then
  mkdir -p "$seed/unpickler" "$seed/safetensors" "$seed/tflite" "$seed/tmp"
  /usr/bin/python3 "$root/tests/fixtures/hostile_files.py" "$seed/tmp"
  cp "$seed"/tmp/*.pkl "$seed/unpickler/"
  for pt in "$seed"/tmp/*.pt; do (cd "$seed/tmp" && unzip -o -q "$pt" '*/data.pkl' -d "x-$(basename "$pt")" 2>/dev/null) || true; done
  find "$seed/tmp" -name data.pkl | while read -r f; do cp "$f" "$seed/unpickler/$(echo "$f" | md5sum | cut -c1-8).pkl"; done
  /usr/bin/python3 "$root/tests/fixtures/safetensors_interop.py" write "$seed/safetensors/py.safetensors"
  shared="${SNAPTION_SHARED_DATA:-$root/../shared/data}"
  [[ -f "$shared/encoders/mobilenet_v2_1.0_224_quant.tflite" ]] && cp "$shared/encoders/mobilenet_v2_1.0_224_quant.tflite" "$seed/tflite/"
  [[ -f "$shared/seed/vocab_mapper.pkl" ]] && cp "$shared/seed/"*.pkl "$seed/unpickler/"
  rm -rf "$seed/tmp"
fi

for target in "${targets[@]}"; do
  binary="$out/fuzz_$target"
  # shellcheck disable=SC2086
  "$cxx" "${flags[@]}" "$root/tests/fuzz/fuzz_$target.cpp" ${sources[$target]} "${common[@]}" -o "$binary"
  mkdir -p "$out/$target/corpus"
  echo "== fuzzing $target for ${seconds}s"
  (cd "$out/$target" && "$binary" -max_total_time="$seconds" -max_len="${max_len[$target]}" -rss_limit_mb=4096 -print_final_stats=1 \
     corpus "$seed/$target" 2>&1 | tail -25) | tee "$out/$target/last-run.txt"
done
