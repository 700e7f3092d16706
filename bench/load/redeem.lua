-- POST /api/redemptions, each request a code not sent before, from $BENCH_DIR/codes.txt, split between threads;
-- shoppers taken in turn from $BENCH_DIR/tokens.txt. Once a thread's codes run out it sends spent ones (409s).
local dir = os.getenv("BENCH_DIR")
local threads, codes, tokens, sent = 0, {}, {}, 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  nthreads = tonumber(os.getenv("BENCH_THREADS"))
  for line in io.lines(dir .. "/codes.txt") do codes[#codes + 1] = line end
  for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
end

function request()
  local i = (tid + sent * nthreads) % #codes + 1
  sent = sent + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[i % #tokens + 1],
  }
  return wrk.format("POST", "/api/redemptions", headers, '{"code":"' .. codes[i] .. '"}')
end
