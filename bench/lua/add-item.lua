-- add-item: POST /api/orders/{id}/items on the caller's PENDING add-item orders, round-robin.
local common = require("common")

setup = common.setup
done = common.done
response = common.response

function init(args)
  common.init()
end

function request()
  return common.add_item(common.next_user())
end
