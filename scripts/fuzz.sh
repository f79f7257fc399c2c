#!/usr/bin/env bash
# Builds the libFuzzer targets for the file parsers (restricted unpickler, safetensors reader,
# TFLite reader, the image loader with its header probe and GIF reader, the dataset readers for Flickr8k/Kaggle text, COCO and Karpathy JSON,
# the training configuration reader, the metadata journal and the photo metadata round trip) with clang, AddressSanitizer and UBSan, seeds them, and
# runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=600] [TARGET...]
# Crashing inputs land in build-fuzz/<target>/crash-*; add them to tests as regressions.
# Needs: clang-14 libclang-rt-14-dev (and python3-torch for the seed corpus).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("${@:-unpickler safetensors tflite images flickr8k coco karpathy trainingconfig journal photometadata}")
read -r -a targets <<< "${targets[*]}"
out="$root/build-fuzz"
mkdir -p "$out"
cxx=${CXX_FUZZ:-clang++-14}
flags=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$root/core/include" -I"$root/core/src" -I"$root/training/include" -I"$root/training/src" -I"$root/metadata/include"
       -I"$root/metadata/src" -I/usr/include/opencv4 -Wno-deprecated-declarations)
common=("$root/core/src/error.cpp" "$root/core/src/tensordtype.cpp" "$root/core/src/inputfile.cpp")
c="$root/core/src" t="$root/training/src"
images="$c/imageloader.cpp $c/gifreader.cpp $c/imageheaderprobe.cpp $c/rgbimageconversion.cpp $c/preprocessing.cpp $c/imagewriter.cpp"
config="$t/trainingconfig.cpp $t/augmentationconfig.cpp $c/modelconfig.cpp $c/jsontemplate.cpp"
datasets="$t/datasetloader.cpp $t/dataset.cpp $t/validationreport.cpp $t/syntheticscenes.cpp $c/vocabulary.cpp $c/unicodetext.cpp $c/systemmemory.cpp $images $config"
opencv=(-lopencv_core -lopencv_imgproc -lopencv_imgcodecs -lgif -lexiv2)
metadata=$(ls "$root"/metadata/src/*.cpp | tr '\n' ' ')
declare -A max_len=([unpickler]=200000 [safetensors]=100000 [tflite]=4000000 [images]=100000 [flickr8k]=20000 [coco]=20000 [karpathy]=20000
                    [trainingconfig]=8000 [journal]=20000 [photometadata]=60000)
declare -A sources=(
  [unpickler]="$root/tests/fuzz/fuzz_unpickler.cpp $c/unpickler.cpp $c/picklevalue.cpp"
  [safetensors]="$root/tests/fuzz/fuzz_safetensors.cpp $c/safetensorsfile.cpp"
  [tflite]="$root/tests/fuzz/fuzz_tflite.cpp $c/tflitemodel.cpp $c/flatbufferview.cpp"
  [images]="$root/tests/fuzz/fuzz_images.cpp $images"
  [flickr8k]="$root/tests/fuzz/fuzz_datasets.cpp $datasets"
  [coco]="$root/tests/fuzz/fuzz_datasets.cpp $datasets"
  [karpathy]="$root/tests/fuzz/fuzz_datasets.cpp $datasets"
  [trainingconfig]="$root/tests/fuzz/fuzz_datasets.cpp $datasets"
  [journal]="$root/tests/fuzz/fuzz_metadata.cpp $metadata"
  [photometadata]="$root/tests/fuzz/fuzz_metadata.cpp $metadata"
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
# Seeds for the newer targets: small valid files of each kind (added when missing).
if [[ ! -d "$seed/trainingconfig" ]]; then
  mkdir -p "$seed/images" "$seed/flickr8k" "$seed/coco" "$seed/karpathy" "$seed/trainingconfig"
  /usr/bin/python3 "$root/tests/fixtures/gif_reference.py" "$seed/images" && rm -f "$seed"/images/*.rgb
  /usr/bin/python3 -c "import sys; from PIL import Image; im = Image.new('RGBA', (9, 7), (10, 200, 30, 128))
for mode, name in [('RGBA', 'a.png'), ('L', 'g.png'), ('RGB', 'c.jpg'), ('RGB', 'b.bmp'), ('RGBA', 't.tiff'), ('RGB', 'p.ppm'), ('RGBA', 'w.webp')]:
    im.convert(mode).save(sys.argv[1] + '/' + name)" "$seed/images"
  printf 'a.jpg#0\tA dog runs .\na.jpg#1\tA dog .\nb.jpg#0\tTwo cats .\n/etc/hostname#0\tx\n\0a.jpg\nb.jpg\n../x.jpg\n' > "$seed/flickr8k/token"
  printf 'image,caption\na.jpg,"A dog runs."\nsub/d.jpg,A bird\n' > "$seed/flickr8k/kaggle"
  printf '{"images": [{"id": 1, "file_name": "a.jpg"}, {"id": 2, "file_name": "b.jpg"}], "annotations": [{"image_id": 1, "caption": "A dog."}, {"image_id": 2, "caption": "A cat."}]}' > "$seed/coco/coco.json"
  printf '{"images": [{"filename": "a.jpg", "split": "train", "sentences": [{"raw": "A cat."}, {"tokens": ["a", "cat"]}]}, {"filename": "d.jpg", "filepath": "sub", "split": "val", "sentences": [{"raw": "A dog."}]}]}' > "$seed/karpathy/karpathy.json"
  printf '{"epochs": 3, "model": {"decoder": {"dim": 256, "heads": 4}}, "betas": [0.9, 0.99], "synthetic": {"train": 100}, "augmentation": {"color_jitter": {"hue": 0.1}}}' > "$seed/trainingconfig/config.json"
fi

# Seeds for the metadata targets: a journal line, and small tagged photos of each writable format.
if [[ ! -d "$seed/journal" ]]; then
  mkdir -p "$seed/journal" "$seed/photometadata"
  printf '%s' '{"file":"/tmp/a.jpg","target":"/tmp/a.jpg","status":"written","time":"2026-12-01T17:00:00+00:00","written":"description,alt-text","kept_human":"","sidecar_created":false,"inode":12,"before":{"description":{},"alt_text":{},"extended":{},"exif":null,"iptc":null,"mark":null},"stored":{"has_xmp":false,"xmp_packet_base64":"","exif_base64":null,"iptc_base64":null,"iptc_charset_base64":null},"after":{"description":{"x-default":"a dog"},"alt_text":{"x-default":"a dog"},"extended":{},"exif":null,"iptc":null,"mark":{"model":"m","model_hash":"h","score":-0.5,"date":"d","edited":false,"caption":"a dog","language":"en","fields":"description,alt-text"}}}' > "$seed/journal/written.jsonl"
  /usr/bin/python3 -c "import sys; from PIL import Image; im = Image.new('RGB', (8, 6), (10, 200, 30))
for name in ['a.jpg', 'b.png', 'c.webp', 'd.tif']: im.save(sys.argv[1] + '/' + name)" "$seed/photometadata"
  command -v exiftool >/dev/null && exiftool -q -overwrite_original -XMP-dc:Description=Rex -IPTC:Keywords=dog -DateTimeOriginal="2024:01:02 03:04:05" "$seed/photometadata"
fi

for target in "${targets[@]}"; do
  binary="$out/fuzz_$target"
  # shellcheck disable=SC2086
  "$cxx" "${flags[@]}" -DSNAPTION_FUZZ_FORMAT="\"$target\"" ${sources[$target]} "${common[@]}" "${opencv[@]}" -o "$binary"
  mkdir -p "$out/$target/corpus"
  echo "== fuzzing $target for ${seconds}s"
  (cd "$out/$target" && "$binary" -max_total_time="$seconds" -max_len="${max_len[$target]}" -rss_limit_mb=4096 -print_final_stats=1 \
     corpus "$seed/$target" 2>&1 | tail -25) | tee "$out/$target/last-run.txt"
done
