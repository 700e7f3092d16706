-- One kind of soak traffic for wrk (bench/soak/run.sh), chosen by SOAK_KIND, from the files bench/soak/setup.py
-- wrote into SOAK_DIR. Each wrk thread runs one connection (-t equal to -c), so a thread's responses come in the
-- order of its requests and each is judged against the variant that asked for it:
--   redeem   POST /api/redemptions, each a fresh code, 4 to a shopper               200
--   bad      POST /api/redemptions by probers: a typo, an unknown code, a spent   400, 400, 409 (or 429);
--            code in turn; every 8th an unknown code from one and the same prober 400, then 429
--   balance  GET /api/balance                                                      200
--   debit    POST /api/accounts/{id}/debits with an Idempotency-Key: new ones      201; every 10th replays an
--            earlier request (201 with Idempotent-Replayed), every 25th reuses an earlier key with another amount
--            (422), and every 20th asks more than the account holds (422)
--   order    POST /api/orders, 3 lines (2 by email, 1 by SMS), each recipient once  202; every 10th replays the
--            order before it (202 with Idempotent-Replayed)
-- Each connection sends at most SOAK_RATE requests a second: its requests are due at intervals of 1 / SOAK_RATE on
-- average (uniform between half and one and a half of it, so connections do not fall into step), and a request
-- that is late goes at once without moving the others forward. The wait is not part of a request's latency.
-- done() writes one line of figures to SOAK_RESULT: kind, requests, seconds, p50 p90 p99 max mean (ms), socket
-- errors (connect read write timeout), exhausted (1 if fresh codes ran out), then "variant:status:verdict=count"
-- items, verdict ok (expected 2xx), refused (expected other status) or unexpected.
local kind = os.getenv("SOAK_KIND")
local dir = os.getenv("SOAK_DIR")
local rate = tonumber(os.getenv("SOAK_RATE"))
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

local function lines(name)
  local t = {}
  for line in io.lines(dir .. "/" .. name) do t[#t + 1] = line end
  return t
end

local function json_headers(token, key)
  local h = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  if key then h["Idempotency-Key"] = key end
  return h
end

-- Per thread: requests generated, the variant of the one in flight, and the tally of responses.
sent, exhausted, variant, tally, tally_text = 0, 0, nil, {}, ""
local data, ring = {}, {}

function init(args)
  nthreads = tonumber(os.getenv("SOAK_THREADS"))
  math.randomseed(os.time() * 64 + tid)
  data.run = lines("run.txt")[1]
  if kind == "redeem" then
    data.codes, data.tokens = lines("codes.txt"), lines("tokens.txt")
  elseif kind == "bad" then
    data.spent, data.probers = lines("spent.txt"), lines("probers.txt")
  elseif kind == "balance" then
    data.readers = lines("readers.txt")
  elseif kind == "debit" then
    data.accounts, data.checkout = lines("accounts.txt"), lines("checkout.txt")[1]
  elseif kind == "order" then
    data.buyer = lines("buyer.txt")[1]
  end
end

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
  int clock_gettime(int clock, soak_timespec *now);
]]
local clock = ffi.new("soak_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

-- The next request is due one interval (jittered) after the one before was due, and never earlier than now: a slow
-- spell lowers the rate and is not made up for afterwards, so a connection never sends more than its rate.
local interval = 1000 / rate

function delay()
  local now = now_ms()
  due = math.max((due or now) + interval * (0.5 + math.random()), now)
  return math.floor(due - now + 0.5)
end

local alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

-- One step of the claim code's Damm check over GF(32) (x^5 + x^2 + 1), as Gifting.Core.Codes.ClaimCode does it.
local function step(interim, value)
  local doubled = bit.lshift(interim, 1)
  if bit.band(doubled, 32) ~= 0 then doubled = bit.bxor(doubled, 37) end
  return bit.bxor(doubled, value)
end

-- A random code in display form: with a check symbol that holds (a code no card has, so it is looked up and the
-- failure counts against the account) or with a random last symbol (almost always a typo: refused before any
-- lookup, costing no attempt).
local function random_code(well_formed)
  local s, interim = {}, 0
  for k = 1, 15 do
    local v = math.random(0, 31)
    if k == 15 and well_formed then v = step(interim, 0) end
    interim = step(interim, v)
    s[#s + 1] = alphabet:sub(v + 1, v + 1)
    if k == 4 or k == 10 then s[#s + 1] = "-" end
  end
  return table.concat(s)
end

local function remember(r)
  ring[sent % 8] = r
  return r
end

local requests = {}

function requests.redeem()
  local i = tid + sent * nthreads + 1
  if i > #data.codes then
    exhausted = 1
    wrk.thread:stop()
    return "ping", wrk.format("GET", "/api/dev/ping")
  end
  local shopper = data.tokens[math.floor((i - 1) / 4) + 1]
  return "fresh", wrk.format("POST", "/api/redemptions", json_headers(shopper), '{"code":"' .. data.codes[i] .. '"}')
end

function requests.bad()
  local function redeem(variant, prober, code)
    return variant, wrk.format("POST", "/api/redemptions", json_headers(prober), '{"code":"' .. code .. '"}')
  end
  if sent % 8 == 7 then
    -- One prober gets every eighth bad code: past the 5 failures an account may have in 15 minutes, 429.
    return redeem("throttled", data.probers[1], random_code(true))
  end
  local prober = data.probers[(tid + sent * nthreads) % (#data.probers - 1) + 2]
  local pick = sent % 3
  if pick == 0 then return redeem("typo", prober, random_code(false)) end
  if pick == 1 then return redeem("unknown", prober, random_code(true)) end
  return redeem("spent", prober, data.spent[math.random(1, #data.spent)])
end

function requests.balance()
  local reader = data.readers[math.random(1, #data.readers)]
  return "read", wrk.format("GET", "/api/balance", { ["Authorization"] = "Bearer " .. reader })
end

local function debit(account, key, order, amount)
  local body = string.format('{"orderId":"%s","amount":{"amount":%d,"currency":"USD"},"allowPartial":false}',
    order, amount)
  return { account = account, key = key, order = order, amount = amount,
    request = wrk.format("POST", "/api/accounts/" .. account .. "/debits", json_headers(data.checkout, key), body) }
end

function requests.debit()
  local n = sent
  local earlier = ring[(n - 3) % 8]
  if n % 10 == 9 and earlier then
    return "replay", earlier.request
  end
  if n % 25 == 24 and earlier then
    return "mismatch", debit(earlier.account, earlier.key, earlier.order, earlier.amount + 1).request
  end
  local id = string.format("soak-%s-d%d-%d", data.run, tid, n)
  local account = data.accounts[(n + tid) % #data.accounts + 1]
  if n % 20 == 15 then
    return "overdraw", debit(account, id, id, 2000000000).request
  end
  return "new", remember(debit(account, id, id, math.random(1, 500))).request
end

function requests.order()
  local n = sent
  local earlier = ring[(n - 1) % 8]
  if n % 10 == 9 and earlier then
    return "replay", earlier
  end
  local ref = string.format("soak-%s-o%d-%d", data.run, tid, n)
  local line = '{"recipientName":"Recipient %d","%s":"%s","channel":"%s",'
    .. '"amount":{"amount":%d,"currency":"USD"},"message":"Thank you"}'
  local items = {}
  for j = 1, 3 do
    if j < 3 then
      items[j] = string.format(line, j, "email", ref .. "-" .. j .. "@example.com", "email", 100 * j)
    else
      items[j] = string.format(line, j, "phone", string.format("+1999%d%07d", tid, n), "sms", 300)
    end
  end
  local body = '{"externalRef":"' .. ref .. '","marketplace":"US","senderName":"Soak","lines":['
    .. table.concat(items, ",") .. "]}"
  return "new", remember(wrk.format("POST", "/api/orders", json_headers(data.buyer, ref), body))
end

function request()
  local v, r = requests[kind]()
  variant = v
  sent = sent + 1
  return r
end

local expected = {
  fresh = { [200] = true }, unknown = { [400] = true, [429] = true }, spent = { [409] = true, [429] = true },
  throttled = { [400] = true, [429] = true }, typo = { [400] = true, [429] = true },
  read = { [200] = true }, replay = { [201] = true, [202] = true }, mismatch = { [422] = true },
  overdraw = { [422] = true }, new = { [201] = kind == "debit", [202] = kind == "order" }, ping = { [200] = true },
}

function response(status, headers, body)
  local verdict = "unexpected"
  if expected[variant] and expected[variant][status] then
    verdict = status < 300 and "ok" or "refused"
    if variant == "replay" and (headers["Idempotent-Replayed"] or headers["idempotent-replayed"]) ~= "true" then
      verdict = "unexpected"
    end
  end
  local key = variant .. ":" .. status .. ":" .. verdict
  tally[key] = (tally[key] or 0) + 1
  -- Kept as text too, the form done() reads back through thread:get.
  local items = {}
  for k, count in pairs(tally) do items[#items + 1] = k .. "=" .. count end
  tally_text = table.concat(items, " ")
end

function done(summary, latency, requests)
  local all, drained = {}, 0
  for _, thread in ipairs(threads) do
    drained = math.max(drained, thread:get("exhausted") or 0)
    for key, count in string.gmatch(thread:get("tally_text") or "", "(%S+)=(%d+)") do
      all[key] = (all[key] or 0) + tonumber(count)
    end
  end
  local items = {}
  for key, count in pairs(all) do items[#items + 1] = key .. "=" .. count end
  table.sort(items)
  local e = summary.errors
  local out = assert(io.open(os.getenv("SOAK_RESULT"), "w"))
  out:write(string.format("%s %d %.1f %.3f %.3f %.3f %.3f %.3f %d %d %d %d %d %s\n", kind, summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, latency.mean / 1e3, e.connect, e.read, e.write, e.timeout,
    drained, table.concat(items, " ")))
  out:close()
end
