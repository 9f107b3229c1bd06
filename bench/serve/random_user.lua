-- wrk script: each request asks for a different user_id, so no two requests share a
-- cached response and every one runs a query.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/datasets/orders/rows?user_id=" .. math.random(0, 99999))
end
