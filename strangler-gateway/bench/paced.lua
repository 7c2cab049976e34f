-- wrk script: a fixed request rate instead of as-fast-as-possible, so that latency is measured below saturation.
-- Each wrk thread sends one request every PACE_MS milliseconds (float; from the environment) on whichever of its
-- connections is free: total rate = threads x 1000 / PACE_MS. The schedule is kept in absolute time, so a late
-- request does not shift the ones after it. (wrk timers have millisecond resolution; the average rate holds.)
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } strangler_timespec;
  int clock_gettime(int clock_id, strangler_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_spec = ffi.new("strangler_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_spec)
  return tonumber(now_spec.tv_sec) * 1000 + tonumber(now_spec.tv_nsec) / 1e6
end

local interval = tonumber(os.getenv("PACE_MS") or "")
if interval == nil or interval <= 0 then
  error("PACE_MS must be a positive number of milliseconds")
end
local next_at = nil

function delay()
  local now = now_ms()
  if next_at == nil or next_at < now - 1000 then
    next_at = now -- first call, or more than a second behind: restart the schedule rather than burst
  end
  next_at = next_at + interval
  local wait = next_at - now
  if wait < 0 then
    return 0
  end
  return wait
end
