-- transition: PATCH /api/orders/{id}/status on fresh PENDING orders, one change per order
-- (CONFIRMED and CANCELLED alternating); BENCH_FRESH_START says where this run begins.
local common = require("common")

setup = common.setup
done = common.done
response = common.response

function init(args)
  common.init()
end

function request()
  return common.transition(common.next_user())
end
