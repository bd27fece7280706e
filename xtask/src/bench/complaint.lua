-- wrk script for `cargo xtask bench`: every request files a new complaint for demo order
-- RD-1001 with its own Idempotency-Key (run prefix, thread number, counter), so the server
-- does the full work each time instead of replaying a stored answer.
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = args[1] or "run"
  counter = 0
  body = '{"language":"en","draft":{"order_number":"RD-1001","email":"anna@example.com",'
    .. '"reason":"defective_or_damaged","resolution":"replacement",'
    .. '"description":"The left ear cup arrived cracked; filed by the benchmark.","evidence":[]},'
    .. '"evidence_ids":[]}'
end

function request()
  counter = counter + 1
  local key = prefix .. "-" .. tid .. "-" .. counter
  return wrk.format("POST", "/api/complaints",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end

function done(summary, latency, requests)
  io.write(string.format("REDRESS %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
