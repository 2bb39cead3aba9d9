-- wrk (4.x) script of HeartbeatBenchmark: posts player heartbeats for many playbacks, and records what was
-- acknowledged so that the test can check that every acknowledged heartbeat is in the database.
--
--   wrk -t2 -c64 -d20s --latency -s heartbeat-load.lua http://localhost:PORT/api/attendance/heartbeat \
--       -- <playbacks file> <acks file> <threads> <first round>
--
-- The playbacks file holds one playback per line: token, a tab, the session cookie (JSESSIONID=...). Thread n of
-- t takes the lines whose number modulo t is n and walks them round robin. A playback's heartbeat number is
-- round * STRIDE + its line number: it grows by STRIDE each round (the server wants increasing numbers per
-- playback) and names the playback, so that the number echoed in a reply ("seq") tells which playback was
-- acknowledged. Each round moves the playback's position on by half a second. Runs on the same playbacks pass a
-- higher first round. The same bodies go to any URL (the trivial endpoint answers 204 without a body).
--
-- done() writes "line number<TAB>highest acknowledged seq" per playback to the acks file and prints one line
-- "benchmark: ..." with the figures that the test reads. A reply other than 2xx is counted (and the first one
-- kept), never acknowledged.

local STRIDE = 100000
local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   acks_file = args[2]
   local count = tonumber(args[3])
   round = tonumber(args[4])
   playbacks = {}
   local line = 0
   for text in io.lines(args[1]) do
      line = line + 1
      if line % count == id then
         local token, cookie = text:match("^(%S+)\t(%S+)$")
         playbacks[#playbacks + 1] = {
            line = line,
            head = "POST " .. wrk.path .. " HTTP/1.1\r\nHost: " .. wrk.headers["Host"] .. "\r\nCookie: " .. cookie
                  .. "\r\nContent-Type: application/json\r\nContent-Length: ",
            token = token,
         }
      end
   end
   if STRIDE <= line then
      error("more playbacks than STRIDE")
   end
   current = 0
   acked = {}
   acknowledged = 0
   rejected = 0
   first_rejected = nil
end

function request()
   current = current + 1
   if current > #playbacks then
      current = 1
      round = round + 1
   end
   local playback = playbacks[current]
   local body = string.format(
         '{"token":"%s","seq":%d,"from":%.1f,"position":%.1f,"playing":true,"hidden":false,"rate":1}',
         playback.token, round * STRIDE + playback.line, (round - 1) * 0.5, round * 0.5)
   return playback.head .. #body .. "\r\n\r\n" .. body
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      rejected = rejected + 1
      first_rejected = first_rejected or (status .. " " .. (body or ""))
      return
   end
   local seq = body and tonumber(body:match('"seq":%s*(%d+)'))
   if seq then
      acknowledged = acknowledged + 1
      local line = seq % STRIDE
      if (acked[line] or 0) < seq then
         acked[line] = seq
      end
   end
end

function done(summary, latency, requests)
   local out = assert(io.open(threads[1]:get("acks_file"), "w"))
   local acknowledged, rejected, first_rejected = 0, 0, nil
   for _, thread in ipairs(threads) do
      for line, seq in pairs(thread:get("acked")) do
         out:write(string.format("%d\t%d\n", line, seq))
      end
      acknowledged = acknowledged + thread:get("acknowledged")
      rejected = rejected + thread:get("rejected")
      first_rejected = first_rejected or thread:get("first_rejected")
   end
   out:close()
   local errors = summary.errors
   io.write(string.format("benchmark: requests=%d seconds=%.3f p50_us=%d p99_us=%d acknowledged=%d non_2xx=%d"
         .. " socket_errors=%d timeouts=%d first_non_2xx=%s\n", summary.requests, summary.duration / 1e6,
         latency:percentile(50), latency:percentile(99), acknowledged, rejected,
         errors.connect + errors.read + errors.write, errors.timeout,
         (first_rejected or "none"):gsub("%s+", " "):sub(1, 200)))
end
