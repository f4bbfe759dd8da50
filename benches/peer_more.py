#!/usr/bin/env python3
"""The other two questions of the side-by-side comparison, asked of polars (2 threads) on the
crate's own flat export (`cargo bench --features csv --bench side_by_side -- N DIR` writes
DIR/flat.csv), beside `../shared/tools/peer_flat.py`'s GPUs by host country:

- FP4 dense peak by host country (lower, central, upper; counted rows only), the crate's
  `Query::new().group_by(HostCountry).run(&r, Compute::peak(Fp4, Dense))`;
- GPUs by host country at 28 quarter starts 2023-01-01 .. 2029-10-01 under the committed
  reading (a phase counts from the last day its online date allows until its end), the
  crate's `series(&r, Gpus, Scenario::Committed, &points)`; one filter and group-by per
  point, as a polars user would write it.

Prints median-of-7 times in ms. Usage: peer_more.py FLAT.csv
"""
import datetime, os, statistics, sys, time
os.environ.setdefault("POLARS_MAX_THREADS", "2")
import polars as pl

path = sys.argv[1]
def med(fn, k=7):
    ts = []
    for _ in range(k):
        t = time.perf_counter(); r = fn(); ts.append((time.perf_counter() - t) * 1e3)
    return statistics.median(ts), r

cols = ["host_country", "status", "superseded_by", "duplicate_of", "online_latest", "end",
        "gpus_lower", "gpus_central", "gpus_upper",
        "fp4_dense_pflops_lower", "fp4_dense_pflops_central", "fp4_dense_pflops_upper"]
df = pl.read_csv(path, columns=cols, schema_overrides={
    "superseded_by": pl.Utf8, "duplicate_of": pl.Utf8, "end": pl.Utf8, "online_latest": pl.Utf8,
    "gpus_upper": pl.Int64, "gpus_lower": pl.Int64, "gpus_central": pl.Int64,
    "fp4_dense_pflops_lower": pl.Float64, "fp4_dense_pflops_central": pl.Float64,
    "fp4_dense_pflops_upper": pl.Float64})
df = df.with_columns(pl.col("online_latest").str.to_date(strict=False),
                     pl.col("end").str.to_date(strict=False))
counted = (pl.col("superseded_by").is_null() & pl.col("duplicate_of").is_null()
           & ~pl.col("status").is_in(["cancelled", "superseded"]))

def fp4():
    return (df.filter(counted).group_by("host_country")
              .agg(pl.col("fp4_dense_pflops_lower").sum(), pl.col("fp4_dense_pflops_central").sum(),
                   pl.col("fp4_dense_pflops_upper").sum()))
ms, _ = med(fp4)
print(f"polars fp4_dense_by_country_ms={ms:.2f} threads={pl.thread_pool_size()}")

points = [datetime.date(2023 + q // 4, 1 + 3 * (q % 4), 1) for q in range(28)]
def series():
    base = df.filter(counted)
    out = []
    for day in points:
        live = base.filter((pl.col("online_latest") <= day)
                           & (pl.col("end").is_null() | (pl.col("end") > day)))
        out.append(live.group_by("host_country")
                       .agg(pl.col("gpus_lower").sum(), pl.col("gpus_central").sum(),
                            pl.col("gpus_upper").sum()))
    return out
ms, _ = med(series)
print(f"polars gpus_by_country_28_quarters_ms={ms:.2f}")
