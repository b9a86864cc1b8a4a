#!/usr/bin/env python3
"""Times the what-if page on the loopback address (docs/performance.md): `phbsim serve` must be
running; USERS browsers at once each run the default with REPS replications (seed per user: 1, 2 or
3, so a result given to the wrong user would show); prints each time to result, the 95th centile,
the throughput, errors, and whether every user's headline matches the first of its seed.
Bounded: USERS requests, each waited for at most 600 s. Usage: web-load.py URL [USERS] [REPS]"""
import html, re, sys, threading, time, urllib.error, urllib.parse, urllib.request

url = sys.argv[1].rstrip("/")
users = int(sys.argv[2]) if len(sys.argv) > 2 else 20
reps = sys.argv[3] if len(sys.argv) > 3 else "50"

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None

def one(seed, out):
    r = urllib.request.urlopen(url + "/", timeout=60)
    tok = re.search(r"phbsim_token=([0-9a-f]{32})", r.headers["Set-Cookie"]).group(1)
    page = r.read().decode()
    data = [("csrf", tok), ("base", "builtin:default"), ("replications", reps), ("seed", str(seed))]
    data += [(html.unescape(k), html.unescape(v)) for k, v in re.findall(r'name="(a:[^"]+)" value="([^"]*)"', page)]
    data += [(html.unescape(o), "on") for o in re.findall(r'name="(option:[^"]+)"', page)]
    h = {"Cookie": "phbsim_token=" + tok}
    t = time.time()
    try:
        urllib.request.build_opener(NoRedirect).open(urllib.request.Request(url + "/run", urllib.parse.urlencode(data).encode(), h))
        out["error"] = "no redirect"; return
    except urllib.error.HTTPError as e:
        if e.code != 303:
            out["error"] = "HTTP %d" % e.code; return
        loc = e.headers["Location"]
    while time.time() - t < 600:
        s = urllib.request.urlopen(urllib.request.Request(url + loc + "/status", headers=h)).read().decode()
        if "QUEUED" not in s and "RUNNING" not in s:
            break
        time.sleep(0.1)
    body = urllib.request.urlopen(urllib.request.Request(url + loc, headers=h)).read().decode()
    out["seconds"] = time.time() - t
    m = re.search(r'data-figure="net_saving_cash" data-raw="([^"]*)"', body)
    out["headline"] = m.group(1) if m else None
    if '"DONE"' not in s:
        out["error"] = s

results = [dict(seed=1 + i % 3) for i in range(users)]
start = time.time()
threads = [threading.Thread(target=one, args=(r["seed"], r)) for r in results]
for th in threads: th.start()
for th in threads: th.join()
wall = time.time() - start
times = sorted(r["seconds"] for r in results if "seconds" in r)
errors = [r for r in results if "error" in r or r.get("headline") is None]
first = {}
mixed = 0
for r in results:
    first.setdefault(r["seed"], r.get("headline"))
    mixed += r.get("headline") != first[r["seed"]]
distinct = len(set(first.values()))
p95 = times[max(0, int(round(0.95 * len(times))) - 1)] if times else float("nan")
print("users %d, %s replications: wall %.1f s, throughput %.2f runs/min, p95 time to result %.1f s, median %.1f s, errors %d, mixed %d, seeds distinct %d"
      % (users, reps, wall, 60 * len(times) / wall, p95, times[len(times) // 2] if times else float("nan"), len(errors), mixed, distinct))
sys.exit(1 if errors or mixed or distinct != len(first) else 0)
