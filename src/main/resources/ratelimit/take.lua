-- Token buckets of one subject, one per limit, refilled continuously ("greedy").
-- Takes one token from every bucket or none; one round trip per request.
-- KEYS[i]: bucket i. ARGV: capacity_1, period_ms_1, capacity_2, period_ms_2, ...
-- Returns {allowed, limit, remaining, reset_seconds, retry_after_seconds} of the tightest bucket.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tokens = {}
local allowed = 1
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
  if t < 1 then
    allowed = 0
    retry_ms = math.max(retry_ms, math.ceil((1 - t) * period / capacity))
  end
end
local limit, remaining, reset_ms = 0, -1, 0
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local period = tonumber(ARGV[2 * i])
  local t = tokens[i]
  if allowed == 1 then
    t = t - 1
  end
  redis.call('HSET', KEYS[i], 't', string.format('%.6f', t), 'at', now)
  redis.call('PEXPIRE', KEYS[i], period)
  if remaining < 0 or math.floor(t) < remaining then
    remaining = math.floor(t)
    limit = capacity
    reset_ms = math.ceil((capacity - t) * period / capacity)
  end
end
return {allowed, limit, remaining, math.ceil(reset_ms / 1000), math.ceil(retry_ms / 1000)}
