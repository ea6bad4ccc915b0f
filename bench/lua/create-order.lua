-- create-order: POST /api/orders with 3 items and a unique Idempotency-Key.
local common = require("common")

setup = common.setup
done = common.done
response = common.response

function init(args)
  common.init()
end

function request()
  return common.create_order(common.next_user())
end
