#!/usr/bin/env bash
# Publishes the portal as it is deployed, ReadyToRun (precompiled, so a benchmark does not time the JIT), into
# artifacts/portal, and prints the path of its DLL. The benchmarks run that build; PORTAL_DLL overrides it.
#
#     bash bench/publish.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/portal"
dotnet publish "$root/src/Portal" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -v q -nologo >&2
echo "$out/SecondaryPortal.Portal.dll"
