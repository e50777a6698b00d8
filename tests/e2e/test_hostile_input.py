"""The release binary when things happen at once, when the system fails and on
hostile input (docs/reliability.md): two builds into one folder, an unreadable
folder with real permissions, the Markdown bracket bomb, a killed preview."""
import hashlib, os, pathlib, shutil, signal, subprocess, tempfile, time

import pytest

from conftest import REPO
from serve_process import start_serve

BINARY = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))


def tree(folder):
    """Every file below `folder` with the SHA-256 of its bytes, and every folder."""
    seen = {}
    for path, folders, names in os.walk(folder):
        for name in folders:
            seen[os.path.relpath(os.path.join(path, name), folder)] = "<dir>"
        for name in names:
            full = os.path.join(path, name)
            seen[os.path.relpath(full, folder)] = hashlib.sha256(pathlib.Path(full).read_bytes()).hexdigest()
    return seen


def build(content, output, *extra):
    return subprocess.run([BINARY, "build", "--content", str(content), "--templates", str(REPO / "Templates"),
                           "--output", str(output), *extra], capture_output=True, text=True, timeout=600)


def content_copy(folder, title=None):
    shutil.copytree(REPO / "Content", folder)
    if title:
        site = folder / "site.yaml"
        lines = site.read_text(encoding="utf-8").splitlines()
        lines = [f'title: "{title}"' if line.startswith("title:") else line for line in lines]
        site.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_two_builds_at_once(tmp_path):
    """Two `planpress build` of different sites into one folder at the same moment, five times:
    both succeed, and the folder is always exactly one of the two sites (it used to be a mix in
    10 of 10 tries); a build that had to wait said so."""
    first, second = content_copy(tmp_path / "a"), content_copy(tmp_path / "b", title="Другий сайт")
    references = []
    for name, content in (("ref-a", first), ("ref-b", second)):
        result = build(content, tmp_path / name)
        assert result.returncode == 0, result.stderr
        references.append(tree(tmp_path / name))
    assert references[0] != references[1]
    output = tmp_path / "Public"
    waited = 0
    for _ in range(5):
        processes = [subprocess.Popen([BINARY, "build", "--content", str(content), "--templates", str(REPO / "Templates"),
                                       "--output", str(output)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for content in (first, second)]
        outputs = [process.communicate(timeout=600) for process in processes]
        for process, (out, err) in zip(processes, outputs):
            assert process.returncode == 0, out + err
            waited += "чекаю, доки він закінчить" in out
        assert tree(output) in references
    print(f"a build waited for the other in {waited} of 5 rounds")


def test_unreadable_updates_fail_as_an_unprivileged_user():
    """`chmod 000 Content/updates` for real: `check` and `build` fail naming the folder and the
    reason (they used to exit 0 and publish a site without its updates). Run as `nobody` when the
    tests run as root (root reads the folder whatever its mode)."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="planpress-unreadable-", dir="/tmp"))
    try:
        os.chmod(root, 0o777)
        content = content_copy(root / "Content")
        templates = shutil.copytree(REPO / "Templates", root / "Templates")
        for path, folders, names in os.walk(root):
            for name in folders + names:
                os.chmod(os.path.join(path, name), 0o755 if os.path.isdir(os.path.join(path, name)) else 0o644)
        binary = root / "planpress"
        shutil.copy2(BINARY, binary)
        os.chmod(content / "updates", 0o000)
        prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
        for command in (["check"], ["build", "--output", str(root / "Public")]):
            result = subprocess.run(prefix + [str(binary), *command, "--content", str(content), "--templates", str(templates)],
                                    capture_output=True, text=True, timeout=600, cwd=root, env={"PATH": "/usr/bin:/bin", "HOME": str(root)})
            assert result.returncode == 1, result.stdout + result.stderr
            assert f"{content}/updates: помилка: не вдається переглянути вміст папки (Permission denied, EACCES)" in result.stderr, result.stderr
        assert not (root / "Public").exists()
    finally:
        os.chmod(root / "Content" / "updates", 0o755)
        shutil.rmtree(root)


def test_markdown_bomb_is_refused_quickly(tmp_path):
    """`![[]()` × 100,000 made `check` take 33 s; × 3,000 in one paragraph (18 KB) a few seconds.
    Both are refused before cmark sees them. 60 s is a hang limit, not a timing."""
    content = content_copy(tmp_path / "Content")
    front = "---\ntitle: \"Бомба\"\ndate: 2026-01-10\n---\n"
    (content / "updates" / "bomb-large.md").write_text(front + "![[]()" * 100_000 + "\n", encoding="utf-8")
    (content / "updates" / "bomb-small.md").write_text(front + "Абзац.\n\n" + "![[]()" * 3_000 + "\n", encoding="utf-8")
    result = subprocess.run([BINARY, "check", "--content", str(content), "--templates", str(REPO / "Templates"), "--lang", "en"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "bomb-large.md:5:1: error: the text is too large for one page: 586 KB, at most 256 KB" in result.stderr, result.stderr
    assert "bomb-small.md:7:1: error: one paragraph has 3000 image openers" in result.stderr, result.stderr


def test_a_killed_preview_leaves_no_folder_behind(tmp_path, monkeypatch):
    """`kill -9` of `planpress serve` cannot remove its 60–80 MB build folder; the next `serve`
    removes it when it starts (and never a running preview's)."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    args = ["--content", str(REPO / "Content"), "--templates", str(REPO / "Templates"), "--port", "0", "--no-editor"]
    killed, _ = start_serve(args)
    running = None
    try:
        leftovers = [p for p in tmp_path.iterdir() if p.name.startswith("planpress-preview-")]
        assert len(leftovers) == 1
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=60)
        assert leftovers[0].exists()
        running, lines = start_serve(args)
        assert any("тимчасову папку попередніх переглядів" in line for line in lines), "".join(lines)
        assert not leftovers[0].exists()
        # The running preview's own folder is kept by a third one.
        third, _ = start_serve(args)
        third.send_signal(signal.SIGINT)
        third.wait(timeout=60)
        assert len([p for p in tmp_path.iterdir() if p.name.startswith("planpress-preview-")]) == 1
    finally:
        for process in (killed, running):
            if process and process.poll() is None:
                process.send_signal(signal.SIGINT)
                process.wait(timeout=60)
