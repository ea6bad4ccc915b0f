-- mixed: 80 % reads, 20 % writes, drawn per request:
--   60 % get-order (cache hit), 20 % list-orders,
--   10 % create-order, 5 % add-item, 5 % transition.
local common = require("common")

setup = common.setup
done = common.done
response = common.response

function init(args)
  common.init()
end

function request()
  local user = common.next_user()
  local draw = math.random(1, 100)
  if draw <= 60 then
    return common.get_order(user, common.random_hot_order(user))
  elseif draw <= 80 then
    return common.list_orders(user)
  elseif draw <= 90 then
    return common.create_order(user)
  elseif draw <= 95 then
    return common.add_item(user)
  end
  return common.transition(user)
end
