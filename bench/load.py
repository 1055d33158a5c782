#!/usr/bin/env python3
"""Serve under load: wrk against `gen serve` while briefs are edited every 100 ms.

    python3 bench/load.py [--pages 1000] [--duration 30] [--connections 64] [--gen target/release/gen]

Installs wrk with apt-get when it is missing, generates a corpus with bench/make_corpus.py
(flavor gen) beside the repo's site.yaml and theme, starts `gen serve --port 0` on
127.0.0.1, and runs wrk for the duration over a list of existing pages (home, overviews,
role pages, roles.json, the stylesheet) while a second loop edits a brief every 100 ms
(body and front-matter edits in turn). Prints requests/s, latency percentiles, the count of
non-2xx answers (must be 0: every requested page exists), the rebuilds the server logged,
and the server's resident memory sampled every second (it must level off, not grow with
time). Exits non-zero when a check fails. Everything stays on 127.0.0.1 and ends when the
duration is over.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import corpus

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# Round-robin over the paths; count answers outside 2xx per thread (wrk's own counter also
# counts 3xx as good).
LUA = r"""
local paths = {}
for line in io.lines(os.getenv("GEN_LOAD_PATHS")) do paths[#paths + 1] = line end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) i = math.random(#paths); bad = 0 end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("GEN_NON_2XX %d\n", total))
  io.write(string.format("GEN_P99_US %d\n", latency:percentile(99)))
  io.write(string.format("GEN_P50_US %d\n", latency:percentile(50)))
  io.write(string.format("GEN_REQUESTS %d\n", summary.requests))
  io.write(string.format("GEN_ERRORS %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("wrk is missing: installing it with apt-get", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update"], check=False, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, stdout=subprocess.DEVNULL)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--edit-every", type=float, default=0.1, help="seconds between edits")
    parser.add_argument("--gen", default=os.path.join(REPO, "target", "release", "gen"))
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    args = parser.parse_args()
    ensure_wrk()
    if not os.path.exists(args.gen):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)

    work = tempfile.mkdtemp(prefix="gen-load-")
    site = os.path.join(work, "site")
    corpus.generate(site, args.pages, themes=True)
    log_path = os.path.join(work, "serve.log")
    log = open(log_path, "w")
    server = subprocess.Popen(
        [args.gen, "serve", "--port", "0", "--bind", "127.0.0.1"],
        cwd=site, stdout=subprocess.PIPE, stderr=log, text=True,
    )
    failures = []
    try:
        url = next(w for w in server.stdout.readline().split() if w.startswith("http://"))
        base = url.rstrip("/")
        prefix = "/" + base.split("/", 3)[3] if base.count("/") > 2 else ""
        roles = sorted(f for f in os.listdir(os.path.join(site, "content", "roles")) if f.endswith(".md"))
        slugs = [r[:-3] for r in roles]
        paths = [f"{prefix}/", f"{prefix}/matrix/", f"{prefix}/sequence/", f"{prefix}/roles.json",
                 f"{prefix}/style.css", f"{prefix}/search-index.js", f"{prefix}/health/"]
        paths += [f"{prefix}/roles/{s}/" for s in slugs[:: max(1, len(slugs) // 40)]]
        paths_file = os.path.join(work, "paths.txt")
        with open(paths_file, "w") as f:
            f.write("\n".join(paths) + "\n")
        lua = os.path.join(work, "load.lua")
        with open(lua, "w") as f:
            f.write(LUA)

        samples = []  # (seconds since start, RSS KiB)
        edits = [0]
        stop = threading.Event()
        started = time.monotonic()

        def sample():
            while not stop.is_set():
                samples.append((time.monotonic() - started, rss_kib(server.pid)))
                stop.wait(1.0)

        def edit():
            rng = random.Random(7)
            while not stop.is_set():
                path = os.path.join(site, "content", "roles", rng.choice(roles))
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                if edits[0] % 2 == 0:
                    text = text + f"\nLoad edit {edits[0]}.\n"
                else:
                    text = re.sub(r"\nsummary: (Load {0,1}\d* ?)?", f"\nsummary: Load {edits[0]} ", text, count=1)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                edits[0] += 1
                stop.wait(args.edit_every)

        threads = [threading.Thread(target=sample), threading.Thread(target=edit)]
        for t in threads:
            t.start()
        env = dict(os.environ, GEN_LOAD_PATHS=paths_file)
        host = base.split("/")[2]
        wrk = subprocess.run(
            ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s",
             "--timeout", "10s", "--latency", "-s", lua, f"http://{host}"],
            env=env, capture_output=True, text=True, timeout=args.duration + 60,
        )
        stop.set()
        for t in threads:
            t.join()
        out = wrk.stdout
        figures = dict(re.findall(r"^(GEN_\w+) (\d+)$", out, re.M))
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
        alive = server.poll() is None
        log.flush()
        with open(log_path) as f:
            served_log = f.read()
        rebuilds = served_log.count("Rebuilt after")
        failed = served_log.count("Build failed")

        print(f"{args.pages} pages, {len(paths)} URLs, {args.connections} connections, {args.threads} wrk threads, "
              f"{args.duration} s, a brief edited every {int(args.edit_every * 1000)} ms ({edits[0]} edits), {args.gen}")
        print(f"requests/s       {rps.group(1) if rps else '?'}")
        print(f"requests         {figures.get('GEN_REQUESTS', '?')}")
        print(f"latency p50      {int(figures.get('GEN_P50_US', 0)) / 1000:.2f} ms")
        print(f"latency p99      {int(figures.get('GEN_P99_US', 0)) / 1000:.2f} ms")
        print(f"non-2xx          {figures.get('GEN_NON_2XX', '?')}")
        print(f"socket errors    {figures.get('GEN_ERRORS', '?')}")
        print(f"rebuilds logged  {rebuilds} (failed: {failed})")
        print("RSS (MiB) every 5 s: " + " ".join(f"{kib / 1024:.0f}" for t, kib in samples[::5]))
        if samples:
            first_half = [k for t, k in samples if t < args.duration / 2]
            second_half = [k for t, k in samples if t >= args.duration / 2]
            peak1 = max(first_half or [0]) / 1024
            peak2 = max(second_half or [0]) / 1024
            print(f"RSS peak         first half {peak1:.0f} MiB, second half {peak2:.0f} MiB")
            if peak2 > peak1 * 1.5 + 32:
                failures.append(f"memory grew: {peak1:.0f} -> {peak2:.0f} MiB")
        if figures.get("GEN_NON_2XX") != "0":
            failures.append(f"non-2xx answers: {figures.get('GEN_NON_2XX')}")
        if not alive:
            failures.append("the server exited")
        if failed:
            failures.append(f"{failed} rebuilds failed")
    finally:
        server.terminate()
        server.wait()
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
