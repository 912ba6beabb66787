-- wrk script of bench/http_load.py: requests as the reverse proxy forwards them, one summary line.
--
-- wrk ... -s bench/http_load.lua URL -- METHOD PATH ORIGIN THREADS MARKER [VISITORS_FILE]
--
-- Every request carries X-Forwarded-Proto: https and an X-Forwarded-For address, as the proxy
-- in front of gunicorn sends them. Without VISITORS_FILE each request comes from an address of
-- its own (anonymous visitors); with it, requests go round the signed-in visitors of the file
-- (one "cookie<TAB>csrf token<TAB>address" a line), a POST carrying the form's CSRF token, Origin
-- and Referer as a browser does. A response counts as an error unless it is a 200 whose body
-- holds MARKER (a 200 can still say "check-in is closed"); so do wrk's socket errors and timeouts.
-- done() prints "BENCH-JSON {...}" for the driver to read.

local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    method, path, origin = args[1], args[2], args[3]
    step, marker = tonumber(args[4]), args[5]
    visitors = {}
    if args[6] then
        for line in io.lines(args[6]) do
            local cookie, token, address = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
            table.insert(visitors, { cookie = cookie, token = token, address = address })
        end
    end
    sent = id -- threads interleave: thread i sends the i-th, (i + step)-th, ... request
    failed = 0
    first_status = 0
end

function request()
    sent = sent + step
    local headers = { ["X-Forwarded-Proto"] = "https" }
    local body = nil
    if #visitors > 0 then
        local visitor = visitors[sent % #visitors + 1]
        headers["Cookie"] = visitor.cookie
        headers["X-Forwarded-For"] = visitor.address
        if method == "POST" then
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = origin
            headers["Referer"] = origin .. path
            body = "csrfmiddlewaretoken=" .. visitor.token
        end
    else
        local n = math.floor(sent / 256)
        headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 256) % 256, n % 256, sent % 256)
    end
    return wrk.format(method, path, headers, body)
end

function response(status, headers, body)
    if status ~= 200 or not body:find(marker, 1, true) then
        failed = failed + 1
        if first_status == 0 then
            first_status = status
        end
    end
end

function done(summary, latency, requests)
    local failed_total, status = 0, 0
    for _, thread in ipairs(threads) do
        failed_total = failed_total + thread:get("failed")
        if status == 0 then
            status = thread:get("first_status")
        end
    end
    local errors = summary.errors
    io.write(string.format(
        'BENCH-JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "failed": %d, '
            .. '"first_status": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), failed_total,
        status, errors.connect, errors.read, errors.write, errors.timeout
    ))
end
