#!/usr/bin/env python3
"""Headless-Chromium screenshots of the built site, for reviewing the theme by eye.

    python3 bench/screenshots.py [--out /tmp/rolebook-shots] [--gen target/release/gen]
                                 [--root .] [--dark] [--extras]

Builds the site into a temporary folder (`cargo run --release -- build`, or the binary given
with --gen), serves it with `python3 -m http.server` on a free port of 127.0.0.1, and takes
screenshots of the home page, a role page, the capability matrix, its staffing view (the
example team plan), the hiring sequence, the team plan page and the whole-playbook page at
desktop (1280x1600) and phone (390x1800) sizes. Prints the files written, stops the server.

--dark     also takes every shot with prefers-color-scheme: dark.
--extras   also shoots the search dropdown open (a copy of the home page that types a query
           and moves the selection, in the temporary folder only), the health, tags and a
           capability page, and prints the role page, the matrix, the sequence and the plan to PDF
           (plus PNG pages when pdftoppm is installed).
--readme   instead, the README's screenshots: the few views in README_SHOTS, one window
           high, into docs/screenshots/ (or --out), made small with pngquant and optipng
           when installed (apt-get install pngquant optipng; without them the files are
           written as Chromium made them, with a warning), and their sizes printed.

Exits 2 when Chromium is missing, 1 when the build or a screenshot fails.
Only the Python standard library is used.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

PAGES = [
    ("home", "/"),
    ("role", "/roles/head-of-ai/"),
    ("matrix", "/matrix/"),
    ("staffing", "/matrix/#staffing"),
    ("sequence", "/sequence/"),
    ("plan", "/plan/"),
    ("print", "/print/"),
]
SIZES = [("desktop", 1280, 1600), ("phone", 390, 1800)]
# With --extras: the other new pages.
EXTRA_PAGES = [
    ("health", "/health/"),
    ("tags", "/tags/"),
    ("capability", "/capabilities/leadership/"),
]
PRINTS = [
    ("role", "/roles/head-of-ai/"),
    ("matrix", "/matrix/"),
    ("sequence", "/sequence/"),
    ("plan", "/plan/"),
]
# With --readme: (file name, path, width, height, dark). One screen each, so the files stay
# small and the README shows what a reader sees first.
README_SHOTS = [
    ("home", "/", 1200, 900, False),
    ("role", "/roles/claims-head-of-ai/", 1200, 1000, False),
    ("matrix-dark", "/matrix/", 1200, 1000, True),
    ("sequence", "/sequence/", 1200, 820, False),
    ("search", "/search-demo.html", 1200, 620, False),
    ("role-phone", "/roles/claims-ml-engineer/", 390, 844, False),
]

# Typed into the search box of the search demo page once playbook.js has loaded.
SEARCH_DEMO = """
<script>
window.addEventListener("load", function () {
  var input = document.getElementById("search-input");
  input.focus(); // starts loading the index; typing before it arrives is dropped, so wait
  setTimeout(function () {
    input.value = "ai lead";
    input.dispatchEvent(new Event("input"));
  }, 500);
  setTimeout(function () {
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
  }, 800);
});
</script>
"""


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(args, public):
    if args.gen:
        command = [args.gen, "build", "--root", args.root, "--output", public]
        cwd = args.root
    else:
        command = ["cargo", "run", "--release", "--quiet", "--", "build", "--output", public]
        cwd = args.root
    print("building:", " ".join(command), file=sys.stderr)
    result = subprocess.run(command, cwd=cwd)
    if result.returncode != 0 or not os.path.exists(os.path.join(public, "index.html")):
        raise SystemExit("build failed (if Cargo failed mid-edit, retry, or pass --gen)")


def serve(directory, port):
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", directory],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the HTTP server did not start")


def chromium_command(chromium, profile, dark):
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--hide-scrollbars",
        "--virtual-time-budget=3000",
        # without this, virtual time can capture before the lower tiles are painted
        "--run-all-compositor-stages-before-draw",
    ]
    if dark:
        command += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
    return command


def run_chromium(command, target):
    try:
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=90)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"chromium timed out writing {target}")
    if result.returncode != 0 or not os.path.exists(target):
        sys.stderr.write(result.stderr.decode(errors="replace")[-2000:])
        raise SystemExit(f"chromium failed to write {target}")


def screenshot(chromium, profile, url, target, width, height, dark):
    command = chromium_command(chromium, profile, dark)
    command += [f"--window-size={width},{height}", f"--screenshot={target}", url]
    run_chromium(command, target)


def optimise(files):
    """Shrink each PNG in place: pngquant's palette (a few dozen colours suit flat UI
    screenshots), then optipng's lossless pass. Returns whether the tools were there."""
    quant, opti = shutil.which("pngquant"), shutil.which("optipng")
    for path in files:
        if quant:
            subprocess.run([quant, "--force", "--skip-if-larger", "--speed", "1",
                            "--quality", "55-80", "--strip", "--output", path, path],
                           check=False)
        if opti:
            subprocess.run([opti, "-quiet", "-o2", "-strip", "all", path], check=False)
    return bool(quant and opti)


def print_pdf(chromium, profile, url, target, dark):
    command = chromium_command(chromium, profile, dark)
    command += ["--no-pdf-header-footer", f"--print-to-pdf={target}", url]
    run_chromium(command, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/rolebook-shots", help="folder for the images")
    parser.add_argument("--root", default=REPO, help="the site folder (holding site.yaml)")
    parser.add_argument("--gen", help="use this gen binary instead of `cargo run --release`")
    parser.add_argument("--dark", action="store_true", help="also shoot in dark mode")
    parser.add_argument("--extras", action="store_true", help="search dropdown and print PDFs")
    parser.add_argument("--readme", action="store_true", help="the README's screenshots, optimised")
    args = parser.parse_args()
    if args.readme and args.out == parser.get_default("out"):
        args.out = os.path.join(REPO, "docs", "screenshots")
    args.root = os.path.abspath(args.root)
    if args.gen:
        args.gen = os.path.abspath(args.gen)

    chromium = find_chromium()
    if not chromium:
        print("chromium not found: install it (apt-get install chromium)", file=sys.stderr)
        return 2

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="rolebook-shots-")
    server = None
    written = []
    try:
        public = os.path.join(work, "public")
        build(args, public)

        pages = list(PAGES)
        if args.extras or args.readme:
            with open(os.path.join(public, "index.html"), encoding="utf-8") as f:
                home = f.read()
            with open(os.path.join(public, "search-demo.html"), "w", encoding="utf-8") as f:
                f.write(home.replace("</body>", SEARCH_DEMO + "</body>"))
            pages.append(("search", "/search-demo.html"))
            pages += EXTRA_PAGES

        port = free_port()
        server = serve(public, port)
        profile = os.path.join(work, "profile")

        if args.readme:
            for name, path, width, height, dark in README_SHOTS:
                target = os.path.join(out, f"{name}.png")
                screenshot(chromium, profile, f"http://127.0.0.1:{port}{path}", target, width, height, dark)
                written.append(target)
            if not optimise(written):
                print("pngquant or optipng missing: the screenshots are not optimised", file=sys.stderr)
            total = 0
            for target in written:
                size = os.path.getsize(target)
                total += size
                print(f"{target}  {size // 1024} KB", flush=True)
            print(f"{len(written)} files, {total // 1024} KB in all", flush=True)
            return 0
        schemes = [("", False)] + ([("-dark", True)] if args.dark else [])

        for suffix, dark in schemes:
            for name, path in pages:
                for size, width, height in SIZES:
                    target = os.path.join(out, f"{name}-{size}{suffix}.png")
                    screenshot(chromium, profile, f"http://127.0.0.1:{port}{path}", target, width, height, dark)
                    written.append(target)
                    print(target, flush=True)

        if args.extras:
            for name, path in PRINTS:
                target = os.path.join(out, f"print-{name}.pdf")
                print_pdf(chromium, profile, f"http://127.0.0.1:{port}{path}", target, False)
                written.append(target)
                print(target, flush=True)
                if shutil.which("pdftoppm"):
                    prefix = os.path.join(out, f"print-{name}")
                    for stale in os.listdir(out):
                        if stale.startswith(f"print-{name}-") and stale.endswith(".png"):
                            os.remove(os.path.join(out, stale))
                    subprocess.run(["pdftoppm", "-png", "-r", "60", target, prefix], check=True)
                    for page in sorted(os.listdir(out)):
                        if page.startswith(f"print-{name}-") and page.endswith(".png"):
                            print(os.path.join(out, page), flush=True)
    finally:
        if server:
            server.terminate()
            try:
                server.wait(timeout=5)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
