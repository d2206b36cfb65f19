--! oz.lua: the one wrk script of `make bench`. It turns a token file into pre-built requests,
--! partitioned across wrk threads, and prints one machine-readable OZBENCH line from done().
--
-- Arguments (after `--`, as key=value): mode=get|join|reject|read, threads=N, file=PATH, path=P
--   get:    GET path (the baseline), no file
--   join:   file lines "ACCESS INVITE": each line is used once. Thread t takes lines t, t+N, ...
--           and, once those are used up, borrows the other threads' lines from the file's end
--           backwards, so an uneven split of the load between threads cannot run a thread dry
--           while pairs are left (with 2 threads the two ends meet only when all are used).
--   reject: file lines "ACCESS INVITE" (invites that must fail), cycled
--   read:   file lines "ACCESS": GET /user/groups (or GET path, when path= is given), cycled
--   ready=PATH (any mode): the start barrier below; the file must not exist when wrk starts.
-- The start barrier: wrk runs each thread's init() in its main thread, one after the other,
-- starts each thread as soon as its own init() ends, and starts its clock only after the last.
-- Without the barrier, thread 0 sends requests while the others still load their share (seconds,
-- for a large join file), and those requests count against a duration that does not include
-- them: the rate came out too high and the CPU per request (sampled from the clock's start)
-- too low. So the last thread's init() ends by creating the ready file, and every thread's first
-- request waits for it. Thread 0's very first request() call is wrk's check of the script, in
-- the main thread before the other inits, so that one call does not wait.
-- Every request string is built in init(), so request() costs wrk one table lookup; the
-- baseline goes through the same script so that wrk's own cost per request is the same in
-- every workload. There is no response() callback on purpose: defining one makes wrk parse
-- every response in Lua and would slow the load generator, which shares the 2 cores with the
-- server. Non-2xx/3xx answers are counted by wrk itself (summary.errors.status).

local api = "/api/v3/onezone"

-- Main state only: setup() numbers the threads and keeps them for done().
local threads = {}

function setup(thread)
   thread:set("tid", #threads)
   table.insert(threads, thread)
end

-- Thread state: the requests of this thread, where it is, and how often it ran out.
local reqs = {}
local idx = 0
wrapped = 0
-- join only: the other threads' raw lines (file order) and how many of them were borrowed.
local spare = {}
borrowed = 0

local function join_request(line)
   local access, invite = string.match(line, "^(%S+) (%S+)$")
   -- Tokens are alphanumeric (Onedata's escaped base64url): no JSON escaping needed.
   return wrk.format("POST", api .. "/user/groups/join", {
      ["X-Auth-Token"] = access,
      ["Content-Type"] = "application/json",
   }, '{"token":"' .. invite .. '"}')
end

-- The start barrier: the ready file, until this thread has seen it; and request() calls so far.
local ready = nil
local calls = 0

local function wait_until_ready()
   -- A busy wait: it lasts as long as the other threads' init(), before wrk's clock starts, and
   -- Lua has no sleep.
   while true do
      local f = io.open(ready, "r")
      if f then
         f:close()
         ready = nil
         return
      end
   end
end

local function options(args)
   local m = {}
   for _, a in pairs(args) do
      local k, v = string.match(a, "^(%w+)=(.*)$")
      if k then
         m[k] = v
      end
   end
   return m
end

-- This thread's requests (and, for join, the other threads' lines).
local function load(o)
   local mode = o.mode
   if mode == "get" then
      reqs[1] = wrk.format("GET", o.path or "/")
      return
   end
   local nthreads = tonumber(o.threads)
   local i = 0
   join_mode = mode == "join"
   for line in io.lines(o.file) do
      if i % nthreads == tid then
         if mode == "read" then
            reqs[#reqs + 1] = wrk.format("GET", api .. (o.path or "/user/groups"), { ["X-Auth-Token"] = line })
         else
            reqs[#reqs + 1] = join_request(line)
         end
      elseif join_mode then
         spare[#spare + 1] = line
      end
      i = i + 1
   end
   if #reqs == 0 then
      error("oz.lua: no requests for thread " .. tid .. " in " .. o.file)
   end
end

-- Called at the end of init(), whatever the mode: the last thread opens the barrier.
local function arm_barrier(o)
   ready = o.ready
   if ready and tid == tonumber(o.threads) - 1 then
      local f = assert(io.open(ready, "w"))
      f:close()
   end
end

function init(args)
   local o = options(args)
   load(o)
   arm_barrier(o)
end

function request()
   calls = calls + 1
   if ready and not (tid == 0 and calls == 1) then
      wait_until_ready()
   end
   idx = idx + 1
   if idx > #reqs and join_mode and borrowed < #spare then
      -- Built on demand: borrowing is the exception, and only costs wrk a little Lua.
      borrowed = borrowed + 1
      return join_request(spare[#spare - borrowed + 1])
   end
   if idx > #reqs then
      -- For join this means the pre-minted pairs ran out: the repeats are idempotent retries
      -- (201 again, nothing written), and the orchestrator reports the run as exhausted rather
      -- than trusting its figures.
      idx = 1
      wrapped = wrapped + 1
   end
   return reqs[idx]
end

function done(summary, latency, requests)
   local w, b = 0, 0
   for _, t in ipairs(threads) do
      w = w + (t:get("wrapped") or 0)
      b = b + (t:get("borrowed") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      "OZBENCH requests=%d duration_us=%d status_errors=%d connect_errors=%d read_errors=%d "
         .. "write_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.1f wrapped=%d borrowed=%d\n",
      summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean, w, b))
end
