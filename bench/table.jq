# The Markdown table of a bench/run.sh result JSON (bench/results/latest.md).
def n1: if . == null then "—" else (. * 10 | round / 10 | tostring) end;
def n2: if . == null then "—" else (. * 100 | round / 100 | tostring) end;
def r0: if . == null then "—" else (. | round | tostring) end;

"# Benchmark result — commit \(.commit)\(if .working_tree_dirty then " (working tree had changes)" else "" end)",
"",
"\(.started_at) · \(.machine.nproc) × \(.machine.cpu_model), \(.machine.memory), kernel \(.machine.kernel) · \(.machine.java) · PostgreSQL \(.machine.postgresql) · Redis \(.machine.redis) · load average at start \(.machine.load_average_at_start)",
"",
"\(.settings.connections) connections, \(.settings.wrk_threads) wrk threads, \(.settings.duration_s) s per run after \(.settings.warmup_s) s warm-up (and \(.settings.jit_warmup_s) s of mixed load once, first); pgbench \(.settings.pgbench_duration_s) s\(if .settings.quick then " (QUICK smoke run)" else "" end); JVM `\(.settings.jvm_opts)`; start mode `\(.startup.default_mode)`.",
"",
"| scenario | req/s | p50 ms | p99 ms | errors | limit | limit req/s | ratio | app CPU µs/req | PG CPU µs/req | Redis cmds/req | PG xacts/req | GC pauses (ms) | Hikari pending (max sampled) | app WARN lines |",
"|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
(.scenarios[] |
  "| \(.scenario) | \(.rps | r0) | \(.latency_ms.p50 | n2) | \(.latency_ms.p99 | n2) | \(.errors + .warmup_errors)\(if .errors + .warmup_errors > 0 then " **FAIL**" else "" end) | \(.limit // "—") | \(.limit_rps | r0) | \(.ratio | n2) | \(.cpu.app_us_per_request | r0) | \(.cpu.postgres_us_per_request | r0) | \(.per_request.redis.commands_per_request | n2) | \(.per_request.postgres.transactions_per_request | n2) | \(.gc.pauses) (\(.gc.pause_ms)) | \(.hikari.max_pending_sampled | r0) | \(.app_warnings.count) |"),
(.limits[] |
  "| _\(.limit)_ | \(.rps | r0) | \(.latency_ms.p50 | n2) | \(.latency_ms.p99 | n2) | \(.errors) | (limit) | | | | | | | | | |"),
"",
"RSS of the app after all scenarios: **\(.rss_mib_at_end) MiB** (anonymous \(.rss_anon_mib_at_end) MiB, file-backed \(.rss_file_mib_at_end) MiB; peak \(.rss_peak_mib) MiB).",
"Start-up to ready, median of \(.startup.runs | map(select(.mode == "fat")) | length) starts: " +
  ([.startup.median_ready_ms | to_entries[] | "`\(.key)` **\(.value) ms**"] | join(", ")) +
  " (CPU to ready: " + ([.startup.median_cpu_ms | to_entries[] | "`\(.key)` \(.value) ms"] | join(", ")) + ").",
(if .read_replica then
  "Read replica (a private primary and its hot standby on this machine, same seed): list-orders " +
  "\(.read_replica.with_rps | r0) req/s with the standby as replica vs \(.read_replica.without_rps | r0) without " +
  "(ratio \(.read_replica.ratio | n2); p99 \(.read_replica.with_p99_ms | n2) vs \(.read_replica.without_p99_ms | n2) ms)."
 else empty end),
"",
(if (.export // [] | length) > 0 then
  "Export (GET /api/orders/export of every order, as an administrator):",
  "",
  "| run | rows | rows/s | MiB | app CPU µs/row | RSS before MiB | RSS peak MiB | errors |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
  (.export[] | "| \(.run) | \(.rows) | \(.rows_per_s | r0) | \(.mib) | \(.app_us_per_row | r0) | \(.rss_mib_before) | \(.rss_mib_peak) | \(.errors) |"),
  ""
 else empty end),
(if (.soak.runs | length) > 0 then
  "Soak (mixed load while the orders grow), per run:",
  "",
  "| run | req/s | p99 ms | errors | app CPU µs/req | PG CPU µs/req | RSS MiB | orders | dead rows | GC pauses (ms) | of them code-cache GCs |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  (.soak.runs[] | "| \(.minute) | \(.rps | r0) | \(.p99_ms | n2) | \(.errors) | \(.app_us_per_request | r0) | \(.postgres_us_per_request | r0) | \(.rss_mib) | \(.orders) | \(.dead_rows // "—") | \(if .gc then "\(.gc.pauses) (\(.gc.pause_ms))" else "—" end) | \(.gc.code_cache_threshold // "—") |"),
  ""
 else empty end),
(if (.overload.runs | length) > 0 then
  "Overload (requests paired with their answers; latency of the 2xx answers alone):",
  "",
  "| run | connections | answers/s | goodput (2xx/s) | refused/s | other errors | accepted p50 ms | accepted p99 ms | app CPU ms | orders created | lost acknowledged |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  (.overload.runs[] | "| \(.run) | \(.connections) | \(.answers_per_s | r0) | \(.goodput | r0) | \(.refused_per_s | r0) | \(.other_errors + .socket_errors) | \(.accepted_latency_ms.p50 | n2) | \(.accepted_latency_ms.p99 | n2) | \(.app_ms) | \(.orders_created) | \(.lost_acknowledged_orders // "—") |"),
  "",
  "App CPU of one refusal (estimated: the run's CPU beyond its served requests at their unloaded cost): create-order@1024 \(.overload.refusal_app_us.create_order_at_1024 | r0) µs, mixed@1024 \(.overload.refusal_app_us.mixed_at_1024 | r0) µs; a served cached read: \(.overload.served_read_app_us | r0) µs.",
  ""
 else empty end),
"| target | threshold | measured | met |",
"|---|---|---:|---|",
(.targets[] | "| \(.target) | \(.threshold) | \(.value | n2) | \(if .met then "yes" else "**no**" end) |"),
"",
(.scenarios | map(select(.app_warnings.count > 0)) | if length > 0 then
  "App warnings during the runs: " + (map("\(.scenario): " + (.app_warnings.distinct | map("\(.count)× `\(.message)`") | join("; "))) | join(" · "))
 else "The app logged no warning during the runs." end)
