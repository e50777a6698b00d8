"""`planpress serve` as a subprocess for the preview and editor suites."""
import os, pathlib, shutil, signal, subprocess, time

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


def serve_copy(tmp, *args, ready="редактор: "):
    """`planpress serve` (editor on) on a copy of the repository's Content/ and Templates/ in `tmp`,
    under /plany/ on a free port; yields the addresses and folders, and stops the server after."""
    from nginx_server import free_port
    shutil.copytree(REPO / "Content", tmp / "Content")
    shutil.copytree(REPO / "Templates", tmp / "Templates")
    port = free_port()
    process, _ = start_serve(["--content", str(tmp / "Content"), "--templates", str(tmp / "Templates"), *args,
                              "--port", str(port), "--base-url", f"http://127.0.0.1:{port}/plany/"], ready=ready)
    yield {"origin": f"http://127.0.0.1:{port}", "site": f"http://127.0.0.1:{port}/plany/",
           "edit": f"http://127.0.0.1:{port}/_edit/", "content": tmp / "Content", "tmp": tmp}
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
