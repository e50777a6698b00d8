"""`planpress serve` as a subprocess for the preview and editor suites."""
import os, pathlib, subprocess, time

REPO = pathlib.Path(__file__).resolve().parents[2]


def start_serve(args, ready="перегляд: ", preexec_fn=None):
    """Starts `planpress serve ARGS` and reads its output up to the line starting
    with `ready` (the Ukrainian default «перегляд: URL (зібрано в …)»); returns the process and the lines read."""
    binary = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
    process = subprocess.Popen([binary, "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               preexec_fn=preexec_fn)
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith(ready):
            break
    assert lines and lines[-1].startswith(ready), "".join(lines)
    return process, lines


def wait(condition, seconds=90, what="condition"):
    """Waits for the preview's own thread (a rebuild); the limit only stops a hang."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")
