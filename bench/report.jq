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
    "search": "pgbench search",
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
| (([$rows[] | .errors + .warmup_errors] | add // 0) + ([$soak[] | .errors] | add // 0)) as $all_errors
| (if ($soak | length) >= 3 then {second: $soak[1], last: $soak[-1]} else null end) as $soak_ends
| by_name($overload; "run") as $ovl
| ($overload | map(select(.script == "create-order" and .connections != 1024)) | first) as $ovl_base
| $ovl["create-order@1024"] as $ovl_high
# a refusal's app CPU: what the overloaded run spent beyond its served requests at the cost they have
# without overload (create-order at 32 connections; mixed in the mixed scenario)
| def refusal_us($run; $served_us):
    if $run == null or $served_us == null or ($run.answers.unavailable + $run.answers.rate_limited) == 0 then null
    else (($run.app_ms * 1000 - $run.answers.ok * $served_us)
          / ($run.answers.unavailable + $run.answers.rate_limited) | round) end;
  (if $ovl_base == null then null else ($ovl_base.app_ms * 1000 / ([$ovl_base.answers.ok, 1] | max)) end) as $create_us
| refusal_us($ovl_high; $create_us) as $refusal_create_us
| refusal_us($ovl["mixed@1024"]; $row["mixed"].cpu.app_us_per_request) as $refusal_mixed_us
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
    read_replica: (if $row["list-orders-replica"] then {
      without_rps: $row["list-orders-primary"].rps, with_rps: $row["list-orders-replica"].rps,
      ratio: ratio($row["list-orders-replica"].rps; $row["list-orders-primary"].rps),
      without_p99_ms: $row["list-orders-primary"].latency_ms.p99, with_p99_ms: $row["list-orders-replica"].latency_ms.p99
    } else null end),
    export: $export,
    rss_mib_at_end: $rss_mib, rss_peak_mib: ($hwm / 1024 * 10 | round / 10),
    rss_anon_mib_at_end: ($rss_anon / 1024 * 10 | round / 10), rss_file_mib_at_end: ($rss_file / 1024 * 10 | round / 10),
    scenarios: $rows,
    limits: $limits,
    soak: {
      runs: $soak,
      throughput_last_to_second: (if $soak_ends then ratio($soak_ends.last.rps; $soak_ends.second.rps) else null end),
      p99_last_to_second: (if $soak_ends then ratio($soak_ends.last.p99_ms; $soak_ends.second.p99_ms) else null end)
    },
    overload: {
      runs: $overload,
      refusal_app_us: {create_order_at_1024: $refusal_create_us, mixed_at_1024: $refusal_mixed_us},
      served_read_app_us: $row["get-order"].cpu.app_us_per_request
    },
    targets: [
      {target: "get-order (cache hit) / trivial endpoint", threshold: ">= 0.5",
       value: $row["get-order"].ratio, met: (($row["get-order"].ratio // 0) >= 0.5)},
      {target: "Redis commands per cached get-order", threshold: "<= 1",
       value: $row["get-order"].per_request.redis.commands_per_request,
       met: (($row["get-order"].per_request.redis.commands_per_request // 1e9) <= 1)},
      {target: "create-order / pgbench same SQL", threshold: ">= 0.7",
       value: $row["create-order"].ratio, met: (($row["create-order"].ratio // 0) >= 0.7)},
      {target: "add-item / pgbench same SQL", threshold: ">= 0.5",
       value: $row["add-item"].ratio, met: (($row["add-item"].ratio // 0) >= 0.5)},
      {target: "transition / pgbench same SQL", threshold: ">= 0.5",
       value: $row["transition"].ratio, met: (($row["transition"].ratio // 0) >= 0.5)},
      {target: "list-orders / pgbench same SQL", threshold: ">= 0.8",
       value: $row["list-orders"].ratio, met: (($row["list-orders"].ratio // 0) >= 0.8)},
      (["list-orders", "create-order", "add-item", "transition"][] as $s
       | ratio($row[$s].latency_ms.p99; ($lim["pgbench " + $s].latency_ms.p99 // null)) as $r
       | {target: "\($s) p99 / pgbench p99", threshold: "<= 2", value: $r, met: (($r // 1e9) <= 2)}),
      {target: "soak: throughput last run / second run", threshold: ">= 0.8",
       value: (if $soak_ends then ratio($soak_ends.last.rps; $soak_ends.second.rps) else null end),
       met: ((if $soak_ends then ratio($soak_ends.last.rps; $soak_ends.second.rps) else 0 end // 0) >= 0.8)},
      {target: "soak: p99 last run / second run", threshold: "<= 1.5",
       value: (if $soak_ends then ratio($soak_ends.last.p99_ms; $soak_ends.second.p99_ms) else null end),
       met: ((if $soak_ends then ratio($soak_ends.last.p99_ms; $soak_ends.second.p99_ms) else 1e9 end // 1e9) <= 1.5)},
      {target: "errors in any scenario", threshold: "0", value: $all_errors, met: ($all_errors == 0)},
      (([$export[] | .errors] | add // 0) as $e
       | {target: "export: failed downloads", threshold: "0", value: $e, met: ($e == 0)}),
      (ratio($ovl_high.goodput; $ovl_base.goodput) as $r
       | {target: "overload: goodput at 1,024 connections / at \($ovl_base.connections // "—")", threshold: ">= 0.8",
          value: $r, met: (($r // 0) >= 0.8)}),
      (ratio($ovl_high.accepted_latency_ms.p99; $ovl_base.accepted_latency_ms.p99) as $r
       | {target: "overload: p99 of accepted requests at 1,024 / at \($ovl_base.connections // "—")", threshold: "<= 3",
          value: $r, met: (($r // 1e9) <= 3)}),
      (([$overload[] | .other_errors + .socket_errors + (.lost_acknowledged_orders // 0)] | add // 0) as $e
       | {target: "overload: errors other than 503/429, lost acknowledged orders", threshold: "0", value: $e,
          met: ($e == 0)}),
      (ratio($refusal_create_us; $row["get-order"].cpu.app_us_per_request) as $r
       | {target: "overload: app CPU of a refusal / of a served cached read", threshold: "<= 0.1", value: $r,
          met: (($r // 1e9) <= 0.1)}),
      {target: "RSS after all scenarios (MiB)", threshold: "<= 400", value: $rss_mib, met: ($rss_mib <= 400)},
      {target: "start-up to ready as the image starts it (aot), 2 cores, median (ms)", threshold: "<= 2000",
       value: $startup_ms.aot, met: (($startup_ms.aot // 1e9) <= 2000)},
      {target: "start-up to ready as the image starts it, half a core (ms)", threshold: "<= 6000",
       value: $startup_ms["aot@half"], met: (($startup_ms["aot@half"] // 1e9) <= 6000)},
      {target: "start-up to ready, fat jar without caches, 2 cores (ms)", threshold: "<= 6000",
       value: $startup_ms.fat, met: (($startup_ms.fat // 1e9) <= 6000)},
      {target: "CPU until ready as the image starts it (ms)", threshold: "<= 3000",
       value: $startup_cpu.aot, met: (($startup_cpu.aot // 1e9) <= 3000)}
    ]
  }
