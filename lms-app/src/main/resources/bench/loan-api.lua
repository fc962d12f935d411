-- wrk script of `lms bench api`: every request asks about a loan picked at random from the benchmark tenant's
-- live loans (never one hot id). Arguments after `--`: mode, ids file (one live loan id a line), token, tenant
-- id, and for mode "archive" the first and last date of the range.
--   loan       GET odata.svc/Loans(id)?$expand=LoanSetup,LoanSettings,StatusArchive
--   displayId  GET odata.svc/Loans?$filter=displayId eq 'LN<id>'&$top=50
--   archive    GET odata.svc/LoanStatusArchive?$filter=loanId eq <id> and date ge datetime'<from>'
--                  and date le datetime'<to>'&$top=50
--   payments   GET odata.svc/Payments?$filter=entityId eq <id>&$top=50
local base = "/api/public/api/1/odata.svc/"
local threads = 0
local ids, mode, from, to

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function init(args)
  mode, from, to = args[1], args[5], args[6]
  ids = {}
  for line in io.lines(args[2]) do
    ids[#ids + 1] = line
  end
  wrk.headers["Authorization"] = "Bearer " .. args[3]
  wrk.headers["Autopal-Instance-Id"] = args[4]
  math.randomseed(os.time() * 100 + (number or 0))
end

local function pick()
  return ids[math.random(#ids)]
end

request = function()
  local id = pick()
  local path
  if mode == "loan" then
    path = "Loans(" .. id .. ")?$expand=LoanSetup,LoanSettings,StatusArchive"
  elseif mode == "displayId" then
    path = "Loans?$filter=displayId%20eq%20%27LN" .. id .. "%27&$top=50"
  elseif mode == "archive" then
    path = "LoanStatusArchive?$filter=loanId%20eq%20" .. id .. "%20and%20date%20ge%20datetime%27" .. from
        .. "%27%20and%20date%20le%20datetime%27" .. to .. "%27&$top=50"
  elseif mode == "payments" then
    path = "Payments?$filter=entityId%20eq%20" .. id .. "&$top=50"
  else
    error("unknown mode " .. tostring(mode))
  end
  return wrk.format("GET", base .. path)
end
