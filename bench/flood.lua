-- The abusive reader of bench/feedback-load.sh: every request from one address (192.0.2.1), on
-- articles named in FLOOD_SLUGS (comma-separated), each connection pausing FLOOD_PAUSE_MS between
-- an answer and its next request. Prints the id of every report that was accepted (202), so that
-- the driver can check that each one is stored.
local slugs = {}
for slug in string.gmatch(os.getenv("FLOOD_SLUGS") or "", "[^,]+") do
  slugs[#slugs + 1] = slug
end
local pause = tonumber(os.getenv("FLOOD_PAUSE_MS") or "5")
local sent = 0

request = function()
  sent = sent + 1
  local slug = slugs[(sent % #slugs) + 1]
  local body = '{"reason":"OTHER","comment":"flood ' .. sent .. ' ' .. math.random(1, 1000000000) .. '"}'
  return wrk.format("POST", "/api/public/articles/" .. slug .. "/feedback",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = "192.0.2.1" }, body)
end

delay = function()
  return pause
end

response = function(status, headers, body)
  if status == 202 then
    io.write("ACCEPTED " .. body .. "\n")
  elseif status ~= 429 then
    io.write("STATUS " .. status .. "\n")
  end
end
