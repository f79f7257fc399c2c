# Sourced by the GUI end-to-end test scripts (run_atspi_test.sh, run_clipboard_test.sh): a fresh
# WORK folder with a tiny model, two synthetic images and snaption-cli's captions of them, and
# the app's folders (settings, data, the single-instance socket's runtime folder) inside it.
#   prepare_gui_test CLI WORK   sets model, image, expected, image2, expected2
prepare_gui_test() {
  local cli=$1 work=$2
  rm -rf "$work" && mkdir -p "$work"
  printf 'a red ball lies on the grass\ntwo dogs play in the snow\n' > "$work/captions.txt"
  model="$work/model.safetensors"
  "$cli" init-model --encoder mobilenet_v2 --layers 1 --dim 32 --heads 2 --ff 32 --vocab-from-captions "$work/captions.txt" --out "$model" >/dev/null
  "$cli" synth --out "$work/images" --count 2 --seed 3 >/dev/null
  image="$work/images/00000.png"
  expected=$("$cli" caption --model "$model" "$image")
  image2="$work/images/00001.png"
  expected2=$("$cli" caption --model "$model" "$image2")
  export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime"
  mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
}
