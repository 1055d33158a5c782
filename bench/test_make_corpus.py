#!/usr/bin/env python3
"""Checks of bench/make_corpus.py.

    python3 bench/test_make_corpus.py

* Parity: for 1, 50 and 1000 pages, each flavor and seeds 42 (the default) and 7, the
  output is byte for byte that of ../shared/bench/make_corpus.py (`diff -r` is empty).
  Skipped, with the reason printed, when the shared generator is not there.
* --unique-code, on a 200-page corpus: every line of every fenced code block ends with a
  comment in its language's syntax and no code line occurs twice; the code is the same in
  all three flavors; removing the comments gives back the corpus made without the flag;
  and the corpus builds with target/release/gen (skipped when that is not built).

Only the Python standard library is used.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MAKE_CORPUS = os.path.join(HERE, "make_corpus.py")
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared", "bench", "make_corpus.py"))
GEN = os.path.join(REPO, "target", "release", "gen")

FLAVORS = ("gen", "hugo", "zola")
PAGES = (1, 50, 1000)
SEEDS = (None, "7")  # None: the default seed
UNIQUE_PAGES = 200
COMMENT = {"yaml": "#", "python": "#", "bash": "#"}
NOTE = re.compile(r"(?:^|  )(#|//) rb-\d{5}\.\d+\.\d{2} [0-9a-f]{6}$")


def make(script, out, pages, flavor, seed=None, *extra):
    cmd = [sys.executable, script, "--pages", str(pages), "--flavor", flavor, "--out", out]
    if seed is not None:
        cmd += ["--seed", seed]
    subprocess.run(cmd + list(extra), check=True, stderr=subprocess.DEVNULL)
    return out


def roles(site):
    folder = os.path.join(site, "content", "roles")
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name != "_index.md"]


def code_blocks(path):
    """[(language, [lines])] of the fenced blocks of one page."""
    blocks, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("```"):
                if current is None:
                    current = (line[3:].strip(), [])
                else:
                    blocks.append(current)
                    current = None
            elif current is not None:
                current[1].append(line)
    return blocks


class Parity(unittest.TestCase):
    """Same bytes as ../shared/bench/make_corpus.py."""

    def setUp(self):
        if not os.path.exists(SHARED):
            self.skipTest("%s is not present: no reference corpus to compare with" % SHARED)
        self.tmp = tempfile.mkdtemp(prefix="make-corpus-parity-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_diff_r_is_empty(self):
        for pages in PAGES:
            for flavor in FLAVORS:
                for seed in SEEDS:
                    label = "%s-%d-seed%s" % (flavor, pages, seed or "42")
                    with self.subTest(label):
                        ours = make(MAKE_CORPUS, os.path.join(self.tmp, "ours-" + label), pages, flavor, seed)
                        theirs = make(SHARED, os.path.join(self.tmp, "shared-" + label), pages, flavor, seed)
                        diff = subprocess.run(["diff", "-r", theirs, ours], capture_output=True, text=True)
                        self.assertEqual((diff.returncode, diff.stdout[:2000]), (0, ""), label)
                        files = sum(len(names) for _, _, names in os.walk(ours))
                        print("  %-16s diff -r empty (%d files)" % (label, files), file=sys.stderr)


class UniqueCode(unittest.TestCase):
    """--unique-code on a 200-page corpus."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="make-corpus-unique-")
        cls.sites = {f: make(MAKE_CORPUS, os.path.join(cls.tmp, f), UNIQUE_PAGES, f, None, "--unique-code")
                     for f in FLAVORS}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_every_code_line_has_a_unique_comment(self):
        lines = []
        for path in roles(self.sites["gen"]):
            blocks = code_blocks(path)
            self.assertEqual([lang for lang, _ in blocks], ["yaml", "python"], path)
            for lang, code in blocks:
                for line in code:
                    match = NOTE.search(line)
                    self.assertIsNotNone(match, "%s: %r has no comment" % (path, line))
                    self.assertEqual(match.group(1), COMMENT[lang], line)
                    lines.append(line)
        duplicates = len(lines) - len(set(lines))
        self.assertEqual(duplicates, 0, "%d repeated code lines" % duplicates)
        print("  %d code lines in %d pages, all unique" % (len(lines), UNIQUE_PAGES), file=sys.stderr)

    def test_same_code_in_every_flavor(self):
        code = {f: [code_blocks(p) for p in roles(site)] for f, site in self.sites.items()}
        self.assertEqual(code["gen"], code["hugo"])
        self.assertEqual(code["gen"], code["zola"])

    def test_only_the_comments_differ(self):
        for flavor in FLAVORS:
            plain = make(MAKE_CORPUS, os.path.join(self.tmp, "plain-" + flavor), UNIQUE_PAGES, flavor)
            for unique_page, plain_page in zip(roles(self.sites[flavor]), roles(plain)):
                with open(unique_page, encoding="utf-8") as f:
                    stripped = "\n".join(NOTE.sub("", line) for line in f.read().split("\n"))
                with open(plain_page, encoding="utf-8") as f:
                    self.assertEqual(stripped, f.read(), unique_page)

    def test_gen_builds_it(self):
        if not os.path.exists(GEN):
            self.skipTest("%s is not built (cargo build --release)" % GEN)
        site = self.sites["gen"]
        shutil.copy(os.path.join(REPO, "site.yaml"), site)  # as bench/corpus.py does
        public = os.path.join(self.tmp, "public")
        result = subprocess.run([GEN, "build", "--root", site, "--output", public, "--quiet"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        html = sum(1 for _, _, names in os.walk(public) for n in names if n.endswith(".html"))
        self.assertGreaterEqual(html, UNIQUE_PAGES)
        print("  gen built %d HTML files" % html, file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
