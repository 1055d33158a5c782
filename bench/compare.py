#!/usr/bin/env python3
"""gen against Hugo on the same generated corpus, measured side by side in one run.

    python3 bench/compare.py [--pages 1000 10000] [--runs 3] [--work /tmp/rolebook-bench] [--unique-code]

For each size: generates the corpora with bench/make_corpus.py (flavors gen and hugo, seed
42; with --unique-code every code line ends with a comment unique in the corpus, so no
highlighted block repeats; gen gets the repo's site.yaml and uses its built-in default
theme), installs Hugo with apt-get when it is missing, then runs full clean builds
alternately (gen, hugo, gen, hugo, ...) under /usr/bin/time -v for CPU and peak RSS,
deleting the output before each run; wall time is measured around the process, to the
microsecond. Then, apart from the targets, warm gen builds: with the highlight cache
(`--cache`) a first build left. Prints wall median, CPU (user+sys) median, peak RSS, the
gen/hugo ratio, and checks the targets (cold builds):
gen <= 0.25 x Hugo wall, peak RSS at 10,000 pages <= 300 MiB, and 10,000-page time
<= 10.5 x the 1,000-page time. Only the Python standard library is used.
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


# gen cold (the targets), Hugo, and gen warm: with the highlight cache of the build before.
TOOLS = ("gen", "hugo", "warm")


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
    parser.add_argument("--unique-code", action="store_true",
                        help="corpora whose code lines never repeat (make_corpus.py --unique-code)")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    ensure_tools(args.gen)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"machine: {os.cpu_count()} cores; hugo {hugo_version}; gen {args.gen}")
    rows = {}
    for pages in args.pages:
        gen_site = corpus(args.work, "gen", pages, args.unique_code)
        hugo_site = corpus(args.work, "hugo", pages, args.unique_code)
        samples = {"gen": [], "hugo": [], "warm": []}
        for _ in range(args.runs):
            samples["gen"].append(timed([args.gen, "build", "--quiet"], gen_site))
            samples["hugo"].append(timed(["hugo", "--quiet"], hugo_site))
        # Warm: rebuilds with the highlight cache a first build left (not a target).
        cache = os.path.join(args.work, f"cache-{pages}")
        shutil.rmtree(cache, ignore_errors=True)
        warm = [args.gen, "build", "--quiet", "--cache", cache]
        timed(warm, gen_site)
        for _ in range(args.runs):
            samples["warm"].append(timed(warm, gen_site))
        for tool in TOOLS:
            walls = [s[0] for s in samples[tool]]
            cpus = [s[1] for s in samples[tool]]
            rows[(tool, pages)] = (statistics.median(walls), statistics.median(cpus), max(s[2] for s in samples[tool]))
    print()
    print(f"{'tool':<11}{'pages':>8}{'wall (median)':>16}{'cpu (median)':>15}{'peak RSS':>12}{'gen/hugo':>10}")
    for pages in args.pages:
        for tool in TOOLS:
            wall, cpu, rss = rows[(tool, pages)]
            ratio = wall / rows[("hugo", pages)][0]
            name = "gen (warm)" if tool == "warm" else tool
            print(f"{name:<11}{pages:>8}{wall:>14.3f} s{cpu:>13.2f} s{rss:>8.0f} MiB{ratio:>10.2f}")
    print()
    ok = True
    for pages in args.pages:
        ratio = rows[("gen", pages)][0] / rows[("hugo", pages)][0]
        good = ratio <= 0.25
        ok &= good
        print(f"{'PASS' if good else 'FAIL'}  {pages} pages: gen/hugo wall {ratio:.2f} (target <= 0.25)")
    if 10000 in args.pages:
        rss = rows[("gen", 10000)][2]
        good = rss <= 300
        ok &= good
        print(f"{'PASS' if good else 'FAIL'}  peak RSS at 10,000 pages: {rss:.0f} MiB (target <= 300)")
        if 1000 in args.pages:
            scale = rows[("gen", 10000)][0] / rows[("gen", 1000)][0]
            good = scale <= 10.5
            ok &= good
            print(f"{'PASS' if good else 'FAIL'}  scaling 1,000 -> 10,000: x{scale:.1f} (target <= 10.5)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
