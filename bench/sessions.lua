-- wrk script: spreads the requests over the logged-in sessions (one cookie per line in the file
-- given as first argument; none for the direct and nginx runs), sends X-CSRF: 1, and prints one
-- machine-readable line with throughput and p50/p99/p99.9 latency.
-- Every request is formatted once, in init(): request() only hands out the next prebuilt one, so
-- wrk's threads spend their (shared) CPU on sending, not on Lua string building per request.
-- Usage: wrk ... -s sessions.lua URL -- COOKIE_FILE|-
local requests = {}
local index = 0

function init(args)
  local file = args[1]
  if file and file ~= "-" then
    for line in io.lines(file) do
      requests[#requests + 1] = wrk.format("GET", nil, { ["X-CSRF"] = "1", ["Cookie"] = "bff_session=" .. line })
    end
  end
  if #requests == 0 then
    requests[1] = wrk.format("GET", nil, { ["X-CSRF"] = "1" })
  end
  -- each thread starts at its own place in the list
  index = math.random(1, #requests)
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d p999_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), errors, summary.errors.status))
end
