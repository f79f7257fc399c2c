#!/usr/bin/env python3
"""What Orca says while a blind user works with Snaption: the real screen reader, driven with key
presses, its speech read from its debug log.

usage (inside a display and a D-Bus session: xvfb-run -a dbus-run-session -- ...):
  orca_speech.py SNAPTION SNAPTION_CLI WORK_DIR

Orca (Debian's orca) runs with speech-dispatcher and a silent output module (a generic module
that appends each utterance to WORK_DIR/spoken.txt instead of making sound); openbox manages the
windows so that xdotool's key presses reach them. Each check reads the "SPEECH OUTPUT:" lines Orca
logs and asserts what was said:
  1. a finished caption: the caption, exactly once;
  2. Alt+Right: the next word; Ctrl+I: its confidence; Alt+P: the caption field and the caption, once;
  3. opening a second image (Ctrl+O, its path, Return): its caption, exactly once;
  4. a training epoch ending (Train tab, Start): "Epoch 1: BLEU-4 x", x as history.json has it;
  5. a bad model file: the error, said with the button that opens another model, once;
  6. a model whose calibration marks its captions unsure: "Possibly: <caption>", once.
The transcript of everything Orca said is WORK_DIR/orca-transcript.txt.
Exit 0: all held; 1: one did not (the reason and the transcript tail are printed); 77: a tool is
missing (a skip outside CI)."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

# /usr/bin/orca, its debug file written line by line: Orca opens it with Python's default 8 KiB
# buffer, so what it said last would reach the file only later, or never when it is stopped.
LINE_BUFFERED_ORCA = """
import builtins, runpy, sys
_open = builtins.open
def _line_buffered(file, mode="r", buffering=-1, *args, **kwargs):
    if "w" in mode and "b" not in mode and buffering == -1:
        buffering = 1
    return _open(file, mode, buffering, *args, **kwargs)
builtins.open = _line_buffered
sys.argv = ["/usr/bin/orca"] + sys.argv[1:]
runpy.run_path("/usr/bin/orca", run_name="__main__")
"""
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'\s*(?:voice=\S+)?\s*\{")


def skip(reason):
    print(f"SKIP: {reason}", file=sys.stderr)
    sys.exit(77)


class Failure(Exception):
    pass


class Orca:
    """Orca with a debug log, its speech server writing to a file."""

    def __init__(self, work: Path):
        self.work = work
        self.log = work / "orca.debug"
        self._read = 0
        self._said = []
        self._configure_speech()
        self.window_manager = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.process = subprocess.Popen([sys.executable, "-c", LINE_BUFFERED_ORCA, "--debug-file", str(self.log)],
                                        stdout=open(work / "orca.out", "w"), stderr=subprocess.STDOUT)
        self.wait_for(lambda line: "Screen reader on" in line, 60, since=0, what="Orca to start")

    def _configure_speech(self):
        config = Path(os.environ["XDG_CONFIG_HOME"]) / "speech-dispatcher"
        (config / "modules").mkdir(parents=True, exist_ok=True)
        (self.work / "speechd-log").mkdir(exist_ok=True)
        spoken = self.work / "spoken.txt"
        # The null ALSA device: speech-dispatcher insists on an audio output it can open.
        (config / "speechd.conf").write_text(
            f'LogLevel 3\nLogDir "{self.work}/speechd-log"\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\n'
            'AddModule "silent" "sd_generic" "silent.conf"\nDefaultModule silent\n')
        (config / "modules" / "silent.conf").write_text(
            f"GenericExecuteSynth \"printf '%s\\\\n' \\'$DATA\\' >> {spoken}\"\n"
            'AddVoice "en" "MALE1" "silent"\nGenericLanguage "en" "en" "utf-8"\n')

    def utterances(self):
        """Everything Orca said so far; the log is read on from where the last call stopped."""
        if not self.log.exists():
            return list(self._said)
        with open(self.log, "rb") as log:
            log.seek(self._read)
            chunk = log.read()
        complete = chunk.rfind(b"\n") + 1  # a line still being written waits for the next call
        self._read += complete
        for line in chunk[:complete].decode("utf-8", errors="replace").splitlines():
            match = SPEECH.search(line)
            if match:
                self._said.append(match.group(1))
        return list(self._said)

    def mark(self):
        return len(self.utterances())

    def wait_for(self, predicate, timeout, since, what):
        deadline = time.time() + timeout
        while time.time() < deadline:
            said = self.utterances()[since:]
            for line in said:
                if predicate(line):
                    return line
            if self.process.poll() is not None:
                raise Failure(f"Orca exited ({self.process.returncode}) while waiting for {what}")
            time.sleep(0.25)
        raise Failure(f"Orca did not say {what} within {timeout} s; it said: {self.utterances()[since:]}")

    def said_since(self, since):
        return self.utterances()[since:]

    def stop(self):
        for process in (self.process, self.window_manager):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()


class App:
    def __init__(self, binary, args, work: Path, name):
        env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1", QT_QPA_PLATFORM="xcb")
        self.process = subprocess.Popen([binary, *args], env=env, stdout=open(work / f"{name}.out", "w"), stderr=subprocess.STDOUT)

    def check_running(self):
        if self.process.poll() is not None:
            raise Failure(f"snaption exited early with {self.process.returncode}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()


def keys(*sequence, pause=1.5):
    for key in sequence:
        subprocess.run(["xdotool", "key", key], check=True)
        time.sleep(pause)


def activate_main_window():
    # openbox leaves no window focused when Qt's file dialog closes (a desktop's window manager
    # gives the focus back to the main window): without this, the keys that follow go nowhere.
    subprocess.run(["xdotool", "search", "--sync", "--name", "^Snaption$", "windowactivate", "--sync"], check=True, timeout=30,
                   stdout=subprocess.DEVNULL)
    time.sleep(1.5)


def type_text(text):
    # Slowly: Qt holds each key until the accessibility bus has passed it to Orca and back.
    subprocess.run(["xdotool", "type", "--delay", "120", text], check=True)


def count(lines, text):
    return sum(line.count(text) for line in lines)


def cli(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


def prepare(cli_binary, work: Path):
    """A small trained model (its captions differ between images), two images with different
    captions, and a model file that is not one."""
    model_dir = work / "model"
    if not (model_dir / "best.safetensors").exists():
        cli(cli_binary, "train", "--data", "synthetic", "--preset", "synthetic-demo", "--epochs", "2", "--seed", "1", "--config",
            '{"synthetic": {"train": 600, "validation": 40, "test": 40}, "epoch_validation_images": 20}', "--out", str(model_dir))
    model = model_dir / "best.safetensors"
    cli(cli_binary, "synth", "--out", str(work / "images"), "--count", "8", "--seed", "5")
    images = sorted((work / "images").glob("*.png"))
    captions = cli(cli_binary, "caption", "--model", str(model), *map(str, images)).splitlines()
    first = (images[0], captions[0])
    second = next(((image, caption) for image, caption in zip(images, captions) if caption != first[1] and first[1] not in caption
                   and caption not in first[1]), None)
    if second is None:
        raise Failure(f"the test model gave the same caption to all images: {captions}")
    bad = work / "bad.safetensors"
    bad.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{\"not\": \"a model\"}")
    return model, first, second, bad


def check_said_once_after_the_dialog(said, caption):
    """The caption must be announced once. When the dialog closes Orca reads the window and its
    focused widget ("Snaption frame. Images. … 00003.png: caption"); on a busy machine it does
    so after the caption has arrived, and then that read holds the caption as well. The app
    cannot know what Orca read (README, "Accessibility"), so one occurrence inside that read is
    allowed; any other repetition fails."""
    where = [i for i, line in enumerate(said) if caption in line]
    frame = next((i for i, line in enumerate(said) if line.startswith("Snaption frame")), None)
    earlier = where[:-1]
    if not where or len(earlier) > 1 or (earlier and (frame is None or earlier[0] < frame)):
        raise Failure(f"the second caption was said {len(where)} times: {said}")
    if earlier:
        print(f"(Orca read the focused widget after the caption had come: {said[frame:where[-1]]})")


def check_caption_session(orca, binary, model, first, second, work):
    (image, caption), (image2, caption2) = first, second
    since = orca.mark()
    app = App(binary, ["--model", str(model), str(image)], work, "caption-session")
    try:
        orca.wait_for(lambda line: caption in line, 60, since, f"the caption {caption!r}")
        time.sleep(3)  # anything said twice would come now
        said = orca.said_since(since)
        if count(said, caption) != 1:
            raise Failure(f"the caption was said {count(said, caption)} times: {said}")
        print(f"caption ready: {[line for line in said if caption in line]}")

        words = caption.split()
        since = orca.mark()
        keys("alt+Right")
        line = orca.wait_for(lambda line: line.rstrip(".") == words[1], 10, since, f"the second word {words[1]!r}")
        print(f"Alt+Right: {line!r}")
        since = orca.mark()
        keys("ctrl+i")
        line = orca.wait_for(lambda line: "confidence" in line and "percent" in line, 10, since, "the word's confidence")
        if not line.startswith(f"{words[1]}, word 2 of {len(words)}"):
            raise Failure(f"Ctrl+I said {line!r}")
        print(f"Ctrl+I: {line!r}")

        since = orca.mark()
        keys("alt+p", pause=3)  # Ca&ption: the caption field
        said = orca.said_since(since)
        if count(said, caption) != 1 or not any(line.startswith("Caption: text") for line in said):
            raise Failure(f"focusing the caption field said: {said}")
        print(f"Alt+P: {said}")

        since = orca.mark()
        keys("ctrl+o", pause=2.5)
        orca.wait_for(lambda line: "Open Images" in line, 15, since, "the Open Images dialog")
        type_text(str(image2))
        time.sleep(1.5)
        keys("Return", pause=0.5)
        orca.wait_for(lambda line: caption2 in line, 60, since, f"the second image's caption {caption2!r}")
        time.sleep(3)
        said = orca.said_since(since)
        check_said_once_after_the_dialog(said, caption2)
        print(f"second image: {[line for line in said if caption2 in line]}")
        activate_main_window()

        since = orca.mark()
        keys("alt+t", pause=1.5)
        keys("alt+r", pause=0.5)  # Sta&rt
        line = orca.wait_for(lambda line: re.match(r"Epoch 1: BLEU-4 \d", line) is not None, 240, since, "the end of epoch 1")
        runs = sorted((Path(os.environ["XDG_DATA_HOME"]) / "snaption" / "training").glob("run-*/history.json"))
        if not runs:
            raise Failure("the training run wrote no history.json")
        epochs = json.loads(runs[-1].read_text())["epochs"]
        bleu4 = f"{epochs[0]['bleu4']:.3f}"
        if not line.startswith(f"Epoch 1: BLEU-4 {bleu4}"):
            raise Failure(f"Orca said {line!r}; history.json has BLEU-4 {bleu4} for epoch 1")
        print(f"epoch end: {line!r}")
        since = orca.mark()
        keys("ctrl+t")
        line = orca.wait_for(lambda line: "step" in line and "loss" in line, 10, since, "the training progress")
        print(f"Ctrl+T: {line!r}")
        keys("alt+o", pause=3)
    finally:
        app.stop()


def unsure_copy(model: Path, target: Path):
    """The model with a confidence calibration that marks every caption unsure (every mean log
    probability is below 0), written into its safetensors header as snaption-cli eval --calibrate
    would."""
    data = model.read_bytes()
    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + size])
    header.setdefault("__metadata__", {})["confidence_calibration"] = json.dumps({
        "measure": "mean_log_probability", "unsure_below": 0.0, "max_ratio": 0.5, "split": "dev", "decoding": "beam 3",
        "captions": 40, "unsure_share": 1.0, "confident_mean_cider_d": 0.0, "unsure_mean_cider_d": 0.0})
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    target.write_bytes(len(text).to_bytes(8, "little") + text + data[8 + size:])


def check_unsure_caption(orca, binary, model, first, work):
    image, caption = first
    unsure = work / "unsure.safetensors"
    unsure_copy(model, unsure)
    since = orca.mark()
    app = App(binary, ["--model", str(unsure), str(image)], work, "unsure-session")
    try:
        line = orca.wait_for(lambda line: f"Possibly: {caption}" in line, 60, since, f"'Possibly: {caption}'")
        time.sleep(3)
        said = orca.said_since(since)
        if count(said, f"Possibly: {caption}") != 1:
            raise Failure(f"the unsure caption was said {count(said, 'Possibly: ' + caption)} times: {said}")
        print(f"unsure caption: {line!r}")
    finally:
        app.stop()


def check_bad_model(orca, binary, bad, work):
    since = orca.mark()
    app = App(binary, ["--model", str(bad)], work, "bad-model-session")
    try:
        line = orca.wait_for(lambda line: f"Could not load {bad.name}" in line, 60, since, "the model error")
        time.sleep(3)
        said = orca.said_since(since)
        if count(said, f"Could not load {bad.name}") != 1:
            raise Failure(f"the error was said {count(said, 'Could not load')} times: {said}")
        if not any("Open a model file" in l for l in said):
            raise Failure(f"the focus did not go to 'Open a model file…': {said}")
        print(f"bad model: {line!r}")
    finally:
        app.stop()


def main():
    binary, cli_binary, work = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    for tool in ("orca", "xdotool", "openbox", "speech-dispatcher"):
        if shutil.which(tool) is None:
            skip(f"{tool} is not installed")
    # Orca runs once per user: a second one would not start, and --replace would take the user's away.
    if subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True).returncode == 0:
        skip("an Orca is already running for this user")
    work.mkdir(parents=True, exist_ok=True)
    model, first, second, bad = prepare(cli_binary, work)
    orca = Orca(work)
    try:
        check_caption_session(orca, binary, model, first, second, work)
        check_bad_model(orca, binary, bad, work)
        check_unsure_caption(orca, binary, model, first, work)
        return 0
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    finally:
        orca.stop()
        (work / "orca-transcript.txt").write_text("\n".join(orca.utterances()) + "\n")


if __name__ == "__main__":
    sys.exit(main())
