-- trivial: GET /bench/trivial (no auth, no database, no Redis): the framework ceiling.
local common = require("common")

setup = common.setup
done = common.done
response = common.response

local req

function init(args)
  req = wrk.format("GET", "/bench/trivial", { ["Accept"] = "application/json" })
end

function request()
  return req
end
