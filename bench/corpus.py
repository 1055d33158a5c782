"""Benchmark sites from bench/make_corpus.py, shared by the scripts in bench/."""

import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAKE_CORPUS = os.path.join(REPO, "bench", "make_corpus.py")


def copy_site_yaml(out):
    """The repo's site.yaml into `out`, without its `staffing:` file (whose rows name the
    worked plan's briefs, which a corpus does not have) and its `languages:` (a corpus has
    no translations; with them listed every overview is laid out again for an empty tree)."""
    kept, skipping = [], False
    with open(os.path.join(REPO, "site.yaml"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith((" ", "#", "\n")):
                skipping = line.startswith(("staffing:", "languages:"))
            if not skipping:
                kept.append(line)
    with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
        f.writelines(kept)


def generate(out, pages, flavor="gen", themes=False, unique_code=False):
    """A corpus of `pages` in `out` (seed 42). A gen corpus gets the repo's site.yaml and,
    with `themes`, a copy of themes/ (for scripts that edit or watch them). `unique_code`
    ends every code line with a comment unique in the corpus (make_corpus.py --unique-code)."""
    cmd = [sys.executable, MAKE_CORPUS, "--pages", str(pages), "--flavor", flavor, "--out", out, "--force"]
    if unique_code:
        cmd.append("--unique-code")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    if flavor == "gen":
        copy_site_yaml(out)
        if themes:
            shutil.copytree(os.path.join(REPO, "themes"), os.path.join(out, "themes"))
    return out
