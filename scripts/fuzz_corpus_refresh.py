#!/usr/bin/env python3
"""Refreshes a target's seed corpus (fuzz/corpus/<target>) from a long run's
corpus, within a byte budget (docs/testing.md, "Refreshing the corpus").

    scripts/fuzz_corpus_refresh.py BINARY TARGET WORK_DIR [--budget BYTES]

BINARY is the target's libFuzzer binary (build/fuzz/fuzz/fuzz_<target>),
WORK_DIR the corpus a long run grew (build/fuzz/fuzz-corpus/<target>).
libFuzzer's merge (-merge=1 with a control file) runs every input of the
repo's corpus and of WORK_DIR and records the coverage features each adds
to those run before it (the repo's first, then the others smallest first).
The repo's inputs are all kept; then, greedily, the input that adds the most
features not yet covered per byte (plus 512 bytes a file, so that a crowd of
tiny inputs does not win) is added, until no input adds any, --max-files
have been added (default 40), or the corpus would pass the budget (default
150,000 bytes: CI's 30 s a target must get through the corpus). New files are named by their SHA-1, as libFuzzer
names them. Prints what it added and the features covered before and after.
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile


def read_control(path):
    """Maps each input file to its set of features, from a merge control
    file: the file list after the two counts, then STARTED/FT lines."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    n_files = int(lines[0])
    files = lines[2:2 + n_files]
    features = {}
    for line in lines[2 + n_files:]:
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "FT":
            features[files[int(parts[1])]] = set(int(x) for x in parts[2:])
    return features


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("target")
    ap.add_argument("work_dir")
    ap.add_argument("--budget", type=int, default=150_000)
    ap.add_argument("--max-files", type=int, default=40)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    seeds = os.path.join(root, "fuzz", "corpus", args.target)
    with tempfile.TemporaryDirectory() as tmp:
        # The seeds first (a copy: a merge writes into its first folder),
        # so that they are run first: libFuzzer records for each input only
        # the features no input run before it had (the others by size,
        # smallest first), so a long run's input is credited with what it
        # adds to the seeds and to the smaller inputs.
        control = os.path.join(tmp, "control")
        first = os.path.join(tmp, "seeds")
        shutil.copytree(seeds, first)
        env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
        subprocess.run([args.binary, "-merge=1", "-merge_control_file=" + control,
                        "-rss_limit_mb=2048", "-timeout=60", first, args.work_dir],
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        features = read_control(control)
        in_seeds = {p: fs for p, fs in features.items() if os.path.dirname(p) == first}
        candidates = {p: fs for p, fs in features.items() if os.path.dirname(p) != first}
        return choose(args, seeds, in_seeds, candidates)


def choose(args, seeds, in_seeds, candidates):
    covered = set().union(*in_seeds.values()) if in_seeds else set()
    before = len(covered)
    size = sum(os.path.getsize(os.path.join(seeds, f)) for f in os.listdir(seeds))
    added = []
    while candidates and len(added) < args.max_files:
        def gain(item):
            path, fs = item
            return len(fs - covered) / (os.path.getsize(path) + 512)
        path, fs = max(candidates.items(), key=gain)
        new = len(fs - covered)
        del candidates[path]
        if new == 0:
            break
        nbytes = os.path.getsize(path)
        if size + nbytes > args.budget:
            continue  # a smaller one may still fit
        with open(path, "rb") as f:
            data = f.read()
        name = hashlib.sha1(data).hexdigest()
        dest = os.path.join(seeds, name)
        if not os.path.exists(dest):
            shutil.copyfile(path, dest)
            size += nbytes
            added.append((name, nbytes, new))
        covered |= fs
    for name, nbytes, new in added:
        print(f"added {name} ({nbytes} bytes, {new} new features)")
    print(f"{args.target}: {len(added)} inputs added; features {before} -> {len(covered)}; "
          f"corpus {size} bytes in {len(os.listdir(seeds))} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
