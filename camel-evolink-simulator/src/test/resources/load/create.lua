-- wrk script: POST a new mj-v7 generation on every request (each one is a new, paid task)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-simulator"
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/v1/images/generations", nil,
    '{"model":"mj-v7","prompt":"load test ' .. counter .. ' --ar 16:9"}')
end
