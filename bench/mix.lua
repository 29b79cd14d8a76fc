-- Readers of bench/feedback-load.sh: mostly new reports from many addresses, some OUTDATED
-- without a comment, some repeats of an earlier report (which must get the earlier id), a few
-- invalid. One connection per thread, so each answer belongs to the request just sent. Prints
-- "NEW <id>" for every new report accepted, so that the driver can check that each one is stored.
local threads = {}
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("tid", counter)
  threads[#threads + 1] = thread
end

local slugs = {}
for slug in string.gmatch(os.getenv("MIX_SLUGS") or "", "[^,]+") do
  slugs[#slugs + 1] = slug
end
local reasons = { "INACCURATE", "QUESTIONABLE", "OTHER" }
local n = 0
local sent = {}       -- earlier new reports: { path, client, body }
local ids = {}        -- key -> id given to it
local last = nil      -- the request just sent: { key, repeat }
accepted = 0
repeats = 0
mismatches = 0
invalid = 0
other = 0

-- MIX_RUN makes each run's readers (addresses, comments) distinct from the runs before it
local run = tonumber(os.getenv("MIX_RUN") or "1")

init = function(args)
  math.randomseed(run * 1000003 + tid * 7919)
end

request = function()
  local dice = math.random(0, 99)
  local path, client, body
  local isRepeat = false
  if dice < 10 and #sent > 0 then
    local earlier = sent[math.random(1, #sent)]
    path, client, body = earlier[1], earlier[2], earlier[3]
    isRepeat = true
  else
    n = n + 1
    path = "/api/public/articles/" .. slugs[math.random(1, #slugs)] .. "/feedback"
    client = "10." .. (run * 64 + tid) % 256 .. "." .. math.floor(n / 256) % 256 .. "." .. n % 256
    if dice < 20 then
      body = '{"reason":"OUTDATED"}'
    elseif dice < 25 then
      body = '{"reason":"INACCURATE","comment":"wrong","email":"not an address"}'
    else
      body = '{"reason":"' .. reasons[math.random(1, 3)] .. '","comment":"Reader ' .. run .. "-" .. tid .. "-" .. n
        .. ' thinks the figure in paragraph ' .. math.random(1, 8) .. ' is out of date","email":"r' .. tid .. "-" .. n .. '@example.org"}'
    end
  end
  last = { key = path .. "|" .. client .. "|" .. body, isRepeat = isRepeat, path = path, client = client, body = body }
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client }, body)
end

response = function(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
    local id = string.match(body, '"reportId":"([^"]+)"')
    local before = ids[last.key]
    if before ~= nil then
      repeats = repeats + 1
      if before ~= id then
        mismatches = mismatches + 1
      end
    else
      ids[last.key] = id
      io.write("NEW " .. id .. " " .. last.key .. "\n")
      if not last.isRepeat and #sent < 10000 then
        sent[#sent + 1] = { last.path, last.client, last.body }
      end
    end
  elseif status == 422 then
    invalid = invalid + 1
  else
    other = other + 1
    io.write("STATUS " .. status .. "\n")
  end
end

done = function(summary, latency, requests)
  local a, r, m, i, o = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    r = r + t:get("repeats")
    m = m + t:get("mismatches")
    i = i + t:get("invalid")
    o = o + t:get("other")
  end
  io.write(string.format("MIX accepted=%d repeats=%d mismatches=%d invalid=%d other=%d\n", a, r, m, i, o))
end
