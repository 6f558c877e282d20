"""The portal build the Python benchmarks run: PORTAL_DLL, or the ReadyToRun build bench/publish.sh makes (made when
missing), so that a benchmark times the product as deployed, not the JIT."""
import os, subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def portal_dll():
    dll = os.environ.get("PORTAL_DLL")
    if dll:
        return dll
    return subprocess.run(["bash", os.path.join(ROOT, "bench/publish.sh")], check=True, stdout=subprocess.PIPE,
                          text=True).stdout.strip()
