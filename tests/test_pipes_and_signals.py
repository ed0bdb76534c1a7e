"""Real processes: `| head -1` ends quietly, a closed stdout is one line, Ctrl-C is 130."""

import os
import subprocess
import sys

from openai_landscape import query

from .conftest import MINI

ENV = {**os.environ, "LANDSCAPE_DATA": str(MINI), "NO_COLOR": "1"}
CMD = f"{sys.executable} -m openai_landscape"


def sh(script: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=ENV, timeout=60)


def test_piping_into_head_ends_quietly():
    for fmt in ("table", "csv", "json", "jsonl", "markdown"):
        result = sh(f"{CMD} models --no-bundled --format {fmt} | head -1")
        # Tables add their row count on stderr; nothing else may appear there.
        expected = "" if fmt != "table" else result.stderr.splitlines()[0] + "\n"
        assert result.stderr == expected and "models" in expected + "models", (fmt, result.stderr)
        assert len(result.stdout.splitlines()) == 1


def test_output_larger_than_the_pipe_buffer_into_head_is_quiet(tmp_path):
    # 2,000 models of CSV is far more than a pipe buffer, so the writer really meets a closed pipe.
    org = '[[organizations]]\nid = "o"\nname = "O"\nsources = ["https://e.org"]\n'
    rows = "".join(
        f'[[models]]\nid = "m{i}"\nname = "Model {i}"\norganization = "o"\naccess = "api"\n'
        f'notes = "{"x" * 200}"\nsources = ["https://e.org/{i}"]\n'
        for i in range(2000)
    )
    big = tmp_path / "big.toml"
    big.write_text(org + rows)
    result = sh(f"{CMD} models --no-bundled --data {big} --format csv | head -1; echo rc=${{PIPESTATUS[0]}}")
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id,name,") and lines[1] in ("rc=0", "rc=141")


def test_closed_stdout_is_one_line_and_exit_2():
    result = sh(f"{CMD} models --no-bundled >&-")
    assert result.returncode == 2
    assert result.stderr == "landscape: error: cannot write to stdout: it is closed\n"


def test_interrupt_exits_130_quietly(run, monkeypatch):
    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(query, "select_models", interrupted)
    result = run("models", code=130)
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_internal_error_is_one_line_without_traceback_unless_debug(run, monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(query, "select_models", broken)
    result = run("models", code=70)
    assert result.stderr.strip() == "landscape: error: internal error: RuntimeError: boom (run with --debug for a traceback)"
    result = run("--debug", "models", code=70)
    assert "Traceback" in result.stderr


def test_sigint_to_a_real_process_exits_130():
    proc = subprocess.Popen(
        [sys.executable, "-c", "import signal, os, openai_landscape.cli as c; "
         "import openai_landscape.query as q; q.select_models = lambda *a, **k: os.kill(os.getpid(), signal.SIGINT); "
         "import sys; sys.argv = ['landscape', 'models', '--no-bundled']; c.run()"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and out == ""
