-- Shared by every bench/lua scenario script (found through LUA_PATH, set by run.sh).
--
-- Environment (set by run.sh):
--   BENCH_TOKENS   a Lua file returning { {user = <id>, token = "<access token>",
--                  writer_token = "<access token of the user's writer twin>"}, ... }
--   BENCH_THREADS  wrk's -t; bench user i belongs to thread (i-1) % BENCH_THREADS
--   BENCH_RESULT   where done() writes the JSON summary of the run
--   BENCH_PER_USER, BENCH_HOT, BENCH_FRESH, BENCH_ADDITEM, BENCH_FRESH_START, BENCH_NONCE
--                  the id layout of bench/seed.sql and where this run starts in it
--   BENCH_TRACK     when set, every request carries an X-Request-Id, which the service echoes:
--                  its answer is paired with the time it was sent, and the summary gains the
--                  latency of the 2xx answers alone (the overload scenario, where refusals
--                  would otherwise hide how long the served requests took)
--
-- Each wrk thread owns a disjoint set of bench users and sends their requests round-robin,
-- so per-user counters (fresh orders, idempotency keys) never collide between threads.
-- Reads go out as the bench user; writes (create, add item, transition) as its writer twin,
-- which owns the orders they change, so the readers' order lists keep their size.
-- Every non-2xx response is counted (wrk itself counts only status > 399) and the first
-- few are kept, with their bodies, for the report.

local M = {}

local function env_number(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    return default
  end
  return tonumber(value)
end

M.per_user = env_number("BENCH_PER_USER", 3000)
M.hot = env_number("BENCH_HOT", 250)
M.fresh = env_number("BENCH_FRESH", 2800)
M.additem = env_number("BENCH_ADDITEM", 200)
M.fresh_start = env_number("BENCH_FRESH_START", 1)
M.nonce = os.getenv("BENCH_NONCE") or tostring(os.time())

M.TRANSITION_BASE = 10000000
M.ADDITEM_BASE = 20000000

local track = (os.getenv("BENCH_TRACK") or "") ~= ""
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local clock_now = ffi.new("bench_timespec")
local CLOCK_MONOTONIC = 1

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock_now)
  return tonumber(clock_now.tv_sec) * 1000 + tonumber(clock_now.tv_nsec) / 1e6
end

-- setup/done run in the main Lua state: remember the threads so done() can read their counters.
local threads = {}

function M.setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- Per-thread state (init runs once in each thread's own Lua state).
M.users = {}
M.cursor = 0
non_2xx = 0
samples = {}
fresh_used = 0
-- with BENCH_TRACK: answers by status class, and the latency (ms) of each 2xx answer
by_status = { ok = 0, unavailable = 0, limited = 0, other = 0 }
accepted_ms = {}
local sent_at = {}
local sent = 0

-- Every request of every scenario is built here.
local function format(method, path, headers, body)
  if track then
    sent = sent + 1
    local id = "bench-" .. thread_index .. "-" .. sent
    headers["X-Request-Id"] = id
    sent_at[id] = now_ms()
  end
  return wrk.format(method, path, headers, body)
end

function M.init()
  local all = dofile(os.getenv("BENCH_TOKENS"))
  local count = env_number("BENCH_THREADS", 1)
  for i, entry in ipairs(all) do
    if (i - 1) % count == thread_index then
      table.insert(M.users, { id = entry.user, auth = "Bearer " .. entry.token,
        writer_auth = "Bearer " .. entry.writer_token, next_fresh = M.fresh_start,
        next_additem = 0, keys = 0 })
    end
  end
  if #M.users == 0 then
    error("no bench user for thread " .. tostring(thread_index) .. ": fewer tokens than threads")
  end
  math.randomseed(os.time() * 1000 + thread_index)
end

function M.next_user()
  M.cursor = M.cursor % #M.users + 1
  return M.users[M.cursor]
end

local json_headers = function(user)
  return { ["Authorization"] = user.writer_auth, ["Content-Type"] = "application/json",
    ["Accept"] = "application/json" }
end

function M.get_order(user, order_id)
  return format("GET", "/api/orders/" .. order_id, { ["Authorization"] = user.auth, ["Accept"] = "application/json" })
end

function M.random_hot_order(user)
  return (user.id - 1) * M.per_user + math.random(1, M.hot)
end

function M.list_orders(user)
  return format("GET", "/api/orders?page=0&size=20", { ["Authorization"] = user.auth, ["Accept"] = "application/json" })
end

-- A three-digit SKU prefix: SKU-NNN and SKU-NNN0 … SKU-NNN9, 11 of the seed's 5,000 SKUs.
function M.search_orders(user)
  return format("GET", "/api/orders?q=sku-" .. math.random(100, 499) .. "&page=0&size=20",
    { ["Authorization"] = user.auth, ["Accept"] = "application/json" })
end

local ORDER_BODY = '{"items":[' ..
  '{"name":"Bench widget","sku":"BW-1","quantity":2,"unit_price":19.99},' ..
  '{"name":"Bench gadget","sku":"BG-2","quantity":1,"unit_price":149.50},' ..
  '{"name":"Bench cable","sku":"BC-3","quantity":5,"unit_price":3.25}]}'

function M.create_order(user)
  user.keys = user.keys + 1
  local headers = json_headers(user)
  headers["Idempotency-Key"] = "bench-" .. M.nonce .. "-" .. user.id .. "-" .. user.keys
  return format("POST", "/api/orders", headers, ORDER_BODY)
end

function M.add_item(user)
  user.next_additem = user.next_additem % M.additem + 1
  local order_id = M.ADDITEM_BASE + (user.id - 1) * M.additem + user.next_additem
  local body = '{"name":"Bench extra","sku":"BX-' .. user.next_additem .. '","quantity":1,"unit_price":4.75}'
  return format("POST", "/api/orders/" .. order_id .. "/items", json_headers(user), body)
end

-- One transition per fresh order (PENDING -> CONFIRMED or PENDING -> CANCELLED, alternating),
-- so two requests in flight never race on one order.
function M.transition(user)
  local k = user.next_fresh
  user.next_fresh = k + 1
  if k > fresh_used then
    fresh_used = k
  end
  local order_id = M.TRANSITION_BASE + (user.id - 1) * M.fresh + k
  if k > M.fresh then
    -- Out of seeded orders: an id that does not exist, so the run fails (404), loudly.
    order_id = M.TRANSITION_BASE - k
  end
  local target = (k % 2 == 0) and "CANCELLED" or "CONFIRMED"
  return format("PATCH", "/api/orders/" .. order_id .. "/status", json_headers(user),
    '{"status":"' .. target .. '"}')
end

local function tracked(status, headers)
  local id = headers["X-Request-Id"] or headers["x-request-id"]
  local started = id and sent_at[id]
  if started == nil then
    return
  end
  sent_at[id] = nil
  if status >= 200 and status <= 299 then
    by_status.ok = by_status.ok + 1
    table.insert(accepted_ms, now_ms() - started)
  elseif status == 503 then
    by_status.unavailable = by_status.unavailable + 1
  elseif status == 429 then
    by_status.limited = by_status.limited + 1
  else
    by_status.other = by_status.other + 1
  end
end

function M.response(status, headers, body)
  if track then
    tracked(status, headers)
  end
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
    if #samples < 3 then
      table.insert(samples, tostring(status) .. " " .. string.sub(body or "", 1, 300))
    end
  end
end

local function escape(text)
  return (string.gsub(text, '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end))
end

local function percentile(sorted, p)
  if #sorted == 0 then
    return 0
  end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

function M.done(summary, latency, requests)
  local non2xx, fresh_max, sample_list = 0, 0, {}
  local counts, accepted = { ok = 0, unavailable = 0, limited = 0, other = 0 }, {}
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get("by_status") or {}) do
      counts[key] = counts[key] + value
    end
    for _, ms in ipairs(thread:get("accepted_ms") or {}) do
      table.insert(accepted, ms)
    end
    non2xx = non2xx + (thread:get("non_2xx") or 0)
    fresh_max = math.max(fresh_max, thread:get("fresh_used") or 0)
    for _, sample in ipairs(thread:get("samples") or {}) do
      table.insert(sample_list, '"' .. escape(sample) .. '"')
    end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  table.sort(accepted)
  local tracked_json = ""
  if track then
    tracked_json = string.format(
      '"answers":{"ok":%d,"unavailable":%d,"rate_limited":%d,"other":%d},' ..
      '"accepted_latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f},',
      counts.ok, counts.unavailable, counts.limited, counts.other,
      percentile(accepted, 50), percentile(accepted, 90), percentile(accepted, 99), percentile(accepted, 100))
  end
  local out = string.format(
    '{"requests":%d,"duration_s":%.3f,"rps":%.1f,' ..
    '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f},' ..
    '"errors":{"non_2xx":%d,"status_gt_399":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '%s"fresh_used":%d,"error_samples":[%s]}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    non2xx, e.status, e.connect, e.read, e.write, e.timeout, tracked_json, fresh_max, table.concat(sample_list, ","))
  local path = os.getenv("BENCH_RESULT")
  if path and path ~= "" then
    local file = assert(io.open(path, "w"))
    file:write(out)
    file:close()
  else
    io.write(out)
  end
end

return M
