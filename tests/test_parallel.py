"""The helper process changes how long a cold load takes, never what it gives."""

import os
import sys
import threading
from pathlib import Path

import pytest

from openai_landscape import catalog, parallel
from openai_landscape.catalog import check

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate import generate  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper process is used on Linux only")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synth")
    generate(400, root)
    return root


@pytest.fixture
def forks(monkeypatch):
    """Count helper processes started, with the size floor lowered so small data forks too."""
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)  # a one-core runner still forks
    monkeypatch.delenv(parallel.ENV_SERIAL, raising=False)
    started = Started()
    real = parallel.start

    def counting(work, size):
        helper = real(work, size)
        started.append(helper)
        return helper

    monkeypatch.setattr(parallel, "start", counting)
    answers = []
    real_result = parallel.Helper.result

    def recording(self):
        answer = real_result(self)
        answers.append(answer)
        return answer

    monkeypatch.setattr(parallel.Helper, "result", recording)
    started.answers = answers
    return started


class Started(list):
    answers: list


def everything(cat):
    return (
        list(cat.models.texts),
        cat.models.columns,
        {name: dict(cat.section(name)) for name in catalog.SECTION_NAMES if name != "models"},
        cat.info,
        cat.origins,
    )


def serial(paths, bundled=False):
    os.environ[parallel.ENV_SERIAL] = "1"
    try:
        return check(paths, bundled=bundled)
    finally:
        del os.environ[parallel.ENV_SERIAL]


def assert_no_child_left():
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@pytest.mark.parametrize("bundled", [False, True])
def test_a_load_with_the_helper_gives_exactly_what_a_load_without_gives(synthetic, forks, bundled):
    cat, problems = check([synthetic], bundled=bundled)
    assert forks and forks[0] is not None
    (ids, texts, _), = forks.answers  # the child's texts were taken, not rewritten
    assert len(ids) == len(texts) > 100 and list(cat.models.texts)[-len(texts) :] == texts
    expected, expected_problems = serial([synthetic], bundled=bundled)
    assert everything(cat) == everything(expected)
    assert [str(p) for p in problems] == [str(p) for p in expected_problems]
    assert_no_child_left()


def test_problems_in_the_data_are_the_same_with_the_helper(synthetic, forks, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('[[models]]\nid = "model-3"\nparams_b = -1\n\n[[models]]\nid = "new"\nname = "New"\norganization = "nobody"\naccess = "api"\nsources = ["https://example.com/n"]\n')
    cat, problems = check([synthetic, broken], bundled=False)
    assert forks[0] is not None
    expected, expected_problems = serial([synthetic, broken])
    assert problems and [str(p) for p in problems] == [str(p) for p in expected_problems]
    assert everything(cat) == everything(expected)


@pytest.mark.parametrize(
    "failure",
    ["raises", "dies", "answers for other models", "answers garbage"],
)
def test_a_failing_helper_only_means_the_parent_does_the_work(synthetic, forks, monkeypatch, failure):
    def work(inputs, today):
        if failure == "raises":
            raise RuntimeError("helper broke")
        if failure == "dies":
            os._exit(3)
        if failure == "answers for other models":
            return ["not-a-model"], ["{}"], [True]
        return "garbage"

    monkeypatch.setattr(catalog, "_helper_work", work)
    cat, _ = check([synthetic], bundled=False)
    assert forks[0] is not None
    assert everything(cat) == everything(serial([synthetic])[0])
    assert_no_child_left()


def test_a_parent_failing_mid_load_leaves_no_helper_behind(synthetic, forks, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(catalog, "model_rows", broken)
    with pytest.raises(KeyboardInterrupt):
        check([synthetic], bundled=False)
    assert forks[0] is not None
    assert_no_child_left()


def test_no_helper_for_small_data_one_core_while_threads_run_or_when_asked_not_to(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    assert not parallel.worthwhile(parallel.MIN_BYTES)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    assert not parallel.worthwhile(parallel.MIN_BYTES - 1)
    assert not parallel.worthwhile(parallel.MAX_BYTES + 1)
    monkeypatch.setenv(parallel.ENV_SERIAL, "1")
    assert not parallel.worthwhile(parallel.MIN_BYTES)
    monkeypatch.delenv(parallel.ENV_SERIAL)
    assert parallel.worthwhile(parallel.MIN_BYTES)
    stop = threading.Event()
    spinner = threading.Thread(target=stop.wait)
    spinner.start()
    try:
        assert not parallel.worthwhile(parallel.MIN_BYTES)
    finally:
        stop.set()
        spinner.join()
