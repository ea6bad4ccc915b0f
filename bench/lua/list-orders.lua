-- list-orders: GET /api/orders?page=0&size=20, the caller's newest orders.
local common = require("common")

setup = common.setup
done = common.done
response = common.response

function init(args)
  common.init()
end

function request()
  return common.list_orders(common.next_user())
end
