-- wrk script for `cargo xtask bench`: every request files a new complaint for demo order
-- RD-1001 with two evidence references and its own Idempotency-Key (run prefix, thread
-- number, counter), so the server does the full work each time instead of replaying a
-- stored answer. A complaint attaches its evidence once, so the bench uploads a pool of
-- evidence pairs first (one "ID_A ID_B" per line of the pairs file); thread t of n takes
-- lines t, t+n, t+2n... in order. When its share runs out it starts over, and those
-- requests are refused (422 evidence.unavailable) and counted as failed: the pool was too
-- small.
-- args: run prefix, pairs file, thread count, evidence draft JSON (the two files).
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = args[1] or "run"
  local count = tonumber(args[3]) or 1
  counter = 0
  pairs_a = {}
  pairs_b = {}
  local line_number = 0
  for line in io.lines(args[2]) do
    if line_number % count == tid - 1 then
      local a, b = line:match("(%S+) (%S+)")
      table.insert(pairs_a, a)
      table.insert(pairs_b, b)
    end
    line_number = line_number + 1
  end
  head = '{"language":"en","draft":{"order_number":"RD-1001","email":"anna@example.com",'
    .. '"reason":"defective_or_damaged","resolution":"replacement",'
    .. '"description":"The left ear cup arrived cracked; filed by the benchmark.","evidence":'
    .. args[4] .. '},"evidence_ids":["'
end

function request()
  counter = counter + 1
  local key = prefix .. "-" .. tid .. "-" .. counter
  local n = #pairs_a
  local body
  if n == 0 then
    body = string.sub(head, 1, -2) .. ']}'
  else
    local i = (counter - 1) % n + 1
    body = head .. pairs_a[i] .. '","' .. pairs_b[i] .. '"]}'
  end
  return wrk.format("POST", "/api/complaints",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end

function done(summary, latency, requests)
  -- How far each thread got through its share of the pool: the bench keeps the rest
  -- for the next row.
  for _, thread in ipairs(threads) do
    io.write(string.format("USED %d %d\n", thread:get("tid"), thread:get("counter")))
  end
  io.write(string.format("REDRESS %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
