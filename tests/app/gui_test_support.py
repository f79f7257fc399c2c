"""Shared by the GUI end-to-end scripts (clipboard_watch.py, screen_capture.py): waiting for a
condition, and the JSON lines the stand-in services record."""
import json
import time


class Failure(Exception):
    pass


def read_jsonl(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise Failure(f"no {what} within {seconds} s")
