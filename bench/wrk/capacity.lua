-- wrk script of the capacity rows (bench/lib/wrk.mjs runs it): one operation per run, chosen by the
-- first script argument, sent with a fixed SigV4-shaped Authorization header and X-Amz-Date (every server
-- measured has signature checks off, so nothing is signed per request). Bodies that must differ per
-- request (a new address per CreateEmailIdentity, a new record per UPSERT) are built in request().
-- Only 2xx answers count: response() tallies each status, done() prints one `WRK_RESULT {json}` line.
--
-- wrk <url> -s capacity.lua -- <operation> <region> <tag> [<extra>]
--   get      GET  /v2/email/identities/<extra: an address>   (one prepared request: the cheapest for wrk)
--   create   POST /v2/email/identities                  a new address each request
--   list     POST /v2/email/list-identities {PageSize}   (extra = page size) — the SDK's route
--   listget  GET  /v2/email/identities                    (moto's only list route; takes no PageSize)
--   send     POST /v2/email/outbound-emails              (extra = the verified sender)
--   upsert   POST /2013-04-01/hostedzone/<extra: zone id>/rrset   UPSERT of a new A record
-- <region> may be a comma-separated list: create rotates over it (each Region holds at most 10,000).

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local AMZ_DATE = "20260101T000000Z"

local function authorization(region, service)
  return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/" .. region .. "/" .. service
    .. "/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" .. string.rep("0", 64)
end

local function split(text)
  local parts = {}
  for part in string.gmatch(text, "[^,]+") do table.insert(parts, part) end
  return parts
end

local operation, tag, extra, regions, headersByRegion, fixed

function init(args)
  operation, tag, extra = args[1], args[3] or "0", args[4] or ""
  regions = split(args[2] or "us-east-1")
  local service = operation == "upsert" and "route53" or "ses"
  headersByRegion = {}
  for i, region in ipairs(regions) do
    headersByRegion[i] = {
      ["Authorization"] = authorization(region, service),
      ["X-Amz-Date"] = AMZ_DATE,
      ["Content-Type"] = operation == "upsert" and "application/xml" or "application/json",
    }
  end
  n = 0
  ok = 0
  bad = 0
  first_bad = 0
  if operation == "list" then
    fixed = wrk.format("POST", "/v2/email/list-identities", headersByRegion[1], '{"PageSize":' .. extra .. '}')
  elseif operation == "get" then
    fixed = wrk.format("GET", "/v2/email/identities/" .. string.gsub(extra, "@", "%%40"), headersByRegion[1])
  elseif operation == "listget" then
    fixed = wrk.format("GET", "/v2/email/identities", headersByRegion[1])
  end
end

local builders = {
  create = function()
    local r = (n % #regions) + 1
    local body = '{"EmailIdentity":"c' .. tag .. "-" .. thread_id .. "-" .. n .. '@create.example.com"}'
    return wrk.format("POST", "/v2/email/identities", headersByRegion[r], body)
  end,
  send = function()
    local body = '{"FromEmailAddress":"' .. extra .. '","Destination":{"ToAddresses":["to-' .. n
      .. '@recipient.example.com"]},"Content":{"Simple":{"Subject":{"Data":"Bench ' .. n
      .. '"},"Body":{"Text":{"Data":"Hello from the benchmark."}}}}}'
    return wrk.format("POST", "/v2/email/outbound-emails", headersByRegion[1], body)
  end,
  upsert = function()
    local body = '<?xml version="1.0" encoding="UTF-8"?>'
      .. '<ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">'
      .. "<ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet>"
      .. "<Name>r" .. tag .. "-" .. thread_id .. "-" .. n .. ".bench.example.com</Name><Type>A</Type><TTL>300</TTL>"
      .. "<ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords>"
      .. "</ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>"
    return wrk.format("POST", "/2013-04-01/hostedzone/" .. extra .. "/rrset", headersByRegion[1], body)
  end,
}

function request()
  n = n + 1
  if fixed then return fixed end
  return builders[operation]()
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    bad = bad + 1
    if first_bad == 0 then first_bad = status end
  end
end

function done(summary, latency, requests)
  local total_ok, total_bad, first = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_bad = total_bad + thread:get("bad")
    if first == 0 then first = thread:get("first_bad") end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"ok":%d,"bad":%d,"firstBadStatus":%d,"requests":%d,"durationUs":%d,'
      .. '"socketErrors":%d,"p50Us":%d,"p99Us":%d}\n',
    total_ok, total_bad, first, summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
