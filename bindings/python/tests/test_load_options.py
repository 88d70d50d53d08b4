"""pytest: Dataset.load's options (threads, max_errors, max_file_bytes,
max_depth) over pfb_dataset_load_with_options: the same dataset and the same
errors for any thread count, and the checks of each option."""

import pytest

from perfbudget import Dataset
from perfbudget import errors as E


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """A synthesized year as CSV; its disbursements (~66,000 rows, over
    2 MiB) are read in chunks. One indicator a goal keeps it quick under the
    sanitizers; the C++ tests try many thread counts and chunk sizes, these
    that the options reach the library."""
    folder = tmp_path_factory.mktemp("threads") / "year"
    with Dataset.synth(seed=7, units=40, projects=6000, indicators_per_goal=1,
                      disbursements_per_project=11) as ds:
        ds.write_csv(folder)
    return folder


def outcome(folder, **options):
    try:
        with Dataset.load(folder, **options) as ds:
            return ds.to_json(compact=True)
    except E.InvalidArgumentError as e:
        return (e.message, [str(d) for d in e.diagnostics], e.dropped)


def test_same_dataset_for_any_thread_count(year):
    one = outcome(year, threads=1)
    assert isinstance(one, str) and '"disbursements"' in one
    for threads in (3, None):
        assert outcome(year, threads=threads) == one, threads


def test_same_errors_for_any_thread_count(tmp_path, year):
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in year.iterdir():
        (broken / f.name).write_bytes(f.read_bytes())
    with open(broken / "disbursements.csv", "a", encoding="utf-8") as f:
        f.write("V-bad,P-nope,2022-13-45,general_budget,abc\n")
    with open(broken / "projects.csv", "a", encoding="utf-8") as f:
        f.write('"P-x"y,U01\n')
    for max_errors in (1, 100):
        one = outcome(broken, threads=1, max_errors=max_errors)
        assert isinstance(one, tuple), one
        assert len(one[1]) == min(max_errors, 3)
        assert outcome(broken, threads=3, max_errors=max_errors) == one


def test_option_checks(year):
    with pytest.raises(ValueError):
        Dataset.load(year, threads=-1)
    with pytest.raises(ValueError):
        Dataset.load(year, threads=1 << 32)
    with pytest.raises(TypeError):
        Dataset.load(year, threads=1.5)
    with pytest.raises(ValueError):
        Dataset.load(year, max_errors=0)
    with pytest.raises(E.InvalidArgumentError):
        Dataset.load(year, max_file_bytes=(4 << 30) + 1)
    with pytest.raises(E.InvalidArgumentError):
        Dataset.load(year, max_depth=1025)
    # A limit that holds is a located problem of the input.
    with pytest.raises(E.InvalidArgumentError) as e:
        Dataset.load(year, max_file_bytes=1000)
    assert e.value.diagnostics and e.value.diagnostics[0].file.endswith(".csv")
