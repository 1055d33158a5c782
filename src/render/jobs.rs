//! The job data of the open briefs (`status: open`), made from their posts
//! (`playbook::posting`) and nothing else: schema.org `JobPosting` (JSON-LD, in `jobs.json`
//! and, when site.yaml asks, in each posting page), and files for an ATS or HR system to
//! load: `jobs.csv` (a job-profile bulk load), `jobs.lever.json` (Lever's posting shape)
//! and `jobs.greenhouse.json` (Greenhouse's job-board job shape). Files only: nothing here
//! calls a network, and nothing reads a clock (the build's day is passed in).
//!
//! A post holds no internal field. The one thing of the brief besides its post that these
//! files carry is its slug, as the job's identifier (a requisition id): an ATS needs a stable
//! key to update a job rather than add it twice, and the posting page's address holds it
//! anyway.

use serde_json::{Map, Value, json};

use crate::config::posting::{Pay, PayPeriod};
use crate::content::role::{Role, WorkModel};
pub use crate::playbook::job_facts::{Place, country_code, is_open, place};
use crate::playbook::posting::{Block, Posting, Section};

/// The data files, below the site root.
pub const JOBS_JSON: &str = "jobs.json";
pub const JOBS_CSV: &str = "jobs.csv";
pub const JOBS_LEVER: &str = "jobs.lever.json";
pub const JOBS_GREENHOUSE: &str = "jobs.greenhouse.json";

/// An open brief's post, with what the data files need beside it.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    /// The brief's slug: the job's identifier.
    pub id: &'a str,
    /// The address of the posting page (`<slug>.posting.html`).
    pub url: String,
    pub posting: Posting<'a>,
    /// The brief's `date_posted`, else the day of the build (`None` only where no build
    /// day is known, as in unit tests).
    pub date_posted: Option<(i32, u32, u32)>,
}

impl<'a> Job<'a> {
    pub fn new(
        id: &'a str,
        url: String,
        posting: Posting<'a>,
        build_date: Option<(i32, u32, u32)>,
    ) -> Self {
        let date_posted = posting.date_posted.or(build_date);
        Job {
            id,
            url,
            posting,
            date_posted,
        }
    }
}

/// `2027-02-28`.
fn iso_date((year, month, day): (i32, u32, u32)) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// An amount as a JSON number: whole amounts as integers (`68000`, not `68000.0`).
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).unwrap_or_default();
    out
}

/// The HTML of a post's body (its sections; the title and organization stand beside it in
/// every format), for JSON-LD's `description` and the ATS files.
pub fn sections_html(sections: &[Section]) -> String {
    let mut html = String::new();
    for section in sections {
        html.push_str(&format!("<h2>{}</h2>\n", escape(&section.heading)));
        html.push_str(&blocks_html(&section.blocks));
    }
    html
}

fn blocks_html(blocks: &[Block]) -> String {
    let mut html = String::new();
    for block in blocks {
        match block {
            Block::Paragraph { text } => html.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::List { label, items } => {
                if let Some(label) = label {
                    html.push_str(&format!("<h3>{}</h3>\n", escape(label)));
                }
                html.push_str(&format!("<ul>{}</ul>\n", list_items(items)));
            }
            Block::Facts { facts } => {
                html.push_str("<ul>");
                for fact in facts {
                    let text = match &fact.href {
                        Some(href) => {
                            format!("<a href=\"{}\">{}</a>", escape(href), escape(&fact.text))
                        }
                        None => escape(&fact.text),
                    };
                    html.push_str(&format!(
                        "<li><strong>{}:</strong> {text}</li>",
                        escape(&fact.label)
                    ));
                }
                html.push_str("</ul>\n");
            }
        }
    }
    html
}

fn list_items(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("<li>{}</li>", escape(item)))
        .collect()
}

/// A post's body as plain text: each heading on its line, paragraphs, and lists and facts
/// as `- ` lines, parted by blank lines.
pub fn sections_text(sections: &[Section]) -> String {
    let mut parts = Vec::new();
    for section in sections {
        parts.push(section.heading.to_string());
        parts.extend(blocks_text(&section.blocks));
    }
    parts.join("\n\n")
}

fn blocks_text(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { text } => text.clone(),
            Block::List { label, items } => {
                let items = items.iter().map(|i| format!("- {i}"));
                label
                    .as_ref()
                    .map(|l| format!("{l}:"))
                    .into_iter()
                    .chain(items)
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Block::Facts { facts } => facts
                .iter()
                .map(|f| format!("{}: {}", f.label, f.text))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect()
}

/// Whether a post is done from anywhere: its working pattern is remote, or it names
/// remote regions and no place.
fn is_remote(posting: &Posting) -> bool {
    posting.work_model == Some(WorkModel::Remote)
        || (posting.work_model.is_none()
            && posting.location.is_empty()
            && !posting.remote_regions.is_empty())
}

/// schema.org `JobPosting` of a job, as Google's job-posting guidelines read it: the
/// required `title`, `description`, `datePosted`, `hiringOrganization` and `jobLocation` (or,
/// for a remote job, `applicantLocationRequirements` and `jobLocationType` TELECOMMUTE),
/// and the recommended `validThrough`, `baseSalary`, `employmentType` and `identifier`.
/// What the post does not state is left out (`posting-incomplete` says what is missing).
pub fn job_posting(job: &Job) -> Value {
    let posting = &job.posting;
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("JobPosting"));
    ld.insert("title".into(), json!(posting.title));
    ld.insert(
        "description".into(),
        json!(sections_html(&posting.sections())),
    );
    ld.insert(
        "identifier".into(),
        json!({
            "@type": "PropertyValue",
            "name": posting.organization.unwrap_or("Requisition"),
            "value": job.id,
        }),
    );
    if let Some(date) = job.date_posted {
        ld.insert("datePosted".into(), json!(iso_date(date)));
    }
    if let Some(date) = posting.valid_through {
        ld.insert("validThrough".into(), json!(iso_date(date)));
    }
    if let Some(kind) = posting.employment_type {
        ld.insert("employmentType".into(), json!(kind.schema_org()));
    }
    if let Some(name) = posting.organization {
        let mut organization = Map::new();
        organization.insert("@type".into(), json!("Organization"));
        organization.insert("name".into(), json!(name));
        if let Some(url) = posting.organization_url {
            organization.insert("sameAs".into(), json!(url));
            organization.insert("url".into(), json!(url));
        }
        ld.insert("hiringOrganization".into(), Value::Object(organization));
    }
    let places: Vec<Value> = posting
        .location
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|text| {
            let place = place(text);
            let mut address = Map::new();
            address.insert("@type".into(), json!("PostalAddress"));
            address.insert("addressLocality".into(), json!(place.locality));
            if let Some(region) = place.region {
                address.insert("addressRegion".into(), json!(region));
            }
            if let Some(country) = place.country {
                // Search engines ask for the ISO code; a name they cannot read stays text.
                let code = country_code(country);
                address.insert(
                    "addressCountry".into(),
                    code.map_or_else(|| json!(country), |c| json!(c)),
                );
            }
            json!({"@type": "Place", "address": Value::Object(address)})
        })
        .collect();
    match places.len() {
        0 => {}
        1 => {
            ld.insert("jobLocation".into(), places[0].clone());
        }
        _ => {
            ld.insert("jobLocation".into(), Value::Array(places));
        }
    }
    if is_remote(posting) {
        ld.insert("jobLocationType".into(), json!("TELECOMMUTE"));
    }
    if !posting.remote_regions.is_empty() {
        // A region that is the country of one of the post's places is a Country; any
        // other (EU, DACH, a state) the wider AdministrativeArea, which every region is.
        let countries: Vec<&str> = posting
            .location
            .iter()
            .filter_map(|l| place(l).country)
            .collect();
        let regions: Vec<Value> = posting
            .remote_regions
            .iter()
            .filter(|r| !r.trim().is_empty())
            .map(|region| {
                let kind = if countries.iter().any(|c| c.eq_ignore_ascii_case(region))
                    || country_code(region).is_some()
                {
                    "Country"
                } else {
                    "AdministrativeArea"
                };
                json!({"@type": kind, "name": region.trim()})
            })
            .collect();
        ld.insert(
            "applicantLocationRequirements".into(),
            Value::Array(regions),
        );
    }
    if let Some(pay) = posting.pay {
        ld.insert(
            "baseSalary".into(),
            json!({
                "@type": "MonetaryAmount",
                "currency": pay.currency.value,
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": number(pay.min.value),
                    "maxValue": number(pay.max.value),
                    "unitText": pay.period.schema_org(),
                },
            }),
        );
    }
    // Candidates apply where the post says, not on the page that carries this data.
    ld.insert("directApply".into(), json!(false));
    ld.insert("url".into(), json!(job.url));
    Value::Object(ld)
}

/// `jobs.json`: a JSON array of every open brief's `JobPosting`.
pub fn jobs_json(jobs: &[Job]) -> String {
    let all: Vec<Value> = jobs.iter().map(job_posting).collect();
    let mut text = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// JSON-LD for a `<script type="application/ld+json">` element: `<`, `>` and `&` written
/// as `\u003c`, `\u003e` and `\u0026` (the same JSON), so no text of a post (a `</script>`,
/// a `<!--`) can end the element or change how an HTML parser reads it.
pub fn script_json(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into());
    // Outside strings JSON has none of these characters: every one is inside a string,
    // where the escape means the same character.
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The columns of `jobs.csv`, in order.
pub const CSV_COLUMNS: [&str; 19] = [
    "requisition_id",
    "title",
    "level",
    "department",
    "team",
    "location",
    "remote_regions",
    "work_model",
    "employment_type",
    "pay_min",
    "pay_max",
    "currency",
    "pay_period",
    "date_posted",
    "valid_through",
    "apply",
    "url",
    "organization",
    "description",
];

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return first) prefixed with `'`, as OWASP's advice on CSV injection says.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn work_model_key(model: WorkModel) -> &'static str {
    match model {
        WorkModel::Onsite => "onsite",
        WorkModel::Hybrid => "hybrid",
        WorkModel::Remote => "remote",
    }
}

fn period_key(period: PayPeriod) -> &'static str {
    match period {
        PayPeriod::Year => "year",
        PayPeriod::Month => "month",
        PayPeriod::Week => "week",
        PayPeriod::Day => "day",
        PayPeriod::Hour => "hour",
    }
}

fn amount_cell(value: f64) -> String {
    number(value).to_string()
}

/// `jobs.csv`: a header row (`CSV_COLUMNS`) and one row per open brief, quoted as RFC 4180
/// says (by the `csv` crate), each cell guarded against formula injection. `department`
/// and `team` are empty: a brief does not say them, and a bulk load may fill them in.
pub fn jobs_csv(jobs: &[Job]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![CSV_COLUMNS.iter().map(|c| c.to_string()).collect()];
    for job in jobs {
        let p = &job.posting;
        let pay = |f: fn(&Pay) -> String| p.pay.map(f).unwrap_or_default();
        rows.push(vec![
            job.id.to_string(),
            p.title.to_string(),
            p.level.unwrap_or("").to_string(),
            String::new(),
            String::new(),
            p.location.join("; "),
            p.remote_regions.join("; "),
            p.work_model.map(work_model_key).unwrap_or("").to_string(),
            p.employment_type
                .map(|e| e.schema_org())
                .unwrap_or("")
                .to_string(),
            pay(|pay| amount_cell(pay.min.value)),
            pay(|pay| amount_cell(pay.max.value)),
            pay(|pay| pay.currency.value.clone()),
            pay(|pay| period_key(pay.period).to_string()),
            job.date_posted.map(iso_date).unwrap_or_default(),
            p.valid_through.map(iso_date).unwrap_or_default(),
            p.apply
                .as_ref()
                .map(|a| a.text().to_string())
                .unwrap_or_default(),
            job.url.clone(),
            p.organization.unwrap_or("").to_string(),
            sections_text(&p.sections()),
        ]);
    }
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| safe_cell(c)).collect();
        // Writing to memory cannot fail.
        let _ = writer.write_record(&cells);
    }
    writer.into_inner().unwrap_or_default()
}

/// Lever's `salaryRange.interval` for a pay period.
fn lever_interval(period: PayPeriod) -> &'static str {
    match period {
        PayPeriod::Year => "per-year-salary",
        PayPeriod::Month => "per-month-salary",
        PayPeriod::Week => "per-week-salary",
        PayPeriod::Day => "per-day-wage",
        PayPeriod::Hour => "per-hour-wage",
    }
}

/// The sections of a post that open it (what Lever calls the description), that list
/// (its `lists`) and that close it (about us, how to apply, equal opportunity).
const CLOSING: [&str; 3] = ["about-us", "how-to-apply", "equal-opportunity"];

/// `jobs.lever.json`: each open brief as a Lever posting (its postings API's shape): `text`,
/// `state`, `categories`, `workplaceType`, `content` (`description`, `lists`, `closing`,
/// each as text and HTML), `salaryRange`, `salaryDescription`, `reqCode` and `urls`.
pub fn lever(jobs: &[Job]) -> String {
    let postings: Vec<Value> = jobs
        .iter()
        .map(|job| {
            let p = &job.posting;
            let sections = p.sections();
            let (closing, body): (Vec<Section>, Vec<Section>) =
                sections.into_iter().partition(|s| CLOSING.contains(&s.id));
            // The opening: every paragraph and fact of the body; its lists go to `lists`,
            // each under its label (or its section's heading).
            let mut opening = Vec::new();
            let mut lists = Vec::new();
            for section in &body {
                let mut kept = Vec::new();
                for block in &section.blocks {
                    match block {
                        Block::List { label, items } => lists.push(json!({
                            "text": label.as_ref().unwrap_or(&section.heading),
                            "content": list_items(items),
                        })),
                        other => kept.push(other.clone()),
                    }
                }
                if !kept.is_empty() {
                    opening.push(Section {
                        id: section.id,
                        heading: section.heading.clone(),
                        blocks: kept,
                    });
                }
            }
            let locations: Vec<&str> = p.location.iter().map(String::as_str).collect();
            let mut posting = Map::new();
            posting.insert("text".into(), json!(p.title));
            posting.insert("state".into(), json!("published"));
            posting.insert("reqCode".into(), json!(job.id));
            posting.insert(
                "categories".into(),
                json!({
                    "commitment": p.employment_type.map(|e| e.words()),
                    "department": Value::Null,
                    "level": p.level,
                    "location": locations.first(),
                    "team": Value::Null,
                    "allLocations": locations,
                }),
            );
            // Lever takes the ISO code of the country.
            posting.insert(
                "country".into(),
                json!(
                    p.location
                        .first()
                        .and_then(|l| place(l).country)
                        .and_then(country_code)
                ),
            );
            posting.insert(
                "workplaceType".into(),
                json!(match p.work_model {
                    Some(WorkModel::Onsite) => "on-site",
                    Some(WorkModel::Hybrid) => "hybrid",
                    Some(WorkModel::Remote) => "remote",
                    None => "unspecified",
                }),
            );
            posting.insert(
                "content".into(),
                json!({
                    "description": sections_text(&opening),
                    "descriptionHtml": sections_html(&opening),
                    "lists": lists,
                    "closing": sections_text(&closing),
                    "closingHtml": sections_html(&closing),
                }),
            );
            if let Some(pay) = p.pay {
                posting.insert(
                    "salaryRange".into(),
                    json!({
                        "min": number(pay.min.value),
                        "max": number(pay.max.value),
                        "currency": pay.currency.value,
                        "interval": lever_interval(pay.period),
                    }),
                );
                posting.insert("salaryDescription".into(), json!(pay.words()));
            }
            posting.insert(
                "urls".into(),
                json!({
                    "show": job.url,
                    "apply": p.apply.as_ref().map(|a| a.href()),
                }),
            );
            Value::Object(posting)
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&postings).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// How Greenhouse titles a pay range of a period.
fn greenhouse_range_title(period: PayPeriod) -> &'static str {
    match period {
        PayPeriod::Year => "Annual pay",
        PayPeriod::Month => "Monthly pay",
        PayPeriod::Week => "Weekly pay",
        PayPeriod::Day => "Daily pay",
        PayPeriod::Hour => "Hourly pay",
    }
}

/// `jobs.greenhouse.json`: `{"jobs": [...]}`, each open brief as a job of Greenhouse's job
/// board API (`?content=true&pay_transparency=true`): `title`, `company_name`,
/// `location.name`, `content` (the post's HTML, not entity-escaped once more as the board
/// API serves it), `pay_input_ranges` in cents, `requisition_id`, `first_published` (when
/// the brief says `date_posted`) and `absolute_url`.
pub fn greenhouse(jobs: &[Job]) -> String {
    let all: Vec<Value> = jobs
        .iter()
        .map(|job| {
            let p = &job.posting;
            let mut posting = Map::new();
            posting.insert("title".into(), json!(p.title));
            posting.insert("company_name".into(), json!(p.organization));
            let location = if p.location.is_empty() && !p.remote_regions.is_empty() {
                format!("Remote ({})", p.remote_regions.join(", "))
            } else {
                p.location.join("; ")
            };
            posting.insert("location".into(), json!({"name": location}));
            posting.insert("content".into(), json!(sections_html(&p.sections())));
            let ranges: Vec<Value> = p
                .pay
                .iter()
                .map(|pay| {
                    let cents = |v: f64| json!((v * 100.0).round() as i64);
                    json!({
                        "min_cents": cents(pay.min.value),
                        "max_cents": cents(pay.max.value),
                        "currency_type": pay.currency.value,
                        "title": greenhouse_range_title(pay.period),
                        "blurb": pay.words(),
                    })
                })
                .collect();
            posting.insert("pay_input_ranges".into(), Value::Array(ranges));
            posting.insert("requisition_id".into(), json!(job.id));
            if let Some(date) = p.date_posted {
                posting.insert(
                    "first_published".into(),
                    json!(format!("{}T00:00:00Z", iso_date(date))),
                );
            }
            posting.insert("absolute_url".into(), json!(job.url));
            Value::Object(posting)
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({ "jobs": all }))
        .unwrap_or_else(|_| "{\"jobs\": []}".into());
    text.push('\n');
    text
}

impl<'a> crate::render::views::Views<'a> {
    /// The open brief `role` as a job, or `None` when it is not open.
    pub fn job(&self, role: &'a Role) -> Option<Job<'a>> {
        is_open(self.config, role).then(|| {
            Job::new(
                &role.slug,
                self.permalink(&crate::render::pages::role_file_path(
                    &role.slug,
                    "posting.html",
                )),
                crate::playbook::posting::posting(self.config, role),
                self.config.build_date,
            )
        })
    }

    /// The JSON-LD a posting page carries: for an open brief, when site.yaml's
    /// `postings.json_ld` asks for it.
    pub fn posting_json_ld(&self, role: &'a Role) -> Option<String> {
        if !self.config.postings.json_ld {
            return None;
        }
        self.job(role).map(|job| script_json(&job_posting(&job)))
    }

    /// `jobs.json`, `jobs.csv`, `jobs.lever.json` and `jobs.greenhouse.json`, in brief order.
    pub fn jobs_files(&self) -> Vec<(String, Vec<u8>)> {
        let jobs: Vec<Job> = self
            .content
            .roles
            .iter()
            .filter_map(|role| self.job(role))
            .collect();
        vec![
            (JOBS_JSON.to_string(), jobs_json(&jobs).into_bytes()),
            (JOBS_CSV.to_string(), jobs_csv(&jobs)),
            (JOBS_LEVER.to_string(), lever(&jobs).into_bytes()),
            (JOBS_GREENHOUSE.to_string(), greenhouse(&jobs).into_bytes()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused_and_others_kept() {
        for (cell, safe) in [
            (
                "=HYPERLINK(\"http://evil\")",
                "'=HYPERLINK(\"http://evil\")",
            ),
            ("+49 40 1234", "'+49 40 1234"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\tcmd", "'\tcmd"),
            ("Claims Eval Engineer", "Claims Eval Engineer"),
            ("68000", "68000"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(safe_cell(cell), safe, "{cell}");
        }
    }

    #[test]
    fn json_ld_in_a_script_cannot_close_it() {
        let value = json!({"description": "</script><script>alert(1)</script> & <!--"});
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn a_remote_job_names_where_candidates_may_work_from() {
        use crate::content::testing::{config, content};
        let brief = "---\ntitle: Remote Eval Engineer\narchetype: builder\nsummary: Builds evals.\noutcome: Cut review time by 30% within 12 months.\ndecisions: [D]\nsuccess:\n  90d: [M]\nstatus: open\nwork_model: remote\nlocation: [\"Hamburg, Germany\"]\nremote: {regions: [Germany, EU]}\nemployment_type: contract\npay: {min: 600, max: 750, currency: EUR, period: day}\n---\n";
        let content = content(&[("plan/remote.md", brief.to_string())]);
        let config = config();
        let role = content.role("remote").expect("brief");
        let job = Job::new(
            "remote",
            "/roles/remote/remote.posting.html".into(),
            crate::playbook::posting::posting(&config, role),
            Some((2026, 12, 1)),
        );
        let ld = job_posting(&job);
        assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
        assert_eq!(
            ld["applicantLocationRequirements"],
            json!([
                {"@type": "Country", "name": "Germany"},
                {"@type": "AdministrativeArea", "name": "EU"}
            ])
        );
        assert_eq!(ld["employmentType"], "CONTRACTOR");
        assert_eq!(ld["baseSalary"]["value"]["unitText"], "DAY");
        assert_eq!(ld["datePosted"], "2026-12-01");
        let lever: Value = serde_json::from_str(&lever(std::slice::from_ref(&job))).expect("json");
        assert_eq!(lever[0]["workplaceType"], "remote");
        assert_eq!(lever[0]["salaryRange"]["interval"], "per-day-wage");
        let csv = String::from_utf8(jobs_csv(&[job])).expect("utf-8");
        assert!(
            csv.contains(",\"Hamburg, Germany\",Germany; EU,remote,CONTRACTOR,600,750,EUR,day,"),
            "{csv}"
        );
    }

    #[test]
    fn amounts_are_integers_when_whole() {
        assert_eq!(number(68000.0).to_string(), "68000");
        assert_eq!(number(32.5).to_string(), "32.5");
    }
}
