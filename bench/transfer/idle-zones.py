#!/usr/bin/env python3
"""Idle cost of many secondary zones: BIND 9 serves N small primary zones; Knot and SecondaryPortal are
secondaries of all of them, both started as the zones are added. Once every zone is served by both, measure each
secondary's CPU time over an idle minute, again over a minute SETTLE seconds (default 120) later, and its memory (PSS).
Prints a Markdown table for bench/README.md.

    python3 bench/transfer/idle-zones.py [zones=10000] [idle_seconds=60]
"""
import os, socket, struct, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from portal import portal_dll  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PORTAL = portal_dll()
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def query(name, qid):
    q = struct.pack(">HHHHHH", qid, 0, 1, 0, 0, 0)
    for label in name.rstrip(".").split("."):
        q += bytes([len(label)]) + label.encode()
    return q + b"\0" + struct.pack(">HH", 6, 1)


def served(port, zones, limit):
    """Waits until every zone's SOA is answered with NOERROR; returns seconds taken, or None."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(0.2)
    pending, started = list(zones), time.monotonic()
    while pending and time.monotonic() - started < limit:
        still = []
        for i, zone in enumerate(pending):
            sock.sendto(query(zone, i & 0xFFFF), ("127.0.0.1", port))
            try:
                data, _ = sock.recvfrom(4096)
                ok = (data[3] & 0xF) == 0 and struct.unpack(">H", data[6:8])[0] > 0
            except socket.timeout:
                ok = False
            if not ok:
                still.append(zone)
        pending = still
        if pending:
            time.sleep(1)
    return None if pending else time.monotonic() - started


def tree(pid):
    pids = [pid]
    for child in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split():
        pids += tree(int(child))
    return pids


def cpu_ticks(pid):
    total = 0
    for p in tree(pid):
        with open(f"/proc/{p}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total


def pss_mib(pid):
    total = 0
    for p in tree(pid):
        with open(f"/proc/{p}/smaps_rollup") as f:
            total += sum(int(line.split()[1]) for line in f if line.startswith("Pss:"))
    return total / 1024


def smaps_by_kind(pid):
    """PSS in MiB by what is mapped: anonymous memory (the GC's and the C heap), images, the runtime's double mapping."""
    kinds, kind = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5 and ":" not in fields[0]:
                path = fields[5] if len(fields) > 5 else ""
                kind = ("double-mapped code" if path.startswith("/memfd:doublemapper") else "anonymous" if not path or path == "[heap]"
                        else "managed images" if path.endswith(".dll") else "native libraries" if ".so" in path else "other")
            elif fields[0] == "Pss:":
                kinds[kind] = kinds.get(kind, 0) + int(fields[1])
    return ", ".join(f"{name} {kb / 1024:.0f}" for name, kb in sorted(kinds.items(), key=lambda item: -item[1]))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    idle = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    work = tempfile.mkdtemp(prefix="sp-idle-")
    zones = [f"z{i}.idle.example." for i in range(count)]
    bind_port, knot_port, ours_port = free_port(), free_port(), free_port()
    with open(f"{work}/tiny.db", "w") as f:
        f.write("$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.2\n")
    with open(f"{work}/named.conf", "w") as f:
        f.write(f'options {{ directory "{work}"; pid-file none; listen-on port {bind_port} {{ 127.0.0.1; }}; listen-on-v6 {{ none; }};\n'
                f'  recursion no; dnssec-validation no; notify no; allow-transfer {{ any; }}; transfers-out 100; }};\ncontrols {{ }};\n')
        for zone in zones:
            f.write(f'zone "{zone}" {{ type primary; file "tiny.db"; }};\n')
    os.makedirs(f"{work}/knot")
    with open(f"{work}/knot/knot.conf", "w") as f:
        f.write(f"server:\n  listen: 127.0.0.1@{knot_port}\n  rundir: {work}/knot\ndatabase:\n  storage: {work}/knot\n"
                f"remote:\n  - id: primary\n    address: 127.0.0.1@{bind_port}\n"
                f"template:\n  - id: default\n    storage: {work}/knot\n    master: primary\n    zonefile-sync: -1\n"
                f"    zonefile-load: none\n    journal-content: all\nzone:\n")
        for zone in zones:
            f.write(f"  - domain: {zone}\n")
    procs = []
    try:
        procs.append(subprocess.Popen(["/usr/sbin/named", "-g", "-4", "-c", f"{work}/named.conf"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        if served(bind_port, zones[-1:], 120) is None:
            sys.exit("BIND did not load the zones")
        data = [f"--Storage:DataDirectory={work}/ours"]
        log = open(f"{work}/ours.log", "w")
        ours = subprocess.Popen(["dotnet", PORTAL, *data, f"--Dns:Listen:0=127.0.0.1:{ours_port}", "--urls", "http://127.0.0.1:0",
                                 "--Logging:LogLevel:SecondaryPortal.Portal.Memory=Debug"], stdout=log, stderr=log)
        procs.append(ours)
        time.sleep(3)  # our host is up before the zones are added; Knot transfers its zones as it starts
        knot = subprocess.Popen(["/usr/sbin/knotd", "-c", f"{work}/knot/knot.conf"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(knot)
        subprocess.run(["dotnet", PORTAL, "zone", "add", *zones, "--secondary", "--primary", f"127.0.0.1:{bind_port}", *data],
                       check=True, stdout=subprocess.DEVNULL)
        took = {}
        waits = [threading.Thread(target=lambda label, port: took.__setitem__(label, served(port, zones, 600)), args=args)
                 for args in (("SecondaryPortal", ours_port), ("Knot", knot_port))]
        for wait in waits:
            wait.start()
        for wait in waits:
            wait.join()
        time.sleep(10)  # let the initial transfers' aftermath settle
        # Two windows: the first minute after the transfers (a .NET process still compiles the code it ran hot, in the
        # background), then a minute after SETTLE more seconds, when that is done: the cost of idling for good.
        settle = int(os.environ.get("SETTLE", "120"))
        first, later = {}, {}
        for window in (first, later):
            before = {"SecondaryPortal": cpu_ticks(ours.pid), "Knot": cpu_ticks(knot.pid)}
            time.sleep(idle)
            for label, proc in (("SecondaryPortal", ours), ("Knot", knot)):
                window[label] = 100 * (cpu_ticks(proc.pid) - before[label]) / TICKS / idle
            if window is first:
                time.sleep(settle)
        rows = []
        for label, proc in (("SecondaryPortal", ours), ("Knot", knot)):
            seconds = took.get(label)
            rows.append(f"| {label} | {'-' if seconds is None else f'{seconds:.1f}'} | {first[label]:.2f} | {later[label]:.2f} | "
                        f"{pss_mib(proc.pid):.0f} |")
        print(f"\n{count} secondary zones of one primary (BIND 9); CPU over {idle} s idle after all were served, and over {idle} s "
              f"{settle} s later\n")
        print("| secondary | all zones served after s | idle CPU % of one core, first minute | idle CPU %, settled | PSS MiB |")
        print("| --- | ---: | ---: | ---: | ---: |")
        print("\n".join(rows))
        with open(f"{work}/ours.log") as f:  # what the burst reclaimer did (src/Portal/Memory), if anything
            lines = f.read().splitlines()
        print("".join(f"\nour log: {line.strip()}" for i, line in enumerate(lines) if "BurstMemoryReclaimer" in lines[i - 1]))
        print(f"\nour PSS by kind of mapping: {smaps_by_kind(ours.pid)}")
    finally:
        for p in procs:
            p.kill()


if __name__ == "__main__":
    main()
