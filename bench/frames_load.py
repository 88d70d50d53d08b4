"""Times Dataset.from_frames with a large disbursements frame (the bulk C call).

    PERFBUDGET_LIBRARY=build/release/libperfbudget.so.1 \\
        /usr/bin/python3 bench/frames_load.py [ROWS]

Prints the rows, the seconds spent building the frame's columns and the
dataset (CPU time of this process: steady on a busy machine), and the
executed total as a check. Figures go in bench/README.md.
"""

import pathlib
import sys
import time
from decimal import Decimal

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bindings" / "python"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from perfbudget import Dataset  # noqa: E402


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    projects = 10_000
    units = pd.DataFrame({"id": [f"U{u:03d}" for u in range(100)],
                          "name": [f"单位{u}" for u in range(100)]})
    pids = [f"P{p:05d}" for p in range(projects)]
    projects_frame = pd.DataFrame({"id": pids, "unit": [f"U{p % 100:03d}" for p in range(projects)],
                                   "name": [f"项目{p}" for p in range(projects)]})
    funds = pd.DataFrame({"project": pids, "source": ["general_budget"] * projects,
                          "approved": [Decimal("1000000")] * projects})
    rng = np.random.default_rng(1)
    disbursements = pd.DataFrame({
        "project": np.array(pids, dtype=object)[rng.integers(0, projects, rows)],
        "date": pd.to_datetime("2022-01-01") + pd.to_timedelta(rng.integers(0, 365, rows), "D"),
        "source": ["general_budget"] * rows,
        "amount_fen": rng.integers(1, 10_000_00, rows, dtype=np.int64)})
    start = time.process_time()
    ds = Dataset.from_frames(fiscal_year=2022, units=units, projects=projects_frame, funds=funds,
                             disbursements=disbursements)
    seconds = time.process_time() - start
    assert ds.totals().executed == Decimal(int(disbursements["amount_fen"].sum())) / 100
    print(f"rows {rows}  from_frames {seconds:.2f} s CPU  "
          f"({rows / seconds / 1e6:.2f} M rows/s)  executed {ds.totals().executed}")


if __name__ == "__main__":
    main()
