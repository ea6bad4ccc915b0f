-- get-order: GET /api/orders/{id}, random over the first BENCH_HOT orders of each bench user
-- (all in the cache after the pre-warm pass). With BENCH_PREWARM=1 each thread instead
-- reads every one of those orders once, in order, and then stops.
local common = require("common")

setup = common.setup
done = common.done

local prewarm = os.getenv("BENCH_PREWARM") == "1"
local sent, received, total = 0, 0, 0

function init(args)
  common.init()
  total = #common.users * common.hot
end

function request()
  local user = common.next_user()
  if prewarm then
    sent = sent + 1
    local k = math.floor((math.min(sent, total) - 1) / #common.users) + 1
    return common.get_order(user, (user.id - 1) * common.per_user + k)
  end
  return common.get_order(user, common.random_hot_order(user))
end

function response(status, headers, body)
  common.response(status, headers, body)
  if prewarm then
    received = received + 1
    if received >= total then
      wrk.thread:stop()
    end
  end
end
