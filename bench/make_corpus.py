#!/usr/bin/env python3
"""rolebook's benchmark corpus: N generated "role brief" pages as a gen, Hugo or Zola site.

    python3 bench/make_corpus.py --pages N --out DIR --flavor gen|hugo|zola [--seed S] [--unique-code]

What it makes
  gen   DIR/content/roles/*.md: YAML front matter with the role-brief fields gen checks
        (capabilities as primary/secondary, owns_after_launch, interfaces, hire_after),
        cross links as `@/roles/<slug>.md`. Copy the repo's site.yaml (and themes/ if
        wanted) beside it to build it; bench/corpus.py does that.
  hugo  a buildable Hugo site: DIR/config.toml, DIR/content/roles/_index.md + *.md
        (YAML front matter), DIR/layouts/_default/{baseof,single,list}.html.
  zola  a buildable Zola (>= 0.22) site: DIR/config.toml, DIR/content/roles/_index.md +
        *.md (TOML "+++" front matter: title and slug at top level, the rest under
        [extra]), DIR/templates/{base,index,section,page}.html.

Every page has about 600-900 body words: 8 sections of prose, lists, one table, a fenced
yaml block, a fenced python block and about 7 links to other pages. All three flavors carry
the same page bodies (only the link syntax differs). Page i depends only on (seed, i),
apart from its cross links, which also depend on N.

Parity with the reference corpus
  For the same --pages, --seed and --flavor the output is byte for byte the output of
  ../shared/bench/make_corpus.py (including DIR/.make_corpus), so figures measured on
  either corpus compare. That holds only while every random draw below happens in the
  same order with the same arguments and the vocabulary lists stay as they are: each page
  has its own random.Random streams ("meta:", "gen:" and "body:" + seed + page number),
  and the comments marked "draw order" say where the order is not the obvious one.
  bench/test_make_corpus.py checks the parity.

--unique-code
  Gives every line of every fenced code block a trailing comment that is unique in the
  corpus (`# ...` for yaml/python/bash, `// ...` for C-like languages; a blank line
  becomes the comment alone), derived from the seed and page number with a random stream
  of its own, so the rest of the page is unchanged and all three flavors get the same
  code. DIR/.make_corpus then says "unique-code". Real playbooks don't repeat their code; this corpus
  otherwise repeats the same few dozen code lines on every page.

Only the Python 3 standard library (3.8+) is used.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

# --------------------------------------------------------------------------- #
# Vocabulary. Every list is drawn from by index: adding, removing or reordering
# an entry changes the corpus and breaks parity with the reference generator.
# --------------------------------------------------------------------------- #

ARCHETYPES = ["builder", "manager", "architect", "executive-operator"]

ARCHETYPE_NOUN = {
    "builder": ["Engineer", "Builder", "Developer", "Specialist"],
    "manager": ["Engineering Manager", "Program Manager", "Team Lead", "Delivery Manager"],
    "architect": ["Architect", "Principal Architect", "Solutions Architect", "Systems Architect"],
    "executive-operator": ["Head", "Director", "VP", "General Manager"],
}

SENIORITY = {
    "builder": ["Senior", "Staff", "Lead", "Principal", ""],
    "manager": ["Senior", "Group", "", "Associate"],
    "architect": ["Lead", "Enterprise", "", "Senior"],
    "executive-operator": ["", "Interim", "Global", "Regional"],
}

CAPABILITIES = [
    "applied-ml", "prompt-eval", "data-engineering", "security-compliance",
    "product", "change-management", "platform-mlops", "architecture",
]

CAPABILITY_LABEL = {
    "applied-ml": "Applied ML",
    "prompt-eval": "Prompt Evaluation",
    "data-engineering": "Data Engineering",
    "security-compliance": "Security & Compliance",
    "product": "Product",
    "change-management": "Change Management",
    "platform-mlops": "Platform MLOps",
    "architecture": "Architecture",
}

DOMAINS = [
    "Claims Automation", "Fraud Detection", "Customer Support", "Document Intake",
    "Search Relevance", "Pricing", "Supply Chain Forecasting", "Clinical Notes",
    "Developer Productivity", "Knowledge Management", "Contract Review",
    "Risk Scoring", "Onboarding", "Marketing Operations", "Field Service",
    "Procurement", "Payments", "Identity Verification", "Content Moderation",
    "Sales Enablement", "Internal Tools", "Compliance Reporting",
    "Recommendation", "Call Center Analytics", "Regulatory Filings",
]

REPORTS_TO = [
    "VP Engineering", "Chief Data Officer", "CTO", "Head of AI Platform",
    "Director of Product", "COO", "Chief Information Security Officer",
    "Head of Data Science", "VP Operations", "Chief Digital Officer",
    "Director of Platform Engineering", "General Manager, Business Unit",
]

TAG_POOL = [
    "llm", "rag", "evaluation", "governance", "mlops", "data-quality",
    "vector-search", "fine-tuning", "observability", "cost-control",
    "privacy", "red-teaming", "agents", "workflow", "change", "hiring",
    "roadmap", "vendor-management", "latency", "reliability", "kpis",
    "experimentation", "labeling", "compliance", "architecture", "security",
    "platform", "stakeholders", "pilot", "scale-up",
]

VERBS = [
    "ship", "own", "define", "negotiate", "retire", "prioritise", "approve",
    "measure", "staff", "sequence", "fund", "standardise", "audit", "unblock",
]

OBJECTS = [
    "the evaluation harness", "model release gates", "the retrieval index",
    "the annotation budget", "vendor model selection", "prompt versioning",
    "the incident runbook", "data retention rules", "the pilot roadmap",
    "GPU capacity", "the feature store schema", "red-team scope",
    "the fallback path", "cost per request targets", "the rollout plan",
    "access controls", "latency budgets", "the golden dataset",
    "human review thresholds", "the deprecation schedule",
]

METRICS = [
    "p95 latency under {n}00 ms for {dom} traffic",
    "{n}0% of {dom} requests served by the new pipeline",
    "offline eval score above 0.{n}5 on the golden set",
    "cost per 1k requests reduced by {n}0%",
    "{n} production incidents or fewer per quarter",
    "first {n} use cases live with signed-off owners",
    "hallucination rate below {n}% on audited samples",
    "{n} teams onboarded to the shared platform",
    "manual review volume down {n}0% in {dom}",
    "data freshness within {n} hours for all critical tables",
    "security review passed with {n} or fewer findings",
    "weekly active users up {n}x across {dom}",
    "{n} reusable components published to the internal catalog",
    "model rollback drill completed in under {n} minutes",
]

PROBES = [
    "Walk me through the last model you shipped that later had to be rolled back.",
    "How would you design an offline evaluation for {dom} before any users see it?",
    "Tell me about a time you killed a project you had championed.",
    "What would you measure in the first 30 days, and why those numbers?",
    "Describe how you would split a 12-month roadmap between platform and use cases.",
    "How do you decide between a hosted API and a self-hosted model?",
    "Which stakeholder in {dom} would you meet first, and what would you ask?",
    "Show me how you would structure a prompt regression suite.",
    "How have you handled a security review that blocked a launch?",
    "What does a good incident postmortem look like for an ML system?",
    "How would you staff a team of five for this scope?",
    "Explain a data lineage problem you debugged end to end.",
]

RED_FLAGS = [
    "Talks about models but never about data quality.",
    "Cannot name a metric they moved in a previous role.",
    "Treats evaluation as a one-off before launch.",
    "Dismisses security and compliance as someone else's problem.",
    "Has only ever worked on demos, never on a production on-call rotation.",
    "Describes stakeholders as obstacles rather than customers.",
    "Over-indexes on the newest framework without a migration story.",
    "No opinion on build versus buy.",
    "Cannot explain cost drivers of the systems they ran.",
    "Avoids questions about failed projects.",
]

SUMMARY_VERBS = [
    "turns pilots into production systems", "owns the delivery of AI use cases",
    "sets the technical direction", "runs the operating model",
    "builds the shared platform", "makes evaluation routine",
]

OUTCOMES = [
    "a measurable, governed AI capability in production",
    "cut manual handling time by a third without new incidents",
    "a platform other teams adopt without hand-holding",
    "a roadmap the executive team funds with confidence",
    "replaced its pilot scripts with a supported service",
]

SECTION_TITLES = {
    "why": ["Why this role exists", "Context", "The problem to solve"],
    "good": ["What good looks like", "Success criteria", "Outcomes"],
    "decisions": ["Decision rights", "Decisions this role owns", "Ownership"],
    "config": ["Working agreements", "Operating config", "Defaults we start from"],
    "code": ["Example evaluation harness", "A starter check", "Sketch of the first harness"],
    "interview": ["Interview guide", "How we interview", "Assessment"],
    "related": ["Related roles", "See also", "Adjacent roles"],
    "risks": ["Risks and mitigations", "What can go wrong", "Known risks"],
}

SUBJECTS = [
    "The team", "This role", "Our current setup", "The business", "Leadership",
    "The first quarter", "Most of the work", "The platform group", "Each pilot",
    "The data we have", "The review board", "Every release",
]

PREDICATES = [
    "depends on a reliable evaluation loop before anything reaches customers",
    "has outgrown the ad hoc scripts that got the first pilots running",
    "needs one accountable owner for {obj}",
    "will be judged on measurable outcomes in {dom}, not on demos",
    "must balance speed of delivery against the cost of a bad answer",
    "is expected to turn scattered experiments into a repeatable practice",
    "should make trade-offs explicit and write them down",
    "has to work within existing security and privacy commitments",
    "benefits from small, frequent releases with clear rollback paths",
    "relies on clean, documented data contracts with upstream systems",
    "gets more leverage from shared tooling than from heroic effort",
    "is where most of the hidden cost of {dom} tends to accumulate",
]

CLAUSES = [
    "because the current process for {dom} is mostly manual",
    "so that product teams can move without waiting on a central queue",
    "which means {obj} cannot stay informal",
    "while keeping the on-call burden sustainable",
    "and that requires honest baselines before any launch",
    "even when the pressure is to show results in weeks",
    "since regulators and customers will ask how decisions were made",
    "so the next hire inherits a system rather than a set of notebooks",
    "",
    "",
]

FOLLOWUPS = [
    "In practice this means writing short design notes and reviewing them with the people who will run the system.",
    "Expect to spend the first weeks listening, mapping the current workflow and finding the two or three metrics that matter.",
    "Nobody expects perfection on day one; we do expect a clear plan and visible progress every two weeks.",
    "The role has budget authority within the limits agreed with finance at the start of each quarter.",
    "Good candidates usually bring a point of view on evaluation and are willing to change it when the data disagrees.",
    "We prefer boring, well understood components over novel ones unless the gain is large and measured.",
    "Documentation is part of the deliverable, not an afterthought.",
    "Most of the hard problems here are organisational rather than technical.",
]

CADENCES = ["weekly", "bi-weekly", "monthly", "quarterly", "per release"]
# "reports_to" stands for the page's own reports_to field.
ESCALATIONS = ["reports_to", "architecture board", "security council", "product council", "finance partner"]

# Body sections in page order; the prose ones grow with padding paragraphs.
PROSE_SECTIONS = ("why", "good", "decisions", "risks")
BODY_WORDS_MIN, BODY_WORDS_MAX = 600, 850
BODY_WORDS_CAP = 875  # padding stops short of this; the headings add about 20 words
MAX_PADDING = 40

# Front matter fields after title and slug, in the order they are written.
FIELDS = ["archetype", "summary", "reports_to", "outcome", "decisions", "capabilities",
          "success", "interview_probes", "red_flags", "tags"]


# --------------------------------------------------------------------------- #
# Text helpers
# --------------------------------------------------------------------------- #

_WORD = re.compile(r"[A-Za-z0-9]")


def slugify(text):
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return re.sub(r"-{2,}", "-", slug)


def word_count(text):
    """Words = whitespace-separated tokens containing a letter or digit."""
    return sum(1 for token in text.split() if _WORD.search(token))


def fill(rng, template, domain):
    """`template` with {n}, {dom} and {obj} filled. Draws n and obj even when unused."""
    return template.format(n=rng.randint(2, 9), dom=domain, obj=rng.choice(OBJECTS))


def sentence(rng, domain):
    # Draw order: subject, predicate (and its fill), clause (and its fill).
    text = "%s %s" % (rng.choice(SUBJECTS), fill(rng, rng.choice(PREDICATES), domain))
    clause = fill(rng, rng.choice(CLAUSES), domain)
    if clause:
        text += ", " + clause
    return text + "."


def paragraph(rng, domain, link=None):
    """2-3 sentences and a follow-up; `link` (title, url) goes in after the first sentence."""
    parts = [sentence(rng, domain) for _ in range(rng.randint(2, 3))]
    parts.append(rng.choice(FOLLOWUPS))
    if link is not None:
        parts.insert(1, "See [%s](%s) for how the neighbouring role handles this." % link)
    return " ".join(parts)


def role_link(slug, flavor):
    """gen checks internal links by source path; Hugo and Zola link by URL."""
    return "@/roles/%s.md" % slug if flavor == "gen" else "/roles/%s/" % slug


# --------------------------------------------------------------------------- #
# Page front matter
# --------------------------------------------------------------------------- #

def role_title(rng, archetype, focus, domain):
    # Draw order: seniority, then noun.
    seniority = rng.choice(SENIORITY[archetype])
    noun = rng.choice(ARCHETYPE_NOUN[archetype])
    if archetype == "executive-operator":
        rank = " ".join(word for word in (seniority, noun) if word)
        title = "%s of %s, %s" % (rank, focus, domain)
    else:
        title = "%s %s %s, %s" % (seniority, focus, noun, domain)
    return re.sub(r"\s+", " ", title).strip()


def role_decisions(rng, domain):
    """3-6 distinct "Verb object" decisions."""
    decisions = []
    for _ in range(rng.randint(3, 6)):
        decision = "%s %s" % (rng.choice(VERBS).capitalize(), rng.choice(OBJECTS))
        if decision not in decisions:
            decisions.append(decision)
    while len(decisions) < 3:
        decisions.append("Own %s for %s" % (rng.choice(OBJECTS), domain))
        decisions = list(dict.fromkeys(decisions))
    return decisions


def sample_filled(rng, templates, low, high, domain):
    """low..high templates drawn without replacement, each filled."""
    return [fill(rng, t, domain) for t in rng.sample(templates, rng.randint(low, high))]


def role_meta(seed, i):
    """The front matter of page i (plus its domain as `_domain`); depends only on (seed, i)."""
    rng = random.Random("meta:%s:%d" % (seed, i))
    archetype = rng.choice(ARCHETYPES)
    domain = rng.choice(DOMAINS)
    capabilities = sorted(rng.sample(CAPABILITIES, rng.randint(2, 5)), key=CAPABILITIES.index)
    title = role_title(rng, archetype, CAPABILITY_LABEL[capabilities[0]], domain)
    decisions = role_decisions(rng, domain)
    success = {horizon: sample_filled(rng, METRICS, 2, 3, domain) for horizon in ("90d", "6m", "12m")}
    # Draw order: the fields below are drawn top to bottom.
    summary = "A %s role that %s in %s." % (archetype.replace("-", " "), rng.choice(SUMMARY_VERBS), domain)
    reports_to = rng.choice(REPORTS_TO)
    outcome = "Within twelve months, %s has %s." % (domain, rng.choice(OUTCOMES))
    probes = sample_filled(rng, PROBES, 3, 5, domain)
    red_flags = rng.sample(RED_FLAGS, rng.randint(2, 4))
    tags = sorted(rng.sample(TAG_POOL, rng.randint(2, 4)))
    return {
        "title": title,
        "slug": "%s-%05d" % (slugify(title), i),
        "archetype": archetype,
        "summary": summary,
        "reports_to": reports_to,
        "outcome": outcome,
        "decisions": decisions,
        "capabilities": capabilities,
        "success": success,
        "interview_probes": probes,
        "red_flags": red_flags,
        "tags": tags,
        "_domain": domain,
    }


def gen_brief_fields(seed, i, meta, metas):
    """The gen flavor's extra front matter: the rest of its role-brief schema."""
    rng = random.Random("gen:%s:%d" % (seed, i))
    capabilities = meta["capabilities"]
    primary = rng.randint(1, min(2, len(capabilities)))
    # Page 0 has no earlier role and draws nothing for hire_after.
    earlier = rng.sample(range(i), min(i, rng.randint(0, 2))) if i else []
    domain = meta["_domain"]
    return {
        "capabilities": {"primary": capabilities[:primary], "secondary": capabilities[primary:]},
        "owns_after_launch": ["%s for %s" % (rng.choice(OBJECTS).capitalize(), domain)],
        "interfaces": {
            "product": "Agrees priorities with the %s product owner" % domain,
            "data": "Sets data-quality requirements with the data platform team",
            "security": "Brings security review in before build starts",
            "it": "Agrees deployment targets with IT operations",
        },
        "hire_after": [metas[j]["slug"] for j in sorted(earlier)],
    }


# --------------------------------------------------------------------------- #
# Page body
# --------------------------------------------------------------------------- #

def decision_table(rng, meta):
    rows = ["| Decision | Cadence | Escalates to |", "|---|---|---|"]
    for decision in meta["decisions"]:
        # Draw order: escalation, then cadence.
        escalation = rng.choice(ESCALATIONS)
        if escalation == "reports_to":
            escalation = meta["reports_to"]
        rows.append("| %s | %s | %s |" % (decision, rng.choice(CADENCES), escalation))
    return "\n".join(rows)


def yaml_config_block(rng, meta):
    return "\n".join([
        "```yaml",
        "role: %s" % meta["slug"],
        "archetype: %s" % meta["archetype"],
        "review:",
        "  cadence: %s" % rng.choice(CADENCES),
        "  quorum: %d" % rng.randint(2, 5),
        "release_gates:",
        "  offline_eval_min: 0.%d" % rng.randint(70, 95),
        "  max_p95_latency_ms: %d" % (rng.randint(3, 20) * 100),
        "  human_review_sample: %d" % rng.choice([50, 100, 200, 500]),
        "oncall:",
        "  rotation: %s" % rng.choice(["weekly", "fortnightly"]),
        "  pager: %s" % rng.choice(["true", "false"]),
        "capabilities: [%s]" % ", ".join(meta["capabilities"]),
        "```",
    ])


def python_harness_block(threshold, domain):
    return "\n".join([
        "```python",
        "from dataclasses import dataclass",
        "",
        "",
        "@dataclass",
        "class Case:",
        "    prompt: str",
        "    expected: str",
        "",
        "",
        "def score(cases, predict, threshold=%.2f):" % threshold,
        '    """Return (pass_rate, failures) for the %s golden set."""' % domain,
        "    failures = []",
        "    for case in cases:",
        "        got = predict(case.prompt)",
        "        if case.expected.lower() not in got.lower():",
        "            failures.append((case.prompt, got))",
        "    rate = 1 - len(failures) / max(len(cases), 1)",
        "    return rate, failures if rate < threshold else []",
        "```",
    ])


def role_body(seed, i, meta, metas, pages, flavor):
    """The Markdown body of page i: 8 `##` sections, padded towards a random word count."""
    rng = random.Random("body:%s:%d" % (seed, i))
    domain = meta["_domain"]
    target_words = rng.randint(BODY_WORDS_MIN, BODY_WORDS_MAX)

    # Up to 5 other pages; the first two are also linked from the prose.
    others = [j for j in rng.sample(range(pages), min(pages, 6)) if j != i][:5]
    links = [(metas[j]["title"], role_link(metas[j]["slug"], flavor)) for j in others]
    inline_links = links[:2]

    def next_inline_link():
        return inline_links.pop(0) if inline_links else None

    sections = []  # (section key, [Markdown chunks]), in page order

    sections.append(("why", [paragraph(rng, domain, next_inline_link())]))

    success = "\n".join("- **%s:** %s" % (horizon, "; ".join(metrics))
                        for horizon, metrics in meta["success"].items())
    sections.append(("good", ["The expectation is simple to state. %s" % meta["outcome"], success]))

    table = decision_table(rng, meta)
    sections.append(("decisions", [paragraph(rng, domain, next_inline_link()), table]))

    # Draw order: each code block before the paragraph that introduces it.
    config = yaml_config_block(rng, meta)
    sections.append(("config", [paragraph(rng, domain), config]))

    harness = python_harness_block(rng.randint(70, 95) / 100.0, domain)
    sections.append(("code", [paragraph(rng, domain), harness]))

    sections.append(("interview", [
        "Probes we use, in roughly this order:",
        "\n".join("%d. %s" % (k + 1, probe) for k, probe in enumerate(meta["interview_probes"])),
        "Red flags:",
        "\n".join("- %s" % flag for flag in meta["red_flags"]),
    ]))

    sections.append(("risks", [paragraph(rng, domain)]))

    related = "\n".join("- [%s](%s)" % link for link in links) or "- [All roles](/roles/)"
    sections.append(("related", [related]))

    pad_prose(rng, domain, sections, target_words)

    # Draw order: the headings come last.
    out = []
    for key, chunks in sections:
        out.append("## %s" % rng.choice(SECTION_TITLES[key]))
        out.extend(chunks)
    return "\n\n".join(out) + "\n"


def pad_prose(rng, domain, sections, target_words):
    """Add paragraphs to the prose sections in turn (each right after its first chunk)
    until the body reaches `target_words`, without going over BODY_WORDS_CAP."""
    prose = [chunks for key, chunks in sections if key in PROSE_SECTIONS]

    def words():
        return sum(word_count(chunk) for _, chunks in sections for chunk in chunks)

    for k in range(MAX_PADDING):
        if words() >= target_words:
            break
        extra = paragraph(rng, domain)
        if words() + word_count(extra) > BODY_WORDS_CAP:
            break
        prose[k % len(prose)].insert(1, extra)


# --------------------------------------------------------------------------- #
# --unique-code: a unique trailing comment on every code line
# --------------------------------------------------------------------------- #

_HASH = ("yaml", "yml", "python", "py", "bash", "sh", "shell", "toml", "ruby", "r")
_SLASHES = ("c", "cpp", "c++", "h", "rust", "rs", "go", "java", "javascript", "js",
            "typescript", "ts", "kotlin", "swift", "scala", "csharp", "cs")
COMMENT_PREFIX = dict([(lang, "#") for lang in _HASH] + [(lang, "//") for lang in _SLASHES])


def unique_code(body, seed, i):
    """`body` with a comment after every line of every fenced block in a language of
    COMMENT_PREFIX. The comment names the page, block and line (which makes it unique in
    the corpus) and carries a token from the stream "code:" + seed + page number."""
    rng = random.Random("code:%s:%d" % (seed, i))
    lines = body.split("\n")
    prefix = None  # inside a fence: its comment prefix ("" when the language has none)
    block = 0
    line_no = 0
    for n, line in enumerate(lines):
        if line.startswith("```"):
            if prefix is None:
                prefix = COMMENT_PREFIX.get(line[3:].strip().lower(), "")
                block += 1
                line_no = 0
            else:
                prefix = None
            continue
        if prefix:
            line_no += 1
            note = "%s rb-%05d.%d.%02d %06x" % (prefix, i, block, line_no, rng.getrandbits(24))
            lines[n] = "%s  %s" % (line, note) if line.strip() else note
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# Front matter serialisation
# --------------------------------------------------------------------------- #

_YAML_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.()/&'-]*$")
_YAML_RESERVED = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def yaml_scalar(text):
    """Plain when YAML reads it back as the same string, else a double-quoted (JSON) string."""
    if _YAML_PLAIN.match(text) and text.lower() not in _YAML_RESERVED and not text.endswith(" "):
        return text
    return json.dumps(text)


def yaml_list(lines, key, items, indent):
    lines.append("%s%s:%s" % (indent, key, "" if items else " []"))
    lines.extend("%s  - %s" % (indent, yaml_scalar(item)) for item in items)


def yaml_front_matter(meta, extra=None):
    """`---` YAML: title, slug, FIELDS, then the keys of `extra` not in FIELDS.
    `extra` values replace those of `meta`."""
    extra = extra or {}
    fields = dict(meta, **extra)
    lines = ["---"]
    for key in ["title", "slug"] + FIELDS + [k for k in extra if k not in FIELDS]:
        value = fields[key]
        if isinstance(value, str):
            lines.append("%s: %s" % (key, yaml_scalar(value)))
        elif isinstance(value, list):
            yaml_list(lines, key, value, "")
        elif isinstance(value, dict):
            lines.append("%s:" % key)
            for sub, item in value.items():
                if isinstance(item, str):
                    lines.append("  %s: %s" % (sub, yaml_scalar(item)))
                else:
                    yaml_list(lines, sub, item, "  ")
    lines.append("---")
    return "\n".join(lines) + "\n"


def toml_string(text):
    return json.dumps(text)  # a JSON string is a valid TOML basic string


def toml_array(items):
    return "[%s]" % ", ".join(toml_string(item) for item in items)


def toml_front_matter(meta):
    """`+++` TOML: title and slug at top level, the other FIELDS under [extra]."""
    lines = ["+++", "title = %s" % toml_string(meta["title"]), "slug = %s" % toml_string(meta["slug"]),
             "", "[extra]"]
    for key in FIELDS:
        value = meta[key]
        if isinstance(value, str):
            lines.append("%s = %s" % (key, toml_string(value)))
        elif isinstance(value, list):
            lines.append("%s = %s" % (key, toml_array(value)))
    lines += ["", "[extra.success]"]
    lines.extend("%s = %s" % (horizon, toml_array(metrics)) for horizon, metrics in meta["success"].items())
    lines.append("+++")
    return "\n".join(lines) + "\n"


def front_matter(flavor, seed, i, meta, metas):
    if flavor == "zola":
        return toml_front_matter(meta)
    if flavor == "gen":
        return yaml_front_matter(meta, gen_brief_fields(seed, i, meta, metas))
    return yaml_front_matter(meta)


# --------------------------------------------------------------------------- #
# Site skeletons (Hugo and Zola). Both render every front matter field and the
# content on each page, and a list of all roles on /roles/; highlighting is on
# in both (inline styles, monokai); taxonomies, feeds and search are off.
# --------------------------------------------------------------------------- #

SECTION_INTRO = "Role briefs generated for benchmarking. Each page describes one role.\n"

HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Role briefs"
languageCode = "en-us"
# Parity with the Zola site: no taxonomy/term pages, no RSS. Sitemap stays on
# (Zola always writes one).
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = true

[markup]
  [markup.highlight]
    # Chroma; on by default, stated explicitly for the benchmark.
    codeFences = true
    noClasses = true
    style = "monokai"
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<header><a href="/">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<dl>
<dt>Archetype</dt><dd>{{ .Params.archetype }}</dd>
<dt>Summary</dt><dd>{{ .Params.summary }}</dd>
<dt>Reports to</dt><dd>{{ .Params.reports_to }}</dd>
<dt>Outcome</dt><dd>{{ .Params.outcome }}</dd>
<dt>Capabilities</dt><dd>{{ delimit .Params.capabilities ", " }}</dd>
<dt>Tags</dt><dd>{{ delimit .Params.tags ", " }}</dd>
</dl>
<h2>Decisions</h2>
<ul>{{ range .Params.decisions }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Success</h2>
{{ range $k, $v := .Params.success }}<h3>{{ $k }}</h3><ul>{{ range $v }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
<h2>Interview probes</h2>
<ul>{{ range .Params.interview_probes }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Red flags</h2>
<ul>{{ range .Params.red_flags }}<li>{{ . }}</li>{{ end }}</ul>
<section class="content">
{{ .Content }}
</section>
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ .Params.archetype }})</li>
{{ end }}
</ul>
{{ end }}
"""

ZOLA_CONFIG = """base_url = "https://example.org"
title = "Role briefs"
compile_sass = false
build_search_index = false
generate_feeds = false

[markdown]
# Zola >= 0.22 (Giallo). For Zola <= 0.21 (syntect) use instead:
#   highlight_code = true
#   highlight_theme = "base16-ocean-dark"
[markdown.highlighting]
theme = "monokai"
style = "inline"
"""

ZOLA_BASE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body>
<header><a href="/">{{ config.title }}</a></header>
<main>{% block main %}{% endblock %}</main>
</body>
</html>
"""

ZOLA_PAGE = """{% extends "base.html" %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock %}
{% block main %}
<article>
<h1>{{ page.title }}</h1>
<dl>
<dt>Archetype</dt><dd>{{ page.extra.archetype }}</dd>
<dt>Summary</dt><dd>{{ page.extra.summary }}</dd>
<dt>Reports to</dt><dd>{{ page.extra.reports_to }}</dd>
<dt>Outcome</dt><dd>{{ page.extra.outcome }}</dd>
<dt>Capabilities</dt><dd>{{ page.extra.capabilities | join(sep=", ") }}</dd>
<dt>Tags</dt><dd>{{ page.extra.tags | join(sep=", ") }}</dd>
</dl>
<h2>Decisions</h2>
<ul>{% for d in page.extra.decisions %}<li>{{ d }}</li>{% endfor %}</ul>
<h2>Success</h2>
{% for k, v in page.extra.success %}<h3>{{ k }}</h3><ul>{% for m in v %}<li>{{ m }}</li>{% endfor %}</ul>{% endfor %}
<h2>Interview probes</h2>
<ul>{% for p in page.extra.interview_probes %}<li>{{ p }}</li>{% endfor %}</ul>
<h2>Red flags</h2>
<ul>{% for r in page.extra.red_flags %}<li>{{ r }}</li>{% endfor %}</ul>
<section class="content">
{{ page.content | safe }}
</section>
</article>
{% endblock %}
"""

ZOLA_SECTION = """{% extends "base.html" %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock %}
{% block main %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<ul>
{% for p in section.pages %}<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a> ({{ p.extra.archetype }})</li>
{% endfor %}
</ul>
{% endblock %}
"""

ZOLA_INDEX = """{% extends "base.html" %}
{% block main %}
<h1>{{ config.title }}</h1>
{% set roles = get_section(path="roles/_index.md", metadata_only=true) %}
<p><a href="{{ roles.permalink | safe }}">{{ roles.title }}</a></p>
{% endblock %}
"""

# Files besides content/roles/*.md, relative to --out, per flavor.
SKELETONS = {
    "gen": {},
    "hugo": {
        "config.toml": HUGO_CONFIG,
        "content/roles/_index.md": "---\ntitle: Roles\n---\n" + SECTION_INTRO,
        "layouts/_default/baseof.html": HUGO_BASEOF,
        "layouts/_default/single.html": HUGO_SINGLE,
        "layouts/_default/list.html": HUGO_LIST,
    },
    "zola": {
        "config.toml": ZOLA_CONFIG,
        "content/roles/_index.md": '+++\ntitle = "Roles"\nsort_by = "none"\n+++\n' + SECTION_INTRO,
        "templates/base.html": ZOLA_BASE,
        "templates/page.html": ZOLA_PAGE,
        "templates/section.html": ZOLA_SECTION,
        "templates/index.html": ZOLA_INDEX,
    },
}


# --------------------------------------------------------------------------- #
# Output
# --------------------------------------------------------------------------- #

# Same marker name as the reference generator, so either may regenerate the other's corpus.
MARKER = ".make_corpus"
# What a regeneration deletes first (the generated parts and the generators' outputs).
GENERATED = ("content", "layouts", "templates", "public", "config.toml", "resources")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def clear_generated(out):
    for name in GENERATED:
        path = os.path.join(out, name)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)


def write_corpus(out, pages, flavor, seed, code_comments=False):
    """Write the corpus into `out` (already cleared); returns the average body word count."""
    note = "flavor=%s pages=%d seed=%s" % (flavor, pages, seed)
    write(os.path.join(out, MARKER), note + (" unique-code" if code_comments else "") + "\n")
    roles = os.path.join(out, "content", "roles")
    metas = [role_meta(seed, i) for i in range(pages)]
    words = 0
    for i, meta in enumerate(metas):
        body = role_body(seed, i, meta, metas, pages, flavor)
        if code_comments:
            body = unique_code(body, seed, i)
        words += word_count(body)
        write(os.path.join(roles, meta["slug"] + ".md"), front_matter(flavor, seed, i, meta, metas) + "\n" + body)
    for rel, text in SKELETONS[flavor].items():
        write(os.path.join(out, *rel.split("/")), text)
    return words // pages


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True, help="number of role pages")
    parser.add_argument("--out", required=True, help="output directory (its generated parts are replaced)")
    parser.add_argument("--flavor", choices=sorted(SKELETONS), required=True)
    parser.add_argument("--seed", default="42", help="seed (any string; default 42)")
    parser.add_argument("--unique-code", action="store_true",
                        help="end every code line with a comment unique in the corpus")
    parser.add_argument("--force", action="store_true",
                        help="allow replacing a non-empty --out that was not made by this script")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be >= 1")

    out = args.out
    if os.path.isdir(out) and os.listdir(out) and not os.path.exists(os.path.join(out, MARKER)) and not args.force:
        parser.error("%s is not empty and was not created by make_corpus.py (use --force)" % out)
    clear_generated(out)
    average = write_corpus(out, args.pages, args.flavor, args.seed, args.unique_code)
    sys.stderr.write("wrote %d pages (%s flavor, seed %s%s, avg %d body words) to %s\n"
                     % (args.pages, args.flavor, args.seed, ", unique code" if args.unique_code else "",
                        average, out))


if __name__ == "__main__":
    main()
