#!/usr/bin/env python3
"""Writes the benchmark zone (bench.example., N records) and a dnsperf query file with a fixed mix:
80% hits (A, AAAA, MX, TXT at existing names), 8% NXDOMAIN, 4% NODATA, 4% wildcard, 4% delegation."""
import random, sys

def main(records: int, zone_path: str, queries_path: str, query_count: int = 200_000) -> None:
    random.seed(42)
    hosts = max(1, (records - 20) // 2)   # each host: one A and one AAAA record
    with open(zone_path, "w") as z:
        z.write("$ORIGIN bench.example.\n$TTL 3600\n")
        z.write("@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n@ IN NS ns1\n@ IN NS ns2\n")
        z.write("ns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n@ IN MX 10 mail\nmail IN A 192.0.2.25\n")
        z.write('@ IN TXT "v=spf1 mx -all"\n*.wild IN A 192.0.2.99\n')
        z.write("deleg IN NS ns.deleg\nns.deleg IN A 192.0.2.53\n")
        for i in range(hosts):
            z.write(f"h{i} IN A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n")
            z.write(f"h{i} IN AAAA 2001:db8::{i >> 16:x}:{i & 0xffff:x}\n")
    with open(queries_path, "w") as q:
        for _ in range(query_count):
            roll = random.random()
            i = random.randrange(hosts)
            if roll < 0.80:
                q.write(random.choice([f"h{i}.bench.example. A", f"h{i}.bench.example. AAAA",
                                       "bench.example. MX", "bench.example. TXT"]) + "\n")
            elif roll < 0.88:
                q.write(f"missing{i}.bench.example. A\n")
            elif roll < 0.92:
                q.write(f"h{i}.bench.example. MX\n")
            elif roll < 0.96:
                q.write(f"x{i}.wild.bench.example. A\n")
            else:
                q.write(f"www{i}.deleg.bench.example. A\n")

if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3])
