#!/usr/bin/env python3
"""Edit-to-reload latency of `gen serve` on a generated corpus.

    python3 bench/serve_latency.py [--pages 1000] [--edits 30] [--gen target/release/gen]

Generates a corpus with bench/make_corpus.py (flavor gen, seed 42) beside the repo's
site.yaml and theme, starts `gen serve --port 0`, connects to the live-reload WebSocket,
and times, for body edits and for front-matter edits, the interval from the write of the
file to the arrival of the reload message. Prints the median, p90 and max.
Only the Python standard library is used (the WebSocket client is the few lines below).
"""

import argparse
import base64
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time

import corpus

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def websocket(host, port, path):
    sock = socket.create_connection((host, port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    if b" 101 " not in head.split(b"\r\n")[0]:
        raise SystemExit(f"no WebSocket upgrade: {head!r}")
    return sock


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def next_message(sock):
    """The next text message (server frames are not masked)."""
    while True:
        b0, b1 = read_exact(sock, 2)
        length = b1 & 0x7F
        if length == 126:
            length = int.from_bytes(read_exact(sock, 2), "big")
        elif length == 127:
            length = int.from_bytes(read_exact(sock, 8), "big")
        payload = read_exact(sock, length)
        if b0 & 0x0F == 1:
            return json.loads(payload)


def wait_for(sock, kind, timeout=10.0):
    sock.settimeout(timeout)
    while True:
        message = next_message(sock)
        if message.get("kind") == kind:
            return time.perf_counter()


def summary(label, samples):
    ms = sorted(s * 1000 for s in samples)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    print(f"{label:<18} median {statistics.median(ms):6.1f} ms   p90 {p90:6.1f} ms   max {ms[-1]:6.1f} ms   (n={len(ms)})")
    return statistics.median(ms)


# Issue 20's targets: each median edit as a share of the same corpus's clean build.
TARGET_SHARE = {"body edit": 0.75, "front-matter edit": 1.5}


def shares(gen, site, runs, medians):
    """Time `runs` clean builds of `site` into a fresh folder each (the edited corpus, with
    the server stopped) and print each median edit as a share of their median."""
    seconds = []
    for n in range(runs):
        out = os.path.join(site, f"clean-build-{n}")
        start = time.perf_counter()
        subprocess.run([gen, "build", "--output", out], cwd=site, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
        shutil.rmtree(out, ignore_errors=True)
    build_ms = statistics.median(seconds) * 1000
    print(f"clean build        median {build_ms:6.0f} ms   (n={runs})")
    for label, median in medians.items():
        share = 100 * median / build_ms
        target = TARGET_SHARE[label]
        verdict = "met" if share <= target else "not met"
        print(f"{label:<18} {share:5.2f} % of a clean build (target <= {target} %: {verdict})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--gen", default=os.path.join(REPO, "target", "release", "gen"))
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    parser.add_argument("--work", default=None, help="make the corpus under this folder (e.g. a tmpfs)")
    parser.add_argument("--timings", action="store_true", help="let gen serve print each rebuild's stages")
    parser.add_argument("--kind", choices=["both", "body", "front"], default="both", help="which edits to time")
    parser.add_argument(
        "--page-size",
        type=int,
        default=None,
        help="write `listing: {page_size: N}` into the corpus's site.yaml (a size past --pages: one unpaged listing)",
    )
    parser.add_argument(
        "--clean-builds",
        type=int,
        default=0,
        help="also time this many clean `gen build`s of the corpus, after the edits, and print "
        "each median edit as a share of their median (issue 20's targets: body <= 0.75 %%, "
        "front matter <= 1.5 %%)",
    )
    args = parser.parse_args()
    if not os.path.exists(args.gen):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)

    site = tempfile.mkdtemp(prefix="gen-latency-", dir=args.work)
    corpus.generate(site, args.pages, themes=True)
    if args.page_size is not None:
        with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as config:
            config.write(f"\nlisting:\n  page_size: {args.page_size}\n")
    server = subprocess.Popen(
        [args.gen, "serve", "--port", "0"] + (["--timings"] if args.timings else []),
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=None if args.timings else subprocess.DEVNULL,
        text=True,
    )
    try:
        url = next(w for w in server.stdout.readline().split() if w.startswith("http://"))
        host_port = url[len("http://"):].split("/", 1)[0]
        host, port = host_port.rsplit(":", 1)
        sock = websocket(host, int(port), "/__gen/live")
        roles = sorted(os.listdir(os.path.join(site, "content", "roles")))
        print(f"{args.pages} pages, {args.edits} edits of each kind, {args.gen}")

        def timed(edit):
            samples = []
            for i in range(args.edits):
                path = os.path.join(site, "content", "roles", roles[(i * 37) % len(roles)])
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                changed = edit(text, i)
                time.sleep(0.15)  # let the previous rebuild settle
                start = time.perf_counter()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(changed)
                samples.append(wait_for(sock, "reload") - start)
            return samples

        medians = {}
        if args.kind in ("both", "body"):
            medians["body edit"] = summary(
                "body edit", timed(lambda text, i: text + f"\nLatency probe paragraph {i}.\n")
            )
        if args.kind in ("both", "front"):
            medians["front-matter edit"] = summary(
                "front-matter edit",
                timed(lambda text, i: text.replace("\nsummary: ", f"\nsummary: Probe {i}. ", 1)),
            )
        server.terminate()
        server.wait()
        if args.clean_builds:
            shares(args.gen, site, args.clean_builds, medians)
    finally:
        server.terminate()
        server.wait()
        if not args.keep:
            shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
