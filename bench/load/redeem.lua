-- POST /api/redemptions, each request a code not sent before: the codes of $BENCH_DIR/codes.txt after the first
-- $BENCH_FIRST, split between threads, for the shoppers of $BENCH_DIR/tokens.txt in turn. A thread that runs out of
-- codes stops and says so rather than send spent ones: each 409 is a failure counted against the one client address
-- of the front door, and after 20 of them every redemption is throttled for the rest of the window.
dofile("bench/load/common.lua")
local dir = os.getenv("BENCH_DIR")
local codes, tokens = {}, {}
sent, exhausted = 0, 0

function init(args)
  nthreads = tonumber(os.getenv("BENCH_THREADS"))
  first = tonumber(os.getenv("BENCH_FIRST") or "0")
  for line in io.lines(dir .. "/codes.txt") do codes[#codes + 1] = line end
  for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
end

function request()
  local i = first + tid + sent * nthreads + 1
  if i > #codes then
    exhausted = 1
    wrk.thread:stop()
    return wrk.format("GET", "/api/dev/ping")
  end
  sent = sent + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[i % #tokens + 1],
  }
  return wrk.format("POST", "/api/redemptions", headers, '{"code":"' .. codes[i] .. '"}')
end
