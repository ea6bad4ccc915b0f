# Builds the result JSON of bench/run.sh from its --arg/--slurpfile inputs.
def by_name($list; $key): $list | map({key: .[$key], value: .}) | from_entries;
def med: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor]
         else ((.[length / 2 - 1] + .[length / 2]) / 2 | floor) end;
def ratio($a; $b): if ($b // 0) > 0 then ($a / $b * 1000 | round / 1000) else null end;

by_name($limits; "limit") as $lim
| ($scenarios | map(select(.scenario == "trivial")) | first // {rps: 0}) as $trivial
| {
    "get-order": "trivial endpoint",
    "list-orders": "pgbench list-orders",
    "create-order": "pgbench create-order",
    "add-item": "pgbench add-item",
    "transition": "pgbench transition",
    "mixed": "trivial endpoint"
  } as $limit_of
| ($scenarios | map(
    . as $s
    | ($limit_of[$s.scenario] // null) as $l
    | (if $l == "trivial endpoint" then $trivial.rps elif $l == null then null else ($lim[$l].rps // null) end) as $lrps
    | $s + {limit: $l, limit_rps: $lrps, ratio: ratio($s.rps; $lrps),
            ratio_to_trivial: (if $s.scenario == "trivial" then null else ratio($s.rps; $trivial.rps) end)})) as $rows
| by_name($rows; "scenario") as $row
| ($startup | map(.mode) | unique) as $modes
| ($modes | map({key: ., value: (. as $m | $startup | map(select(.mode == $m) | .ready_ms) | med)}) | from_entries) as $startup_ms
| ($modes | map({key: ., value: (. as $m | $startup | map(select(.mode == $m) | .cpu_ms) | med)}) | from_entries) as $startup_cpu
| ($rss / 1024 * 10 | round / 10) as $rss_mib
| ([$rows[] | .errors + .warmup_errors] | add // 0) as $all_errors
| {
    benchmark: "order-backend bench/run.sh (issue #8)",
    started_at: $started_at, finished_at: $finished_at,
    commit: $commit, working_tree_dirty: $dirty, jar: $jar, jar_sha256_prefix: $jar_sha,
    machine: {
      nproc: $nproc, cpu_model: $cpu, memory: $mem, kernel: $kernel, java: $java,
      postgresql: $pg, postgresql_settings: $pg_settings, redis: $redis, wrk: $wrk,
      load_average_at_start: $load,
      shared: "wrk, PostgreSQL, Redis and the app share these cores; other work on the machine is not stopped"
    },
    settings: {
      duration_s: $duration, warmup_s: $warmup, jit_warmup_s: $jit_warmup, pgbench_duration_s: $pg_duration,
      connections: $connections, wrk_threads: $threads,
      quick: ($quick == 1), jvm_opts: $jvm_opts,
      data: {users: $users, bench_users: $bench_users, orders_per_bench_user: $per_user, volume_orders: $orders,
             hot_orders_per_bench_user: $hot, transition_orders_per_bench_user: $fresh,
             add_item_orders_per_bench_user: $additem},
      seed_seconds: $seed_s,
      rate_limit: "RATELIMIT_DEFAULT=100000000/hour (Redis bucket taken on every /api request, never refuses)"
    },
    startup: {
      runs: $startup, median_ready_ms: $startup_ms, median_cpu_ms: $startup_cpu,
      default_mode: $best_mode, first_start_with_migration_ms: $first_start
    },
    rss_mib_at_end: $rss_mib, rss_peak_mib: ($hwm / 1024 * 10 | round / 10),
    rss_anon_mib_at_end: ($rss_anon / 1024 * 10 | round / 10), rss_file_mib_at_end: ($rss_file / 1024 * 10 | round / 10),
    scenarios: $rows,
    limits: $limits,
    targets: [
      {target: "create-order / pgbench same SQL", threshold: ">= 0.6",
       value: $row["create-order"].ratio, met: (($row["create-order"].ratio // 0) >= 0.6)},
      {target: "get-order (cache hit) / trivial endpoint", threshold: ">= 0.5",
       value: $row["get-order"].ratio, met: (($row["get-order"].ratio // 0) >= 0.5)},
      {target: "list-orders p99 (ms)", threshold: "<= 25",
       value: $row["list-orders"].latency_ms.p99, met: (($row["list-orders"].latency_ms.p99 // 1e9) <= 25)},
      {target: "mixed p99 (ms)", threshold: "<= 30",
       value: $row["mixed"].latency_ms.p99, met: (($row["mixed"].latency_ms.p99 // 1e9) <= 30)},
      {target: "errors in any scenario", threshold: "0", value: $all_errors, met: ($all_errors == 0)},
      {target: "RSS after all scenarios (MiB)", threshold: "<= 450", value: $rss_mib, met: ($rss_mib <= 450)},
      {target: "start-up to ready, median (ms)", threshold: "<= 3000",
       value: $startup_ms[$best_mode], met: (($startup_ms[$best_mode] // 1e9) <= 3000)}
    ]
  }
