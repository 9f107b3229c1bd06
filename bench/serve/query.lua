-- wrk script: one selective query per request, user_id drawn at random from 0..9999
-- (each user has about 100 events). PATH_TEMPLATE holds "{id}" where the id goes.
local template = os.getenv("PATH_TEMPLATE") or "/rows?user_id={id}"
math.randomseed(42)

request = function()
  local path = template:gsub("{id}", tostring(math.random(0, 9999)))
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    (summary.errors.status or 0), summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
