-- Token buckets of one subject, one per limit, refilled continuously ("greedy").
-- Takes up to ARGV[last] tokens from every bucket at once (a replica's lease), as many as the
-- fullest-constrained bucket holds, or none if any bucket holds less than one.
-- KEYS[i]: bucket i. ARGV: capacity_1, period_ms_1, capacity_2, period_ms_2, ..., wanted.
-- Returns {taken, limit, remaining, reset_ms, retry_after_ms} of the tightest bucket after taking.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local wanted = tonumber(ARGV[2 * #KEYS + 1])
local tokens = {}
local taken = wanted
local retry_ms = 0
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local period = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', KEYS[i], 't', 'at')
  local t = tonumber(state[1])
  local at = tonumber(state[2])
  if t == nil or at == nil then
    t = capacity
  else
    t = math.min(capacity, t + math.max(0, now - at) * capacity / period)
  end
  tokens[i] = t
  taken = math.min(taken, math.floor(t))
  if t < 1 then
    retry_ms = math.max(retry_ms, math.ceil((1 - t) * period / capacity))
  end
end
if taken < 1 then
  taken = 0
end
local limit, remaining, reset_ms = 0, -1, 0
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local period = tonumber(ARGV[2 * i])
  local t = tokens[i] - taken
  redis.call('HSET', KEYS[i], 't', string.format('%.6f', t), 'at', now)
  redis.call('PEXPIRE', KEYS[i], period)
  if remaining < 0 or math.floor(t) < remaining then
    remaining = math.floor(t)
    limit = capacity
    reset_ms = math.ceil((capacity - t) * period / capacity)
  end
end
return {taken, limit, remaining, reset_ms, retry_ms}
