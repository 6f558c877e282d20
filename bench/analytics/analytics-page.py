#!/usr/bin/env python3
"""Analytics page and API over 7 days of counts for 100 zones, end to end over HTTP.

Starts the built portal (src/Portal/bin/Release/net10.0) on free ports with a fresh data directory, creates an admin
and an API token with the binary's verbs, creates the zones through the API, seeds the analytics tables the way the
aggregator leaves them (hour rows for every hour of the range, minute rows for the last 2 days, a dozen
type/rcode/transport/region combinations per zone, top names and top NXDOMAIN names per zone-hour, two transfers per
zone), then times GET /analytics?range=7d (signed in as the admin) and GET /api/v1/analytics?range=7d.

usage: analytics-page.py [--zones 100] [--days 7] [--runs 15] [--keep]   (--keep: leave the server running, print its URL)
"""
import argparse, hashlib, http.cookiejar, json, os, re, socket, sqlite3, statistics, subprocess, sys, tempfile, time
import urllib.parse, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.path.join(ROOT, "src/Portal/bin/Release/net10.0/SecondaryPortal.Portal.dll")
EMAIL, PASSWORD = "admin@bench.example", "Bench-password-1"
# (qtype, rcode, transport 0=udp 1=tcp, ip version, client region, node region, share of the zone's queries)
COMBOS = [
    (1, 0, 0, 4, "eu-west", "eu-central", 30), (28, 0, 0, 6, "eu-west", "eu-central", 14), (1, 0, 0, 4, "us-east", "us-east", 18),
    (28, 0, 0, 4, "us-east", "us-east", 8), (15, 0, 0, 4, "eu-west", "eu-central", 5), (16, 0, 1, 4, "ap-south", "us-east", 4),
    (65, 0, 0, 6, "ap-south", "eu-central", 6), (1, 3, 0, 4, "other", "eu-central", 5), (28, 3, 0, 6, "eu-west", "eu-central", 4),
    (2, 0, 1, 4, "us-east", "us-east", 2), (6, 0, 1, 6, "eu-west", "eu-central", 2), (0, 5, 0, 4, "other", "us-east", 2),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def verb(data, *args):
    out = subprocess.run(["dotnet", DLL, *args, f"--Storage:DataDirectory={data}"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def wait_healthy(base):
    for _ in range(300):
        try:
            if urllib.request.urlopen(base + "/healthz", timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the portal did not start")


def api(base, token, method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        return resp.read()


def sign_in(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/account/login").read().decode()
    form = page[page.index("<form"):page.index("</form>")]
    fields = dict(re.findall(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', form))
    fields.update({"Input.Email": EMAIL, "Input.Password": PASSWORD})
    opener.open(base + "/account/login", urllib.parse.urlencode(fields).encode())
    return opener


def count(zone, combo, hour, share):
    """A deterministic, daily-cycling count for a zone's combination in one hour."""
    h = int(hashlib.blake2b(f"{zone}{combo}{hour}".encode(), digest_size=4).hexdigest(), 16)
    diurnal = 1.0 + 0.6 * (((hour // 3600) % 24) in range(8, 20))
    return max(1, int(share * 20 * diurnal * (0.8 + (h % 40) / 100)))


def seed(db_path, zones, days, now):
    hour_now = now - now % 3600
    hours = [hour_now - i * 3600 for i in range(days * 24)]
    minute_now = now - now % 60
    minutes = [minute_now - i * 60 for i in range(2 * 24 * 60)]
    db = sqlite3.connect(db_path, timeout=60)
    db.execute("PRAGMA synchronous=OFF")
    insert = ('INSERT INTO "QueryAggregates" ("Resolution","BucketStart","Zone","QueryType","Rcode","Transport","IpVersion",'
              '"NodeRegion","ClientRegion","Count") VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET "Count"="Count"+excluded."Count"')
    rows = 0
    with db:
        for z in zones:
            for i, (t, r, tr, ip, client, node, share) in enumerate(COMBOS):
                db.executemany(insert, ((3600, h, z, t, r, tr, ip, node, client, count(z, i, h, share)) for h in hours))
                db.executemany(insert, ((60, m, z, t, r, tr, ip, node, client, max(1, count(z, i, m - m % 3600, share) // 60)) for m in minutes))
                rows += len(hours) + len(minutes)
            # As the aggregator files them: each hour's list, and the same names added into the day's list.
            days_seen = sorted({h - h % 86400 for h in hours})
            labels = [(0, label, 500 - 20 * n) for n, label in enumerate(["www", "api", "mail", "cdn", "app", "static", "login", "shop", "blog", "docs", "img", "m", "news", "vpn", "git", "ftp", "ns1", "ns2", "dev", "test"])]
            labels += [(1, label, 40 - 5 * n) for n, label in enumerate(["wwww", "old", "autodiscover", "wpad", "_dmarc"])]
            names = [(3600, h, z, nx, f"{label}.{z}", c) for h in hours for nx, label, c in labels]
            names += [(86400, d, z, nx, f"{label}.{z}", c * sum(1 for h in hours if h - h % 86400 == d)) for d in days_seen for nx, label, c in labels]
            db.executemany('INSERT INTO "QueryTopNames" ("Resolution","BucketStart","Zone","NxDomain","Name","Count") VALUES (?,?,?,?,?,?)', names)
            rows += len(names)
            zone_id = db.execute('SELECT "Id" FROM "Zones" WHERE "Origin" = ?', (z,)).fetchone()[0]
            for k, back in enumerate((days * 86400 // 3, days * 86400 * 2 // 3)):
                db.execute('INSERT INTO "TransferLog" ("ZoneId","At","Primary","Kind","Serial","Records","Bytes","DurationMs") VALUES (?,?,?,?,?,?,?,?)',
                           (zone_id, time.strftime("%Y-%m-%d %H:%M:%S+00:00", time.gmtime(now - back)), "192.0.2.1:53", "Ixfr", 2026120100 + k, 12, 900, 40))
    db.close()
    return rows


def timed(fetch, runs):
    for _ in range(2):
        fetch()  # warm-up: JIT, SQLite page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        size = fetch()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, times[0], times[-1], size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--zones", type=int, default=100)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="analytics-bench-")
    web, dns = free_port(), free_port()
    base = f"http://127.0.0.1:{web}"
    verb(data, "user", "create", "--email", EMAIL, "--password", PASSWORD, "--admin")
    server = subprocess.Popen(["dotnet", DLL, f"--urls={base}", f"--Dns:Listen:0=127.0.0.1:{dns}", f"--Storage:DataDirectory={data}",
                               "--Logging:LogLevel:Default=Warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(base)
        token = verb(data, "token", "create", "--email", EMAIL).split()[-1]
        zones = [f"zone{i:03d}.example." for i in range(args.zones)]
        for z in zones:
            api(base, token, "POST", "/api/v1/zones", {"domain": z.rstrip("."), "kind": "authoritative", "publish": True})
        started = time.perf_counter()
        rows = seed(os.path.join(data, "secondaryportal.db"), zones, args.days, int(time.time()))
        print(f"seeded {rows:,} rows for {len(zones)} zones in {time.perf_counter() - started:.1f} s")
        browser = sign_in(base)
        page = lambda: len(browser.open(base + f"/analytics?range={args.days}d").read())
        api_call = lambda: len(api(base, token, "GET", f"/api/v1/analytics?range={args.days}d"))
        body = browser.open(base + f"/analytics?range={args.days}d").read().decode()
        total = re.search(r'id="analytics-total">([^<]+)<', body)
        print(f"page total: {total.group(1) if total else 'MISSING'}")
        for name, fetch in (("GET /analytics?range=7d (admin, page)", page), ("GET /api/v1/analytics?range=7d (admin, API)", api_call)):
            median, p95, low, high, size = timed(fetch, args.runs)
            print(f"{name}: median {median:.0f} ms, p95 {p95:.0f} ms (min {low:.0f}, max {high:.0f}; {size:,} bytes; {args.runs} runs)")
        if args.keep:
            print(f"server left running at {base} (DNS {dns}), data {data}, pid {server.pid}; sign in as {EMAIL} / {PASSWORD}")
            return
    finally:
        if not args.keep:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
