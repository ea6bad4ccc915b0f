-- Shared by every bench/lua scenario script (found through LUA_PATH, set by run.sh).
--
-- Environment (set by run.sh):
--   BENCH_TOKENS   a Lua file returning { {user = <id>, token = "<access token>",
--                  writer_token = "<access token of the user's writer twin>"}, ... }
--   BENCH_THREADS  wrk's -t; bench user i belongs to thread (i-1) % BENCH_THREADS
--   BENCH_RESULT   where done() writes the JSON summary of the run
--   BENCH_PER_USER, BENCH_HOT, BENCH_FRESH, BENCH_ADDITEM, BENCH_FRESH_START, BENCH_NONCE
--                  the id layout of bench/seed.sql and where this run starts in it
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
  return wrk.format("GET", "/api/orders/" .. order_id, { ["Authorization"] = user.auth, ["Accept"] = "application/json" })
end

function M.random_hot_order(user)
  return (user.id - 1) * M.per_user + math.random(1, M.hot)
end

function M.list_orders(user)
  return wrk.format("GET", "/api/orders?page=0&size=20", { ["Authorization"] = user.auth, ["Accept"] = "application/json" })
end

local ORDER_BODY = '{"items":[' ..
  '{"name":"Bench widget","sku":"BW-1","quantity":2,"unit_price":19.99},' ..
  '{"name":"Bench gadget","sku":"BG-2","quantity":1,"unit_price":149.50},' ..
  '{"name":"Bench cable","sku":"BC-3","quantity":5,"unit_price":3.25}]}'

function M.create_order(user)
  user.keys = user.keys + 1
  local headers = json_headers(user)
  headers["Idempotency-Key"] = "bench-" .. M.nonce .. "-" .. user.id .. "-" .. user.keys
  return wrk.format("POST", "/api/orders", headers, ORDER_BODY)
end

function M.add_item(user)
  user.next_additem = user.next_additem % M.additem + 1
  local order_id = M.ADDITEM_BASE + (user.id - 1) * M.additem + user.next_additem
  local body = '{"name":"Bench extra","sku":"BX-' .. user.next_additem .. '","quantity":1,"unit_price":4.75}'
  return wrk.format("POST", "/api/orders/" .. order_id .. "/items", json_headers(user), body)
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
  return wrk.format("PATCH", "/api/orders/" .. order_id .. "/status", json_headers(user),
    '{"status":"' .. target .. '"}')
end

function M.response(status, headers, body)
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

function M.done(summary, latency, requests)
  local non2xx, fresh_max, sample_list = 0, 0, {}
  for _, thread in ipairs(threads) do
    non2xx = non2xx + (thread:get("non_2xx") or 0)
    fresh_max = math.max(fresh_max, thread:get("fresh_used") or 0)
    for _, sample in ipairs(thread:get("samples") or {}) do
      table.insert(sample_list, '"' .. escape(sample) .. '"')
    end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local out = string.format(
    '{"requests":%d,"duration_s":%.3f,"rps":%.1f,' ..
    '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f},' ..
    '"errors":{"non_2xx":%d,"status_gt_399":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"fresh_used":%d,"error_samples":[%s]}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    non2xx, e.status, e.connect, e.read, e.write, e.timeout, fresh_max, table.concat(sample_list, ","))
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
