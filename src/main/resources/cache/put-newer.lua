-- Stores a value unless the entry holds a newer version or a deletion (Versioned.java).
-- KEYS[1] the entry; ARGV[1] the value's JSON, ARGV[2] its version, ARGV[3] '1' for a deletion,
-- ARGV[4] time to live in milliseconds (0: none). Answers 1 when stored.
local held = redis.call('GET', KEYS[1])
if held then
  local ok, current = pcall(cjson.decode, held)
  if ok and type(current) == 'table' then
    if current.deleted == true then
      return 0
    end
    local version = tonumber(current.version)
    if ARGV[3] ~= '1' and version ~= nil and version >= tonumber(ARGV[2]) then
      return 0
    end
  end
end
if tonumber(ARGV[4]) > 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
else
  redis.call('SET', KEYS[1], ARGV[1])
end
return 1
