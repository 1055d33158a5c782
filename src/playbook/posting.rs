//! The job post a brief makes: a pure function from a brief and the site's config to a
//! `Posting`, which holds the candidate-facing fields only. Every rendition of a post (HTML,
//! Markdown, plain text; later JSON-LD, ATS exports, DOCX) is made from it, so what is
//! public is decided here, once, by the table `FIELDS`.

use serde::Serialize;

use crate::config::Config;
use crate::config::posting::{ApplyTarget, Pay};
use crate::config::vocabulary::InterfaceVocabulary;
use crate::content::role::{EmploymentType, Role, WorkModel, parse_date};
use crate::playbook::voice::second_person;

/// Who may read a field of a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Shown to candidates: in job posts, their prints and exports.
    Candidate,
    /// For the hiring team and the playbook only: never in a job post.
    Internal,
}

/// One front-matter key (or the body), who may read it, and why.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub audience: Audience,
    pub why: &'static str,
}

const fn field(key: &'static str, audience: Audience, why: &'static str) -> Field {
    Field { key, audience, why }
}

use Audience::{Candidate, Internal};

/// Every key of a brief's front matter (a `key+` twin goes with its key) and the body:
/// candidate-facing or internal. A test holds this table to the front-matter type, so a new
/// key cannot be added without deciding who reads it.
pub const FIELDS: &[Field] = &[
    field("title", Candidate, "the job's title"),
    field(
        "summary",
        Candidate,
        "opens \"What this role is for\" when there is no `posting.intro`, turned to \"you\"",
    ),
    field(
        "posting",
        Candidate,
        "the post's own opening and where to apply",
    ),
    field("reports_to", Candidate, "who the person will report to"),
    field("outcome", Candidate, "what the person is hired to achieve"),
    field("decisions", Candidate, "what the person will decide"),
    field(
        "owns_after_launch",
        Candidate,
        "what the person owns once systems are live",
    ),
    field("interfaces", Candidate, "who the person will work with"),
    field(
        "constraints",
        Candidate,
        "the systems, data and rules that shape the work",
    ),
    field(
        "success",
        Candidate,
        "how success is measured at 90 days, 6 and 12 months",
    ),
    field(
        "capabilities",
        Candidate,
        "what we look for, in the vocabulary's words",
    ),
    field(
        "level",
        Candidate,
        "the level's title, and its pay band when `pay` is not set",
    ),
    field("tools", Candidate, "the tools the work uses"),
    field("location", Candidate, "where the job is done"),
    field(
        "remote",
        Candidate,
        "where a remote candidate may work from",
    ),
    field("work_model", Candidate, "onsite, hybrid or remote"),
    field("employment_type", Candidate, "the kind of contract"),
    field(
        "pay",
        Candidate,
        "the pay range (pay-transparency law asks for it)",
    ),
    field("valid_through", Candidate, "the closing date"),
    field(
        "date_posted",
        Candidate,
        "the day the post was published (schema.org's datePosted)",
    ),
    field("slug", Internal, "the page's address in the playbook"),
    field("extends", Internal, "which brief this one adapts"),
    field(
        "archetype",
        Internal,
        "the playbook's kind of role (builder, manager...)",
    ),
    field("hire_after", Internal, "the hiring order"),
    field(
        "interview_probes",
        Internal,
        "questions for the interviewers",
    ),
    field("red_flags", Internal, "what interviewers listen for"),
    field(
        "interview_loop",
        Internal,
        "the interview stages, their interviewers and probes",
    ),
    field(
        "internal_notes",
        Internal,
        "budget, politics, why now: for the hiring team",
    ),
    field("tags", Internal, "the playbook's navigation"),
    field(
        "status",
        Internal,
        "where the plan stands (planned, open, filled)",
    ),
    field("headcount", Internal, "how many people the plan hires"),
    field("allow", Internal, "lints waived, with the reasons"),
    field("draft", Internal, "whether the playbook shows the brief"),
    field(
        "target_start",
        Internal,
        "when the plan wants the hire to start",
    ),
    field("filled_on", Internal, "the day the brief was filled"),
    field(
        "approval",
        Internal,
        "whether the headcount is approved, by whom",
    ),
    field("cost", Internal, "what the hire costs the plan"),
    field(
        "starting_point",
        Internal,
        "greenfield, or extend and own a partner's system",
    ),
    field(
        "handover",
        Internal,
        "what a partner hands over (the post's intro says it in candidates' words)",
    ),
    field("covered_by", Internal, "who covers the work until the hire"),
    field(
        "body",
        Internal,
        "the playbook's notes on the brief: why, interviewing, mis-hires",
    ),
    field("maintainer", Internal, "who keeps the brief up to date"),
    field("reviewed", Internal, "when the brief was last reviewed"),
];

/// Who may read the front-matter key `key` (`tools+` is `tools`'s).
pub fn audience(key: &str) -> Option<Audience> {
    let key = key.trim_end_matches('+');
    FIELDS.iter().find(|f| f.key == key).map(|f| f.audience)
}

/// A capability as a post says it: its name and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct CapabilityWords<'a> {
    pub name: &'a str,
    pub description: &'a str,
}

/// A brief as a job post: its candidate-facing fields only, with the site's organization,
/// the level's title and the pay that applies resolved. Nothing internal is reachable from
/// here.
#[derive(Debug, Clone, Serialize)]
pub struct Posting<'a> {
    pub title: &'a str,
    pub organization: Option<&'a str>,
    pub organization_url: Option<&'a str>,
    pub summary: &'a str,
    /// `posting.intro`, by paragraph.
    pub intro: Vec<String>,
    pub reports_to: Option<&'a str>,
    pub outcome: &'a str,
    pub decisions: &'a [String],
    pub owns_after_launch: &'a [String],
    /// (team, how the role works with it), in the vocabulary's order.
    pub interfaces: Vec<(String, &'a str)>,
    pub constraints: &'a [String],
    /// (horizon label, measures), for each horizon the brief states.
    pub success: Vec<(&'static str, Vec<&'a str>)>,
    /// The level's title.
    pub level: Option<&'a str>,
    /// The capabilities the role owns, then those it contributes to.
    pub strengths: Vec<CapabilityWords<'a>>,
    pub contributions: Vec<CapabilityWords<'a>>,
    pub tools: &'a [String],
    pub location: &'a [String],
    pub remote_regions: &'a [String],
    pub work_model: Option<WorkModel>,
    pub employment_type: Option<EmploymentType>,
    /// The brief's `pay`, or its level's band.
    pub pay: Option<&'a Pay>,
    /// The organization's `about`, by paragraph.
    pub about: Vec<String>,
    pub benefits: &'a [String],
    /// The brief's `posting.apply`, or the organization's.
    pub apply: Option<ApplyTarget>,
    /// The closing date as (year, month, day).
    pub valid_through: Option<(i32, u32, u32)>,
    pub equal_opportunity: Option<&'a str>,
    /// The brief's `date_posted` as (year, month, day); the data files fall back to the
    /// day of the build.
    pub date_posted: Option<(i32, u32, u32)>,
}

/// The post of `role` on the site of `config`.
pub fn posting<'a>(config: &'a Config, role: &'a Role) -> Posting<'a> {
    let front = &role.front;
    let organization = config.organization.as_ref();
    let level = front.level.as_ref().and_then(|l| config.level(&l.value));
    let words = |keys: &'a [crate::yaml::Spanned<String>]| -> Vec<CapabilityWords<'a>> {
        keys.iter()
            .filter_map(|k| config.capability(&k.value))
            .map(|c| CapabilityWords {
                name: &c.name,
                description: &c.description,
            })
            .collect()
    };
    let apply = front
        .posting
        .apply
        .as_ref()
        .or_else(|| organization.and_then(|o| o.apply.as_ref()))
        .and_then(|a| ApplyTarget::parse(&a.value).ok());
    Posting {
        title: role.title(),
        organization: organization.map(|o| o.name.as_str()),
        organization_url: organization
            .and_then(|o| o.url.as_ref())
            .map(|u| u.value.as_str()),
        summary: &front.summary.value,
        intro: paragraphs(front.posting.intro.as_deref()),
        reports_to: front.reports_to.as_deref().filter(|r| !r.trim().is_empty()),
        outcome: &front.outcome.value,
        decisions: &front.decisions.value,
        owns_after_launch: &front.owns_after_launch,
        interfaces: config
            .interfaces
            .keys()
            .filter_map(|key| {
                let text = front.interfaces.get(key).filter(|t| !t.trim().is_empty())?;
                Some((InterfaceVocabulary::label(key), text))
            })
            .collect(),
        constraints: &front.constraints,
        success: front
            .success
            .value
            .horizons()
            .into_iter()
            .filter_map(|(_, label, measures)| {
                let measures: Vec<&str> = measures?.iter().map(|m| m.value.as_str()).collect();
                (!measures.is_empty()).then_some((label, measures))
            })
            .collect(),
        level: level.map(|l| l.title.as_str()),
        strengths: words(&front.capabilities.primary),
        contributions: words(&front.capabilities.secondary),
        tools: &front.tools,
        location: &front.location,
        remote_regions: front.remote.as_ref().map_or(&[], |r| r.regions.as_slice()),
        work_model: front.work_model,
        employment_type: front.employment_type,
        pay: front
            .pay
            .as_ref()
            .or_else(|| level.and_then(|l| l.pay.as_ref())),
        about: paragraphs(organization.and_then(|o| o.about.as_deref())),
        benefits: organization.map_or(&[], |o| o.benefits.as_slice()),
        apply,
        valid_through: front
            .valid_through
            .as_ref()
            .and_then(|d| parse_date(&d.value)),
        equal_opportunity: organization
            .and_then(|o| o.equal_opportunity.as_deref())
            .filter(|t| !t.trim().is_empty()),
        date_posted: front
            .date_posted
            .as_ref()
            .and_then(|d| parse_date(&d.value)),
    }
}

/// Text parted at blank lines, each paragraph's lines joined by a space (a YAML block
/// keeps the line breaks of the editor; a post's paragraphs are reflowed by its reader).
fn paragraphs(text: Option<&str>) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.unwrap_or("").lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

/// One part of a post under its fixed heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// A stable id (`what-you-will-own`), for anchors and tests.
    pub id: &'static str,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// What a section holds: paragraphs, labelled lists and labelled facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: String,
    },
    List {
        label: Option<String>,
        items: Vec<String>,
    },
    Facts {
        facts: Vec<Fact>,
    },
}

/// "Location: Hamburg, Germany"; `href` when the text is an address to follow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub label: String,
    pub text: String,
    pub href: Option<String>,
}

fn fact(label: String, text: impl Into<String>) -> Fact {
    Fact {
        label,
        text: text.into(),
        href: None,
    }
}

fn list(label: String, items: impl IntoIterator<Item = impl Into<String>>) -> Option<Block> {
    let items: Vec<String> = items
        .into_iter()
        .map(Into::into)
        .filter(|i: &String| !i.trim().is_empty())
        .collect();
    (!items.is_empty()).then_some(Block::List {
        label: Some(label),
        items,
    })
}

fn facts(facts: Vec<Fact>) -> Option<Block> {
    (!facts.is_empty()).then_some(Block::Facts { facts })
}

fn paragraph(text: &str) -> Option<Block> {
    (!text.trim().is_empty()).then(|| Block::Paragraph {
        text: text.trim().to_string(),
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "30 September 2026".
pub fn date_words((year, month, day): (i32, u32, u32)) -> String {
    let month = MONTHS
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    format!("{day} {month} {year}")
}

/// "Applied ML: builds, trains and ships models": the description's first letter lowered
/// unless the word is an abbreviation.
fn in_words(capability: &CapabilityWords) -> String {
    let description = capability.description.trim();
    let mut words = description.split_whitespace();
    let first = words.next().unwrap_or("");
    let abbreviation = first.chars().filter(|c| c.is_uppercase()).count() > 1;
    let description = if abbreviation {
        description.to_string()
    } else {
        let mut chars = description.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    };
    format!("{}: {description}", capability.name)
}

/// How a post words what it adds to the brief: its headings and labels, dates, pay and
/// contract terms. `English` is the wording of this module; the renderer gives the theme's
/// words in the site's language (`render::i18n`).
pub trait Words {
    /// A heading or label, named by its English words ("What you will own").
    fn label(&self, english: &'static str) -> String {
        english.to_string()
    }
    /// A team the role works with, by its label ("Product", "IT").
    fn team(&self, label: &str) -> String {
        label.to_string()
    }
    fn date(&self, day: (i32, u32, u32)) -> String {
        date_words(day)
    }
    fn pay(&self, pay: &Pay) -> String {
        pay.words()
    }
    fn work_model(&self, model: WorkModel) -> String {
        model.words().to_string()
    }
    fn employment_type(&self, kind: EmploymentType) -> String {
        kind.words().to_string()
    }
    /// A label before its text: "Location:" (French puts a no-break space before the colon).
    fn colon(&self, label: &str) -> String {
        format!("{label}:")
    }
    /// The playbook's summary ("Builds the model") said to the candidate.
    fn second_person(&self, text: &str) -> String {
        second_person(text)
    }
}

/// The post in this module's English words.
pub struct English;

impl Words for English {}

impl Posting<'_> {
    /// The post as a document in English (`sections_in`).
    pub fn sections(&self) -> Vec<Section> {
        self.sections_in(&English)
    }

    /// The post as a document, in the order a candidate reads it, each section under a
    /// heading in one "you" voice, in `words`; sections with nothing to say are left out.
    /// Every rendition lays these out.
    pub fn sections_in(&self, words: &dyn Words) -> Vec<Section> {
        let w = |english: &'static str| words.label(english);
        let section = |id, heading: &'static str, blocks: Vec<Option<Block>>| Section {
            id,
            heading: w(heading),
            blocks: blocks.into_iter().flatten().collect(),
        };
        let fact = |label: &'static str, text: String| fact(w(label), text);
        let list = |label: &'static str, items: Vec<String>| list(w(label), items);
        // The post's own opening speaks to the candidate; without one, the playbook's
        // summary, turned to "you".
        let mut purpose: Vec<Option<Block>> = if self.intro.is_empty() {
            vec![paragraph(&words.second_person(self.summary))]
        } else {
            self.intro.iter().map(|p| paragraph(p)).collect()
        };
        purpose.push(facts(
            self.reports_to
                .map(|r| fact("You will report to", r.to_string()))
                .into_iter()
                .collect(),
        ));
        let pay = self.pay.map(|p| words.pay(p));
        let where_and_pay = [
            (!self.location.is_empty()).then(|| fact("Location", self.location.join("; "))),
            (!self.remote_regions.is_empty())
                .then(|| fact("Remote from", self.remote_regions.join(", "))),
            self.work_model
                .map(|m| fact("Working pattern", words.work_model(m))),
            self.employment_type
                .map(|e| fact("Contract", words.employment_type(e))),
            pay.map(|p| fact("Pay", p)),
        ];
        let apply = [
            self.apply.as_ref().map(|a| Fact {
                label: w("Apply"),
                text: a.text().to_string(),
                href: Some(a.href()),
            }),
            self.valid_through
                .map(|d| fact("Applications close", words.date(d))),
        ];
        let website = self.organization_url.map(|url| Fact {
            label: w("Website"),
            text: url.to_string(),
            href: Some(url.to_string()),
        });
        let mut about: Vec<Option<Block>> = self.about.iter().map(|p| paragraph(p)).collect();
        about.push(list("What we offer", self.benefits.to_vec()));
        about.push(facts(website.into_iter().collect()));
        let mut looking = vec![facts(
            self.level
                .map(|l| fact("Level", l.to_string()))
                .into_iter()
                .collect(),
        )];
        looking.push(list(
            "Where you will be strongest",
            self.strengths.iter().map(in_words).collect(),
        ));
        looking.push(list(
            "Where you will also contribute",
            self.contributions.iter().map(in_words).collect(),
        ));
        looking.push(list("Tools you will use", self.tools.to_vec()));
        let sections = [
            section("what-this-role-is-for", "What this role is for", purpose),
            section(
                "the-outcome",
                "The outcome you will be hired to deliver",
                vec![paragraph(self.outcome)],
            ),
            section(
                "what-you-will-own",
                "What you will own",
                vec![
                    list("Decisions you will make", self.decisions.to_vec()),
                    list("Once systems are live", self.owns_after_launch.to_vec()),
                    list(
                        "Who you will work with",
                        self.interfaces
                            .iter()
                            .map(|(team, text)| {
                                format!(
                                    "{} {}",
                                    words.colon(&words.team(team)),
                                    words.second_person(text)
                                )
                            })
                            .collect(),
                    ),
                    list("What shapes the work", self.constraints.to_vec()),
                ],
            ),
            section(
                "how-you-will-know-it-is-working",
                "How you will know it is working",
                self.success
                    .iter()
                    .map(|(label, measures)| {
                        list(
                            horizon_label(label),
                            measures.iter().map(|m| m.to_string()).collect(),
                        )
                    })
                    .collect(),
            ),
            section("what-we-look-for", "What we look for", looking),
            section(
                "where-and-pay",
                "Where you will work and what you will earn",
                vec![facts(where_and_pay.into_iter().flatten().collect())],
            ),
            section("about-us", "About us", about),
            section(
                "how-to-apply",
                "How to apply",
                vec![facts(apply.into_iter().flatten().collect())],
            ),
            section(
                "equal-opportunity",
                "Equal opportunity",
                vec![self.equal_opportunity.and_then(paragraph)],
            ),
        ];
        sections
            .into_iter()
            .filter(|s| !s.blocks.is_empty())
            .collect()
    }
}

/// "After 90 days" for the horizon labelled "90 days".
fn horizon_label(label: &str) -> &'static str {
    match label {
        "90 days" => "After 90 days",
        "6 months" => "After 6 months",
        _ => "After 12 months",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{config, content};

    #[test]
    fn every_front_matter_key_is_classified_once() {
        let schema = schemars::schema_for!(crate::content::role::WrittenFront);
        let value = serde_json::to_value(&schema).expect("schema");
        let keys: std::collections::BTreeSet<String> = value["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(|k| k.trim_end_matches('+').to_string())
            .collect();
        for key in &keys {
            assert!(audience(key).is_some(), "`{key}` is not in posting::FIELDS");
        }
        let mut seen = std::collections::BTreeSet::new();
        for field in FIELDS {
            assert!(seen.insert(field.key), "`{}` twice", field.key);
            assert!(
                keys.contains(field.key) || field.key == "body",
                "`{}` is not a key of a brief",
                field.key
            );
        }
        for internal in [
            "interview_probes",
            "red_flags",
            "status",
            "headcount",
            "internal_notes",
            "allow",
            "hire_after",
        ] {
            assert_eq!(audience(internal), Some(Internal), "{internal}");
        }
        assert_eq!(audience("constraints+"), Some(Candidate));
    }

    fn sample() -> crate::content::Content {
        let brief = "---\ntitle: Claims ML Engineer\narchetype: builder\nsummary: Builds the triage model.\noutcome: Cut handling time by 30% within 12 months.\ndecisions: [Which features the model uses]\ncapabilities:\n  primary: [applied-ml]\nsuccess:\n  90d: [Baseline evaluated]\n  12m: [Handling time down 30%]\nreports_to: Head of AI\ninterview_probes: [Walk us through an incident.]\nred_flags: [Only demos]\ninternal_notes: [Budget approved late]\nstatus: open\nheadcount: 2\nlocation: [\"Hamburg, Germany\", \"Berlin, Germany\"]\nwork_model: hybrid\nemployment_type: full_time\npay: {min: 72000, max: 88000, currency: EUR, period: year}\nvalid_through: 2026-09-30\nposting:\n  intro: |\n    You take a working prototype to production.\n\n    The claims handlers are waiting for it.\n  apply: jobs@example.com\n---\nBody notes.\n";
        content(&[("plan/ml.md", brief.to_string())])
    }

    #[test]
    fn a_post_reads_in_the_issue_order_and_skips_what_is_not_stated() {
        let config = config();
        let content = sample();
        let role = content.role("ml").expect("brief");
        let sections = posting(&config, role).sections();
        let ids: Vec<&str> = sections.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                "what-this-role-is-for",
                "the-outcome",
                "what-you-will-own",
                "how-you-will-know-it-is-working",
                "what-we-look-for",
                "where-and-pay",
                "about-us",
                "how-to-apply",
                "equal-opportunity"
            ]
        );
        // Without an organization in site.yaml there is nothing to say about us.
        let mut bare = config.clone();
        bare.organization = None;
        let ids: Vec<&str> = posting(&bare, role)
            .sections()
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids.len(), 7, "{ids:?}");
        assert!(!ids.contains(&"about-us") && !ids.contains(&"equal-opportunity"));
        let text = format!("{sections:?}");
        for public in [
            "You take a working prototype to production.\"",
            "The claims handlers are waiting for it.",
            "Head of AI",
            "Which features the model uses",
            "After 90 days",
            "Applied ML: builds, trains",
            "Hamburg, Germany; Berlin, Germany",
            "EUR 72,000–88,000 a year",
            "Full-time",
            "mailto:jobs@example.com",
            "30 September 2026",
        ] {
            assert!(text.contains(public), "{public} in {text}");
        }
        for internal in [
            "incident",
            "Only demos",
            "Budget approved",
            "open",
            "Body notes",
        ] {
            assert!(!text.contains(internal), "{internal} leaked: {text}");
        }
    }

    #[test]
    fn a_post_speaks_to_the_candidate_in_one_voice() {
        let config = config();
        let plan = sample();
        let role = plan.role("ml").expect("brief");
        let text = format!("{:?}", posting(&config, role).sections());
        // The post's own opening replaces the playbook's third-person summary.
        assert!(!text.contains("Builds the triage model"), "{text}");
        let bare = "---\ntitle: E\narchetype: builder\nsummary: Builds the triage model and owns it in production.\noutcome: Cut cost by 10% in 6 months.\ndecisions: [D]\nsuccess:\n  90d: [M]\ninterfaces:\n  product: Turns the product lead's requirements into model targets.\n---\n";
        let library = content(&[("roles/e.md", bare.to_string())]);
        let role = library.role("e").expect("brief");
        let text = format!("{:?}", posting(&config, role).sections());
        for second in [
            "You build the triage model and own it in production.",
            "Product: You turn the product lead's requirements into model targets.",
        ] {
            assert!(text.contains(second), "{second} in {text}");
        }
    }

    #[test]
    fn a_level_band_is_the_pay_when_the_brief_states_none() {
        let mut config = config();
        let site = "title: T\ncapabilities:\n  - {key: applied-ml, name: Applied ML, description: d}\narchetypes:\n  - {key: builder, name: B, description: d}\nlevels:\n  - key: senior\n    title: Senior\n    pay: {min: 70000, max: 70000, currency: EUR}\n";
        let parsed = Config::parse(site, std::path::Path::new("site.yaml")).expect("valid");
        config.levels = parsed.levels;
        let brief = "---\ntitle: E\narchetype: builder\nsummary: S.\noutcome: Cut cost by 10% in 6 months.\ndecisions: [D]\nsuccess:\n  90d: [M]\nlevel: senior\n---\n";
        let content = content(&[("roles/e.md", brief.to_string())]);
        let role = content.role("e").expect("brief");
        let post = posting(&config, role);
        assert_eq!(post.level, Some("Senior"));
        assert_eq!(
            post.pay.map(Pay::words).as_deref(),
            Some("EUR 70,000 a year")
        );
    }
}
