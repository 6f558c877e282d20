#!/usr/bin/env python3
"""Propagation benchmark: BIND 9 is the primary of a zone; Knot and SecondaryPortal are its secondaries,
both told by NOTIFY. For each change (a TSIG-signed UPDATE sent with nsupdate to BIND), measure the time
from BIND's reply to the UPDATE until each secondary answers the new record. Also: the initial transfer
of the zone until each secondary serves it. Prints a Markdown table for bench/README.md.

    python3 bench/transfer/propagation.py [records=100000] [changes=50]
"""
import os, socket, statistics, struct, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from portal import portal_dll  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PORTAL = portal_dll()
KEY = ("update-key.", "hmac-sha256", "dXBkYXRlIGtleSBmb3IgdGhlIHByb3BhZ2F0aW9uIGJlbmNo")
ZONE = "bench.example."


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def query(name, qtype, qid):
    q = struct.pack(">HHHHHH", qid, 0, 1, 0, 0, 0)
    for label in name.rstrip(".").split("."):
        q += bytes([len(label)]) + label.encode()
    return q + b"\0" + struct.pack(">HH", qtype, 1)


def answered(sock, port, name, qtype, qid):
    """True when the server at port answers name/qtype with NOERROR and at least one answer."""
    sock.sendto(query(name, qtype, qid), ("127.0.0.1", port))
    try:
        data, _ = sock.recvfrom(4096)
    except socket.timeout:
        return False
    return len(data) >= 12 and (data[3] & 0xF) == 0 and struct.unpack(">H", data[6:8])[0] > 0


def wait_served(ports, name, qtype, started, limit=60.0):
    """Polls every port until each answers; returns {port: seconds since started}."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(0.05)
    done, qid = {}, 1
    while len(done) < len(ports) and time.monotonic() - started < limit:
        for port in ports:
            if port not in done:
                qid = (qid + 1) & 0xFFFF
                if answered(sock, port, name, qtype, qid):
                    done[port] = time.monotonic() - started
        time.sleep(0.0002)
    return done


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_idle(pid, quiet=1.0, limit=120.0):
    """Waits until the process has used no CPU for `quiet` seconds (Knot writes its journal after it serves a zone:
    our initial transfer is timed on a machine that is not still busy with Knot's)."""
    started, last, since = time.monotonic(), cpu_ticks(pid), time.monotonic()
    while time.monotonic() - started < limit:
        time.sleep(0.1)
        now = cpu_ticks(pid)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def main():
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    changes = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    work = tempfile.mkdtemp(prefix="sp-propagation-")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/responder/make-zone.py"), str(records),
                    f"{work}/zone.db", f"{work}/queries"], check=True)
    bind_port, knot_port, ours_port = free_port(), free_port(), free_port()
    procs = []
    try:
        # BIND paces its NOTIFYs (notify-rate): the target listed first hears of a change a little sooner, so
        # NOTIFY_FIRST=knot|ours says who is first, and the README reports both orders.
        first_knot = os.environ.get("NOTIFY_FIRST", "ours") == "knot"
        ports = [knot_port, ours_port] if first_knot else [ours_port, knot_port]
        notify_order = " ".join(f"127.0.0.1 port {p};" for p in ports)
        os.makedirs(f"{work}/bind")
        with open(f"{work}/bind/named.conf", "w") as f:
            f.write(f'''options {{ directory "{work}/bind"; pid-file none; listen-on port {bind_port} {{ 127.0.0.1; }};
  listen-on-v6 {{ none; }}; recursion no; dnssec-validation no; notify explicit; ixfr-from-differences yes;
  also-notify {{ {notify_order} }}; notify-delay 0; notify-rate 1000; }};
controls {{ }};
key "{KEY[0]}" {{ algorithm {KEY[1]}; secret "{KEY[2]}"; }};
zone "{ZONE}" {{ type primary; file "{work}/zone.db"; allow-update {{ key {KEY[0]}; }}; allow-transfer {{ any; }}; }};
''')
        procs.append(subprocess.Popen(["/usr/sbin/named", "-g", "-4", "-c", f"{work}/bind/named.conf"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        if not wait_served([bind_port], ZONE, 6, time.monotonic()):
            sys.exit("BIND did not start")

        os.makedirs(f"{work}/knot")
        with open(f"{work}/knot/knot.conf", "w") as f:
            f.write(f'''server:
  listen: 127.0.0.1@{knot_port}
  rundir: {work}/knot
database:
  storage: {work}/knot
remote:
  - id: primary
    address: 127.0.0.1@{bind_port}
acl:
  - id: notify_from_primary
    address: 127.0.0.1
    action: notify
template:
  - id: default
    storage: {work}/knot
    zonefile-sync: -1
    zonefile-load: none
    journal-content: all
zone:
  - domain: {ZONE}
    master: primary
    acl: notify_from_primary
''')
        started = time.monotonic()
        procs.append(subprocess.Popen(["/usr/sbin/knotd", "-c", f"{work}/knot/knot.conf"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # Knot is timed from its start, which includes loading its (empty) state: a slight handicap for Knot.
        knot_initial = wait_served([knot_port], ZONE, 6, started, limit=300).get(knot_port)
        wait_idle(procs[-1].pid)

        data = f"{work}/ours"
        common = [f"--Storage:DataDirectory={data}"]
        log = open(f"{work}/ours.log", "w")
        procs.append(subprocess.Popen(["dotnet", PORTAL, *common, f"--Dns:Listen:0=127.0.0.1:{ours_port}", "--urls", "http://127.0.0.1:0",
                                       "--Logging:Console:FormatterName=simple", *os.environ.get("OURS_ARGS", "").split(), "--Logging:Console:FormatterOptions:SingleLine=true",
                                       "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff "], stdout=log, stderr=log))
        print(f"our log: {work}/ours.log")
        time.sleep(3)  # the host is up before the zone is added, so the transfer alone is timed
        subprocess.run(["dotnet", PORTAL, "zone", "add", ZONE, "--secondary", "--primary", f"127.0.0.1:{bind_port}", *common],
                       check=True, stdout=subprocess.DEVNULL)
        # Timed from the command's exit: the running server notices the new zone within its 0.5 s poll.
        started = time.monotonic()
        ours_initial = wait_served([ours_port], ZONE, 6, started, limit=300).get(ours_port)

        latencies = {knot_port: [], ours_port: []}
        for i in range(changes):
            name = f"change{i}.{ZONE}"
            script = f"server 127.0.0.1 {bind_port}\nzone {ZONE}\nupdate add {name} 60 IN TXT \"{i}\"\nsend\n"
            subprocess.run(["nsupdate", "-y", f"{KEY[1]}:{KEY[0]}:{KEY[2]}"], input=script.encode(), check=True)
            replied = time.monotonic()
            if os.environ.get("PROPAGATION_TRACE"):
                print(f"change {i}: primary replied at {time.strftime('%H:%M:%S')}.{int(time.time() * 1000) % 1000:03d}")
            for port, seconds in wait_served([knot_port, ours_port], name, 16, replied, limit=10).items():
                latencies[port].append(seconds * 1000)
            time.sleep(1)

        def row(label, port, initial):
            values = sorted(latencies[port])
            if not values:
                return f"| {label} | - | - | 0/{changes} | {initial or '-'} |"
            p99 = values[min(len(values) - 1, int(round(0.99 * (len(values) - 1))))]
            return (f"| {label} | {statistics.median(values):.1f} | {p99:.1f} | {len(values)}/{changes} | "
                    f"{initial:.2f} |" if initial else "- |")
        print(f"\nzone of {records} records, {changes} changes about a second apart (BIND 9 primary, NOTIFY to both, "
              f"{'Knot' if first_knot else 'SecondaryPortal'} notified first)\n")
        print("| secondary | propagation median ms | p99 ms | changes seen | initial transfer until served s |")
        print("| --- | ---: | ---: | ---: | ---: |")
        print(row("SecondaryPortal", ours_port, ours_initial))
        print(row("Knot", knot_port, knot_initial))
    finally:
        for p in procs:
            p.kill()


if __name__ == "__main__":
    main()
