#!/usr/bin/env python3
"""gen against Hugo and Zola on the same generated corpora, measured side by side in one run.

    python3 bench/compare.py [--pages 1000 10000] [--runs 3] [--work /tmp/rolebook-bench]
                             [--corpora standard unique-code] [--zola PATH] [--zola-source DIR]

For each corpus and size: generates the corpora with bench/make_corpus.py (flavors gen,
hugo and zola, seed 42; the unique-code corpus ends every code line with a comment unique
in the corpus, so no highlighted block repeats; gen gets the repo's site.yaml and uses its
built-in default theme), installs Hugo with apt-get when it is missing, then runs full
clean builds alternately (gen, hugo, zola, gen, ...) under /usr/bin/time -v for CPU and
peak RSS, deleting the output before each run; wall time is measured around the process,
to the microsecond. Then, apart from the targets, warm gen builds: with the highlight
cache (`--cache`) a first build left.

Zola is not packaged in Debian: the script uses `zola` on the PATH, or the one it built
before in ~/.cache/rolebook-bench/zola, or builds it with `cargo install --locked zola`
(crates.io), or from a source tree given with --zola-source (Zola's repository, e.g. a
clone of github.com/getzola/zola). When none works, it prints why and compares with Hugo
alone; nothing stands in for Zola.

Prints wall median, CPU (user+sys) median, peak RSS and the ratios, and checks the
targets (cold builds): gen <= 0.15 x Hugo wall on every corpus, gen <= 0.25 x Zola wall on
the unique-code corpus, peak RSS at 10,000 pages <= 300 MiB, and 10,000-page time <= 10.5
x the 1,000-page time. Only the Python standard library is used.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

import corpus as corpus_site

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


# gen cold (the targets), Hugo, Zola, and gen warm: with the highlight cache of the build
# before.
TOOLS = ("gen", "hugo", "zola", "warm")
ZOLA_CACHE = os.path.expanduser("~/.cache/rolebook-bench/zola")


def find_zola(given, source):
    """The Zola binary to compare with, building it into ZOLA_CACHE when needed; None, with
    the reason printed, when there is none."""
    for candidate in (given, shutil.which("zola"), os.path.join(ZOLA_CACHE, "bin", "zola")):
        if candidate and os.path.exists(candidate):
            return candidate
    attempts = [["cargo", "install", "--locked", "--quiet", "zola", "--root", ZOLA_CACHE]]
    if source:
        attempts.append(["cargo", "install", "--locked", "--quiet", "--path", source, "--root", ZOLA_CACHE])
    for cmd in attempts:
        print(f"building zola: {' '.join(cmd)} (minutes)...", flush=True)
        if subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return os.path.join(ZOLA_CACHE, "bin", "zola")
    print("SKIPPED Zola: not on the PATH, not on crates.io, and no --zola-source to build from "
          "(a clone of github.com/getzola/zola); comparing with Hugo alone", flush=True)
    return None


def ensure_tools(gen):
    if shutil.which("hugo") is None:
        print("installing hugo (apt-get)...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists("/usr/bin/time"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(gen):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)


def corpus(work, flavor, pages, unique_code=False):
    out = os.path.join(work, f"{flavor}-{pages}" + ("-unique-code" if unique_code else ""))
    if not os.path.exists(os.path.join(out, "content")):
        corpus_site.generate(out, pages, flavor, unique_code=unique_code)
    elif flavor == "gen":
        corpus_site.copy_site_yaml(out)
    return out


def timed(cmd, cwd):
    shutil.rmtree(os.path.join(cwd, "public"), ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
    # /usr/bin/time prints wall time to 10 ms, 6 % of a 1,000-page build: measure it here.
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stderr[-2000:]}")
    err = result.stderr

    def field(name):
        return re.search(rf"{re.escape(name)}: (.*)", err).group(1).strip()

    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return seconds, cpu, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/rolebook-bench")
    parser.add_argument("--gen", default=os.path.join(REPO, "target", "release", "gen"))
    parser.add_argument("--corpora", nargs="+", choices=["standard", "unique-code"],
                        default=["standard", "unique-code"],
                        help="which corpora: the standard one, and/or one whose code lines never repeat")
    parser.add_argument("--unique-code", action="store_true",
                        help="the unique-code corpus only (same as --corpora unique-code)")
    parser.add_argument("--zola", help="the Zola binary (default: found or built, see above)")
    parser.add_argument("--zola-source", help="a Zola source tree to build it from when crates.io has none")
    args = parser.parse_args()
    if args.unique_code:
        args.corpora = ["unique-code"]
    os.makedirs(args.work, exist_ok=True)
    ensure_tools(args.gen)
    zola = find_zola(args.zola, args.zola_source)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    zola_version = subprocess.run([zola, "--version"], capture_output=True, text=True).stdout.strip() if zola else "none"
    print(f"machine: {os.cpu_count()} cores; hugo {hugo_version}; {zola_version}; gen {args.gen}")
    tools = [t for t in TOOLS if t != "zola" or zola]
    rows = {}
    for kind in args.corpora:
        unique = kind == "unique-code"
        for pages in args.pages:
            sites = {flavor: corpus(args.work, flavor, pages, unique) for flavor in ("gen", "hugo", "zola")}
            samples = {tool: [] for tool in tools}
            for _ in range(args.runs):
                samples["gen"].append(timed([args.gen, "build", "--quiet"], sites["gen"]))
                samples["hugo"].append(timed(["hugo", "--quiet"], sites["hugo"]))
                if zola:
                    samples["zola"].append(timed([zola, "build"], sites["zola"]))
            # Warm: rebuilds with the highlight cache a first build left (not a target).
            cache = os.path.join(args.work, f"cache-{kind}-{pages}")
            shutil.rmtree(cache, ignore_errors=True)
            warm = [args.gen, "build", "--quiet", "--cache", cache]
            timed(warm, sites["gen"])
            for _ in range(args.runs):
                samples["warm"].append(timed(warm, sites["gen"]))
            for tool in tools:
                walls = [x[0] for x in samples[tool]]
                cpus = [x[1] for x in samples[tool]]
                rows[(kind, tool, pages)] = (statistics.median(walls), statistics.median(cpus),
                                             max(x[2] for x in samples[tool]))
    print()
    print(f"{'corpus':<13}{'tool':<11}{'pages':>8}{'wall (median)':>16}{'cpu (median)':>15}"
          f"{'peak RSS':>12}{'gen/hugo':>10}{'gen/zola':>10}")
    for kind in args.corpora:
        for pages in args.pages:
            for tool in tools:
                wall, cpu, rss = rows[(kind, tool, pages)]
                name = "gen (warm)" if tool == "warm" else tool
                to_hugo = f"{wall / rows[(kind, 'hugo', pages)][0]:>10.2f}" if tool in ("gen", "warm") else f"{'':>10}"
                to_zola = (f"{wall / rows[(kind, 'zola', pages)][0]:>10.2f}"
                           if zola and tool in ("gen", "warm") else f"{'':>10}")
                print(f"{kind:<13}{name:<11}{pages:>8}{wall:>14.3f} s{cpu:>13.2f} s{rss:>8.0f} MiB{to_hugo}{to_zola}")
    print()
    ok = True

    def check(good, text):
        nonlocal ok
        ok &= good
        print(f"{'PASS' if good else 'FAIL'}  {text}")

    for kind in args.corpora:
        for pages in args.pages:
            gen_wall = rows[(kind, "gen", pages)][0]
            ratio = gen_wall / rows[(kind, "hugo", pages)][0]
            check(ratio <= 0.15, f"{kind}, {pages} pages: gen/hugo wall {ratio:.2f} (target <= 0.15)")
            if zola and kind == "unique-code":
                ratio = gen_wall / rows[(kind, "zola", pages)][0]
                check(ratio <= 0.25, f"{kind}, {pages} pages: gen/zola wall {ratio:.2f} (target <= 0.25)")
        if 10000 in args.pages:
            rss = rows[(kind, "gen", 10000)][2]
            check(rss <= 300, f"{kind}: peak RSS at 10,000 pages: {rss:.0f} MiB (target <= 300)")
            if 1000 in args.pages:
                scale = rows[(kind, "gen", 10000)][0] / rows[(kind, "gen", 1000)][0]
                check(scale <= 10.5, f"{kind}: scaling 1,000 -> 10,000: x{scale:.1f} (target <= 10.5)")
    if not zola:
        print("Zola was skipped (see above): its targets are not checked.")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
