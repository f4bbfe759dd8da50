#!/usr/bin/env python3
"""Per-country sums of Epoch AI's GPU-clusters table, computed without the crate.

Reads tests/data/epoch-gpu-clusters-2025.csv with Python's csv module and prints, per
`Country` cell as Epoch AI writes it (empty: no country stated), the number of rows, the sum
of the chip quantities (primary + secondary, Epoch AI counts them per GPU) and the sum of the
`16-bit OP/s` column with the number of rows that give it; then the same rows and GPUs over
the rows counted once: a row whose `Superseded by` or `Possible Duplicate Of` names exactly
one other row, or lists names each of exactly one other row ("A,B"), is left out (names
compared with case and runs of white space folded), as the later or original row stands for
it. Rows are summed in table order.

A chip quantity is a whole number; one within float noise of a whole number (relative
difference below 1e-9, e.g. "30000.000000000004") counts as that number. Anything else stops
the script.

The expected figures of tests/epoch_whole_table.rs were printed by this script:

    python3 tests/data/epoch_whole_table_sums.py
"""

import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "epoch-gpu-clusters-2025.csv")


def whole(cell):
    x = float(cell.replace(",", ""))
    n = round(x)
    if n == x or (n > 0 and abs(x - n) / n < 1e-9):
        return int(n)
    sys.exit(f"not a whole number: {cell!r}")


def main():
    with open(TABLE, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fold = lambda name: " ".join(name.split()).lower()
    names = {}
    for r in rows:
        names[fold(r["Name"])] = names.get(fold(r["Name"]), 0) + 1

    def names_one_row(target, r):
        return bool(target) and names.get(target) == 1 and target != fold(r["Name"])

    def linked(r):
        for column in ("Superseded by", "Possible Duplicate Of"):
            cell = r[column]
            if names_one_row(fold(cell), r):
                return True
            # A list of names ("A,B"), each of one other row.
            parts = [fold(p) for p in cell.split(",")]
            if len(parts) > 1 and all(names_one_row(p, r) for p in parts):
                return True
        return False

    sums = {}
    for r in rows:
        country = r["Country"].strip()
        s = sums.setdefault(
            country,
            {"rows": 0, "gpus": 0, "ops16": 0.0, "ops16_rows": 0, "once": 0, "once_gpus": 0},
        )
        s["rows"] += 1
        once = not linked(r)
        s["once"] += once
        for column in ("Chip quantity (primary)", "Chip quantity (secondary)"):
            cell = r[column].strip()
            if cell:
                s["gpus"] += whole(cell)
                if once:
                    s["once_gpus"] += whole(cell)
        cell = r["16-bit OP/s"].strip()
        if cell:
            s["ops16"] += float(cell)
            s["ops16_rows"] += 1
    print(f"// {len(rows)} rows")
    print(
        "// (country as Epoch AI writes it, rows, GPUs, 16-bit OP/s, rows with 16-bit OP/s,"
        " rows counted once, their GPUs)"
    )
    for country in sorted(sums, key=lambda c: (c == "", c)):
        s = sums[country]
        print(
            f'    ("{country}", {s["rows"]}, {s["gpus"]}, {s["ops16"]!r}, {s["ops16_rows"]},'
            f' {s["once"]}, {s["once_gpus"]}),'
        )


if __name__ == "__main__":
    main()
