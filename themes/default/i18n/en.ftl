# The default theme's words in English. Every language file of the theme has the same
# message ids as this one (a test holds them to it). A site changes a word by writing the
# message again in its own i18n/<lang>.ftl; a later file's message wins.
# Fluent syntax: https://projectfluent.org/fluent/guide/

# A label before its text ("Location: Hamburg"); French puts a no-break space before the colon.
label-colon = { $label }:

## Dates and numbers. Numbers are written by ICU4X in the language's way (1,234.5);
## a day as `date-long`, with the month's name from `month-N`.

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Every page: skip link, search, navigation. `nav-…` are named after the English name
## of the page in the navigation (and of the taxonomy).

skip-to-content = Skip to content
search-label = Search roles and guides
search-placeholder = Search
search-results = Search results
search-no-results = No role or guide matches.
nav-label = Playbook
guides-label = Guides
nav-roles = Roles
nav-capability-matrix = Capability matrix
nav-hiring-sequence = Hiring sequence
nav-team-plan = Team plan
nav-capabilities = Capabilities
nav-archetypes = Archetypes
nav-tags = Tags
nav-whole-playbook = Whole playbook
nav-health = Health

## A brief's page.

reports-to = reports to { $name }
based-on = Based on
based-on-inherits = : every field this brief does not set comes from it.
brief-actions-label = Use this brief
copy-markdown = Copy as Markdown
copy-text = Copy as plain text
job-post = Job post
copy-posting = Copy job post
interview-kit = Interview kit
internal = Internal
interview-kit-description = the loop, probes, rating anchors and a scorecard, printable on two pages
source = Source:
edit-page = Edit this page
last-reviewed = Last reviewed
reviewed-not-recorded = not recorded
reviewed-not-recorded-changed = not recorded; the file last changed
last-changed = Last changed
maintainer = Maintainer

## What the copy buttons say (the page's script reads them from the page).

js-copied = Copied.
js-copy-blocked = Copying is blocked here: use the download link instead.
js-copied-formatted = Copied, with headings and lists.
js-copied-selected-insecure = Copied by selecting the post, with headings and lists (this page is not served over HTTPS).
js-copied-selected-unsupported = Copied by selecting the post, with headings and lists (this browser cannot put formatted text on the clipboard).
js-copied-selected-refused = Copied by selecting the post, with headings and lists (the browser refused the clipboard).
js-copy-post-blocked = Copying is blocked here: open posting.html and copy the post from there, or use a download link.

## A brief's fields.

outcome = Outcome
decisions-this-role-owns = Decisions this role owns
success = Success
horizon-90d = 90 days
horizon-6m = 6 months
horizon-12m = 12 months
not-stated = Not stated
capabilities = Capabilities
capability-primary = primary capability
capability-secondary = secondary capability
how-it-fits = How it fits
no-interfaces = No interfaces stated.
owns-after-launch = Owns after launch
owns-after-launch-missing = Nothing stated: who owns this once it is live?
adapted-by = Adapted by
briefs-based-on-this = Briefs based on this one:
hiring-sequence = Hiring sequence
hire-after = Hire after
hire-after-nothing = nothing: this can be a first hire
prepares-for = Prepares for
constraints = Constraints
tools = Tools
internal-notes = Internal notes
interview-probes = Interview probes
no-probes = No probes for proof of delivery yet.
red-flags = Red flags
none-listed = None listed.
on-this-page = On this page
status = Status
status-open = open: being hired
status-filled = filled
status-planned = planned
status-open-short = open
status-filled-short = filled
status-planned-short = planned
headcount = headcount { $count }

## The teams a brief works with (site.yaml `interfaces`); a key of the site's own shows
## as it is written there.

interface-product = Product
interface-data = Data
interface-security = Security
interface-it = IT
interface-operations = Operations
interface-hr = HR
interface-legal = Legal
interface-finance = Finance

## The home page and the lists.

start-with = Start with:
staffing = Staffing
playbook-health = Playbook health
findings-to-review = { $count ->
    [one] { $count } finding to review
   *[other] { $count } findings to review
}
no-findings = no findings
waived-with-reasons = { $count } waived, with reasons
the-team-plan = The team plan
team-plan-description = The company's own briefs, adapted from the archetypes below, in hiring order.
archetype-library = The archetype library
count-briefs = { $count ->
    [one] { $count } brief
   *[other] { $count } briefs
}
no-brief-of-archetype = No brief of this archetype yet.
nothing-here-yet = Nothing here yet.
owned-as-primary-by = Owned as primary by
briefs = Briefs
capability-unowned = No brief holds this capability as primary: work with no owner.
no-brief-yet = No brief yet.
also-secondary-by = Also held as secondary by

## Other pages.

page-not-found = Page not found
not-found-go-back = This page does not exist or has moved. Go back to
not-found-the-playbook = the playbook
whole-playbook = The whole playbook
print-title = { $site }: the whole playbook
print-lead = Every brief in hiring order, on one page for print and for wikis that take a single page.
print-kit-note = Interview probes and red flags print from each brief's interview kit
print-kit-note-where = {" "}beside its page
contents = Contents
sequence-lead = The order the briefs'
sequence-lead-rest = {" "}implies: each hire should make the next one easier. Ties go by archetype, then title.
sequence-graph = Hiring sequence graph
sequence-caption = Each arrow points from a hire to a hire that should follow it.
sequence-graph-title = Hiring sequence: each arrow points from a hire to the hire that should follow it
sequence-legend = Node styles by archetype
in-seat-since = in seat since { $quarter }
starts = starts { $quarter }
after = after
can-be-first-hire = can be a first hire

## brief.md and brief.txt (brief.txt writes the headings in capitals).

brief-outcome = The outcome we are hiring for
brief-decide = What you will decide
brief-own-live = What you will own once systems are live
brief-measure-success = How we will measure success
brief-fits = How the role fits
brief-shapes = What shapes the job
brief-reports-to = Reports to:

## The job post: headings and labels, named after their English words.

posting-what-this-role-is-for = What this role is for
posting-you-will-report-to = You will report to
posting-the-outcome-you-will-be-hired-to-deliver = The outcome you will be hired to deliver
posting-what-you-will-own = What you will own
posting-decisions-you-will-make = Decisions you will make
posting-once-systems-are-live = Once systems are live
posting-who-you-will-work-with = Who you will work with
posting-what-shapes-the-work = What shapes the work
posting-how-you-will-know-it-is-working = How you will know it is working
posting-after-90-days = After 90 days
posting-after-6-months = After 6 months
posting-after-12-months = After 12 months
posting-what-we-look-for = What we look for
posting-level = Level
posting-where-you-will-be-strongest = Where you will be strongest
posting-where-you-will-also-contribute = Where you will also contribute
posting-tools-you-will-use = Tools you will use
posting-where-you-will-work-and-what-you-will-earn = Where you will work and what you will earn
posting-location = Location
posting-remote-from = Remote from
posting-working-pattern = Working pattern
posting-contract = Contract
posting-pay = Pay
posting-about-us = About us
posting-what-we-offer = What we offer
posting-website = Website
posting-how-to-apply = How to apply
posting-apply = Apply
posting-applications-close = Applications close
posting-equal-opportunity = Equal opportunity

work-model-onsite = On site
work-model-hybrid = Hybrid (part of the week in the office)
work-model-remote = Remote
employment-full-time = Full-time
employment-part-time = Part-time
employment-contract = Contract
employment-temporary = Temporary
employment-internship = Internship

# $currency (EUR), $min and $max (written as numbers are), $period (year, month, week,
# day, hour).
pay-range = { $currency } { $min }–{ $max } { $period ->
    [month] a month
    [week] a week
    [day] a day
    [hour] an hour
   *[year] a year
}
pay-amount = { $currency } { $min } { $period ->
    [month] a month
    [week] a week
    [day] a day
    [hour] an hour
   *[year] a year
}

## The capability matrix and its staffing view.

matrix-lead-team = The team plan (the briefs of
matrix-lead-team-end = )
matrix-lead-every = Every brief
matrix-lead = against the capability vocabulary, in hiring order.
matrix-lead-primary = marks a primary capability (the role owns it),
matrix-lead-secondary = a secondary one.
staffing-counts-label = Capabilities by staffing state
staffing-staffed = staffed
staffing-covered = covered
staffing-hiring = being hired
staffing-planned = planned only
staffing-unowned = unowned
staffing-table-label = Staffing by capability
staffing-caption = Each capability and the team briefs that hold it as primary
capability = Capability
staffing-state = State
held-as-primary-by = Held as primary by
held-by = Held by
people = { $count } people
bundled = bundled
bundled-title-staffing = one brief asked for several jobs (bundled-role): it holds this capability without staffing it
bundled-title = one brief asked for several jobs (bundled-role)
nobody = nobody
covered-by = covered by { $name }
cover-existing-staff = existing staff
cover-partner = partner
cover-contractor = contractor
cover-until = until { $until }, for
work-with-no-owner = Work with no owner:
gaps-no-primary = { $count ->
    [one] No brief holds it as primary.
   *[other] No brief holds them as primary.
}
every-capability-owned = Every capability has an owner: each is held as primary by at least one brief.
roles-by-capabilities = Roles × capabilities
role = Role
no-owner = no owner
none = none
primary-holders = Primary holders
secondary-holders = Secondary holders

## The health page. The findings' messages stay in English (they are gen check's).

health-lead = What
health-lead-rest = finds in these briefs: the patterns that repel strong candidates or set a hire up to fail.
findings-in-files = { $count ->
    [one] { $count } finding
   *[other] { $count } findings
} in { $files ->
    [one] { $files } file
   *[other] { $files } files
}
waived = { $count } waived
listed-below = listed below
by-lint-label = Findings by lint
by-lint-caption = Findings by lint, the most first
col-lint = Lint
col-level = Level
col-findings = Findings
col-files = Files
health-more = … and { $count ->
    [one] { $count } more finding
   *[other] { $count } more findings
} in { $files ->
    [one] { $files } more file
   *[other] { $files } more files
}:
health-more-rest = lists them all.
level-warning = warning
level-error = error
level-waived = waived
line-column = line { $line }, column { $column }
healthy-with-waivers = No findings count against these briefs; { $count ->
    [one] { $count } is
   *[other] { $count } are
} waived, each with its brief's reason
healthy = No findings: every brief states an outcome with a target, success at 90 days, 6 months and 12 months, what it owns after launch, and how it fits with product, data, security and IT.
readiness-title = Ready to open a search
readiness-lead = Before a search opens, its brief should answer every intake question: the outcome, the decisions the role owns, what it owns after launch, its primary capabilities, how it fits with product, data, security and IT, success at 90 days, 6 months and 12 months, its constraints and who it reports to. If those answers are fuzzy, the search should pause until they are clear:
readiness-lead-rest = fails on an open brief that leaves one unanswered.
readiness-table-label = Readiness of each team brief
readiness-caption = Each team brief and the intake questions it leaves unanswered
brief = Brief
ready = Ready
not-ready = Not ready:
search-should-pause = open: the search should pause
waived-findings = Waived findings
waivers-lead = Findings a brief waives for itself with
waivers-lead-rest = , each with the reason it gives. They are not counted above; a waiver without a reason is itself a finding
waived-where = { $file }, line { $line }; would be { $level ->
    [error] an error
   *[other] a warning
}
reason = Reason:
no-reason = No reason given.
cell-primary = primary
cell-secondary = secondary

## Languages (switcher, missing translations)
language-switcher-label = Language
missing-translations = Missing translations
missing-translations-lead = The briefs and guides each language does not translate yet (a translation is
missing-translations-lead-rest = beside its page). Its tree leaves them out, and its switcher leads from them to its home page.
count-untranslated = { $count } untranslated
every-page-translated = Every page is translated.

## Paged listings
pagination-label = Pagination
page-of = Page { $number } of { $pages }
page-of-lower = page { $number } of { $pages }
page-of-briefs = Page { $number } of { $pages } of the briefs
page-number = Page { $number }
page-word = page
previous = Previous
next = Next
continued = continued

## The interview kit (`<slug>.kit.html`). `kit-stage-<loop>-<n>` are the stages of an
## archetype's default loop: `leader` (executive operators and managers), `builder`,
## `architect`, `generic` (any other), each with its interviewer and purpose.

kit-title = Interview kit: { $title }
kit-internal-mark = Internal · for the hiring team · not for candidates
kit-mission = What the role is for
kit-outcome = The outcome
kit-loop = Interview loop
# $archetype as site.yaml names it; $archetype_lower in lower case.
kit-default-loop-archetype = The default loop for the { $archetype_lower } archetype: write
kit-default-loop-brief = The default loop for this brief: write
kit-default-loop-rest = in the brief to set your own.
kit-col-stage = Stage
kit-col-interviewer = Interviewer
kit-col-rates = Rates
kit-col-probes = Probes
kit-probe-number = P{ $number }
kit-capabilities = Capabilities, probes and rating anchors
kit-weight-primary = primary
kit-weight-secondary = secondary
kit-weight-assessed = assessed
kit-rated-in = Rated in { $count ->
    [one] stage
   *[other] stages
} { $stages }.
kit-general-probes = General probes
kit-no-red-flags = None listed in the brief.
kit-scorecard = Scorecard
kit-candidate = Candidate
kit-date = Date
kit-evidence-notes = Evidence notes
kit-red-flags-observed = Red flags observed
kit-rate-advice = Rate what the candidate showed, with the evidence, not an impression.
kit-recommendation = Recommendation:
kit-strong-hire = Strong hire
kit-hire = Hire
kit-no-hire = No hire
kit-strong-no-hire = Strong no hire
kit-rating-1 = No evidence
kit-rating-2 = Some evidence
kit-rating-3 = Clear evidence
kit-rating-4 = Strong evidence
# What each rating means for the capability $name.
kit-anchor-1 = No { $name } work of their own: general statements, or others' work.
kit-anchor-2 = One example, partly theirs, or not yet in production.
kit-anchor-3 = { $name } work they owned end to end, with results they can name.
kit-anchor-4 = Has done { $name } work repeatedly and owned it after launch; says what they would change.
kit-hiring-manager = The hiring manager
kit-hiring-manager-of = The hiring manager ({ $name })
kit-stage-leader-1 = Hiring-manager screen
kit-stage-leader-1-purpose = Scope and motivation: can they name a system that went live and stayed live, and who owned it the day after launch?
kit-stage-leader-2 = Strategy and outcome case
kit-stage-leader-2-interviewer = The hiring manager and a finance or operations partner
kit-stage-leader-2-purpose = From this brief's outcome, they lay out the first 12 months: the first hires, what is live at 90 days, and what they would stop.
kit-stage-leader-3 = Stakeholder panel
kit-stage-leader-3-interviewer = Leads of the teams the role works with: product, data, security, IT
kit-stage-leader-3-purpose = The political work of the first quarter: winning time, data access and review from the teams they depend on.
kit-stage-leader-4 = References
kit-stage-leader-4-interviewer = The hiring manager, with two former colleagues
kit-stage-leader-4-purpose = Dosage, not credentials: how many production systems they were accountable for, and what happened after launch.
kit-stage-builder-1 = Technical screen
kit-stage-builder-1-purpose = A production system they built: the data, the evaluation, the deployment, and what broke.
kit-stage-builder-2 = Build and eval exercise
kit-stage-builder-2-interviewer = Two engineers from the team
kit-stage-builder-2-purpose = Messy data: ask for an evaluation plan and a deployment sketch, not only a score.
kit-stage-builder-3 = System design
kit-stage-builder-3-interviewer = A senior engineer or the solutions architect
kit-stage-builder-3-purpose = How their work runs in production: monitoring, rollback, on-call and the platform it deploys on.
kit-stage-builder-4 = Team fit
kit-stage-builder-4-interviewer = The product lead and a peer from the team
kit-stage-builder-4-purpose = How they work with product, data, security and IT, and raise problems with evidence.
kit-stage-architect-1 = Technical screen
kit-stage-architect-1-purpose = A design of theirs that was built and still runs: what they traded off, and what they would change.
kit-stage-architect-2 = System design
kit-stage-architect-2-interviewer = Two senior engineers
kit-stage-architect-2-purpose = A design for this brief's outcome under its constraints, with deployment, monitoring and rollback.
kit-stage-architect-3 = Integration review
kit-stage-architect-3-interviewer = The governance owner and an IT lead
kit-stage-architect-3-purpose = How the design passes security review, gets its data and is supported by IT.
kit-stage-architect-4 = Team fit and references
kit-stage-architect-4-interviewer = Engineers who will build on the design
kit-stage-architect-4-purpose = Whether builders can work from their designs, and how many of them reached production.
kit-stage-generic-1 = Screen
kit-stage-generic-1-purpose = Scope and motivation, and one piece of work they owned from start to finish.
kit-stage-generic-2 = Work sample
kit-stage-generic-2-interviewer = Two people from the team
kit-stage-generic-2-purpose = A task from the role's first 90 days, and how they would judge it done.
kit-stage-generic-3 = Panel
kit-stage-generic-3-interviewer = Leads of the teams the role works with
kit-stage-generic-3-purpose = How they work with the teams they depend on.
kit-stage-generic-4 = References
kit-stage-generic-4-interviewer = The hiring manager
kit-stage-generic-4-purpose = How often they have done this work, and what happened after.

## Words Rust puts together: money, quarters, a month, lists.

# $amount is written as the language writes numbers.
money = { $currency } { $amount }
# $year as written (2027), $quarter 1 to 4.
quarter = { $year }-Q{ $quarter }
date-month = { $month } { $year }
# "a, b and c": $init is the items before the last, joined with commas.
list-and = { $init } and { $last }
list-separator = {"; "}

## The team plan page (`/plan/`) and its timeline.

plan-library = This playbook is a library of archetypes
plan-library-in-site-yaml = in site.yaml
plan-library-rest = : it has no team plan, so there are no hires to date or cost.
plan-lead = When each hire lands, what the team costs at the midpoints of the cost bands, which headcount is approved, how much each person carries and what is still at risk.
plan-lead-year = When each hire lands, what the team costs in { $year } at the midpoints of the cost bands, which headcount is approved, how much each person carries and what is still at risk.
plan-summary = { $briefs ->
    [one] { $briefs } brief
   *[other] { $briefs } briefs
}, { $people ->
    [one] { $people } person
   *[other] { $people } people
}: { $filled } filled, { $open } open, { $planned } planned
plan-summary-span = { $summary }; starts from { $first } to { $last }
plan-summary-one-quarter = { $summary }; every dated start in { $first }
plan-hires-by-quarter = Hires by quarter
plan-timeline-label = Hires by quarter: timeline
plan-timeline-desc = { $summary }. Each lane is a brief; its mark sits in the quarter the hire starts: a filled circle for filled, a half-filled circle for open, a dashed circle for planned; ✓ approved, ? proposed, ✕ frozen; a hatched bar is cover without a hire, from today until its date. The table below says the same in text.
plan-covered-until = Covered by { $name } until { $until }
plan-legend = ● filled · ◐ open · ◌ planned · ✓ approved · ? proposed · ✕ frozen · ×2 two people · hatched bar: covered without a hire, from today until its date.
plan-hires-caption = The hires in text: status, start, headcount, approval and cost a year at the band's midpoint
plan-col-starts = Starts
plan-col-people = People
plan-col-approval = Approval
plan-col-cost-a-year = Cost a year
plan-col-quarter = Quarter
plan-col-primary = Primary
plan-col-secondary = Secondary
plan-extend-and-own = extend and own
plan-no-date = no date
plan-no-band = no band
plan-approval-approved = ✓ approved
plan-approval-proposed = ? proposed
plan-approval-frozen = ✕ frozen
plan-approval-none = no approval recorded
plan-cost = Cost
plan-cost-in = Cost in { $year }
plan-cost-caption = Cost per quarter at band midpoints, counted from each hire's start month
plan-year = Year
plan-budget = budget { $amount }:
plan-under-budget = { $amount } under the budget
plan-over-budget = { $amount } over the budget
plan-no-budget = no budget in site.yaml
plan-no-costs = No hire has a date or a cost band yet.
plan-not-counted = Not in the year's cost:
plan-not-counted-no-band = no cost band (no `cost`, `pay` or level band by the year or month)
plan-not-counted-currency = its band is in another currency
plan-not-counted-no-date = no start date yet
plan-load = Load per person
plan-load-caption = Capabilities each person of a brief carries: primary (owns) and secondary
plan-each-of = each of { $count }
plan-covers = Covered without a hire
plan-cover-ended = ended
plan-cover-gap = ends before the hire starts
plan-risks = Open risks
plan-no-risks = None: every capability has an owner, governance comes before the builders, no brief is bundled, cover lasts until its hire, hires follow their order, open searches are approved.
plan-no-risks-budget = None: every capability has an owner, governance comes before the builders, no brief is bundled, cover lasts until its hire, hires follow their order, open searches are approved and the plan is within budget.
plan-as-data = The plan as data:

## The staffing summary (home page and matrix) and its notes.

staffing-summary-staffed = { $staffed } of { $total } { $total ->
    [one] capability
   *[other] capabilities
} staffed
staffing-summary-covered = { $count } covered until a hire
staffing-summary-hiring = { $count } being hired
staffing-summary-planned = { $count } planned only
# $names: the unowned capabilities named ("Architecture and Data Engineering"), or how
# many there are when more than three; $count: how many.
staffing-summary-unowned = { $names } unowned
staffing-note-only-bundled = held only by bundled briefs, which do not count
staffing-note-bundled = bundled briefs do not count

## The intake questions a brief leaves unanswered (health page), named after their
## English words.

intake-outcome = outcome
intake-decisions = decisions
intake-owns-after-launch = owns after launch
intake-primary-capabilities = primary capabilities
intake-interfaces = interfaces
intake-success-at-90-days = success at 90 days
intake-success-at-6-months = success at 6 months
intake-success-at-12-months = success at 12 months
intake-constraints = constraints
intake-reports-to = reports to

## What a screen reader says of the boxes the Markdown renderer writes: a heading's link,
## a table (named after its section, $name) and a code block (in the language $lang).

md-section-link = Link to this section
md-table = Table
md-table-named = Table: { $name }
md-code = Code
md-code-in = Code: { $lang }
