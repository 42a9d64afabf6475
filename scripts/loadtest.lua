-- wrk script for scripts/loadtest: each connection requests paths drawn at random from a
-- file (one path per line, repeated by weight), pausing between pages as a reader does, and
-- the run ends with one JSON line that scripts/loadtest reads.
-- Usage: wrk ... --script scripts/loadtest.lua URL -- PATHS_FILE [THINK_MIN_MS THINK_MAX_MS]

local paths = {}
local think_min, think_max = 0, 0

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + id)
  think_min = tonumber(args[2] or "0")
  think_max = tonumber(args[3] or args[2] or "0")
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end

-- The pause before a connection's next request: the visitor reads the page it got.
function delay()
  if think_max <= 0 then
    return 0
  end
  return math.random(think_min, think_max)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "socket_errors": %d, "timeouts": %d, ' ..
    '"status_errors": %d, "median_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max
  ))
end
