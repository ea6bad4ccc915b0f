-- search: GET /api/orders?q=sku-NNN&size=20, the caller's newest orders with a SKU starting so (about 20 of 3,000).
local common = require("common")

setup = common.setup
done = common.done
response = common.response

function init(args)
  common.init()
end

function request()
  return common.search_orders(common.next_user())
end
