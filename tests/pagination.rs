//! Paged listings on a real site: seven briefs, three cards a page. The home page and each
//! term's page split into pages at stable addresses with links both ways; `page/1/` sends to
//! the listing; no page past the last; the search index, `roles.json` and the sitemap still
//! hold every brief; `gen serve` follows an edit that moves a card between pages and terms.

mod common;

use std::path::Path;
use std::process::Stdio;

use common::serve::{eventually, get, start_with_log};
use common::*;
use scraper::{Html, Selector};

/// Five builders beside the small site's Head of AI and Applied ML Engineer, all tagged
/// `claims` but one; three also `platform`.
const MORE: [(&str, &str, &str); 5] = [
    ("claims-data-engineer", "Claims Data Engineer", "[claims]"),
    (
        "llm-platform-engineer",
        "LLM Platform Engineer",
        "[claims, platform]",
    ),
    (
        "ml-platform-engineer",
        "ML Platform Engineer",
        "[claims, platform]",
    ),
    (
        "prompt-eval-engineer",
        "Prompt & Eval Engineer",
        "[claims, platform]",
    ),
    ("search-engineer", "Search Relevance Engineer", "[motor]"),
];

fn builder(title: &str, tags: &str) -> String {
    ROLE_B
        .replace("title: Applied ML Engineer", &format!("title: {title}"))
        .replace(
            "hire_after: [head-of-ai]",
            &format!("hire_after: []\ntags: {tags}"),
        )
}

/// The small site with `MORE`, its engineer tagged `claims` too, and `listing.page_size`.
fn paged_site(page_size: Option<usize>) -> tempfile::TempDir {
    let site = small_site();
    let root = site.path();
    for (slug, title, tags) in MORE {
        write(
            root,
            &format!("content/roles/{slug}.md"),
            &builder(title, tags),
        );
    }
    write(
        root,
        "content/roles/engineer.md",
        &ROLE_B.replace("hire_after: [head-of-ai]", "hire_after: []\ntags: [claims]"),
    );
    if let Some(size) = page_size {
        set_page_size(root, size);
    }
    site
}

fn build(root: &Path, args: &[&str]) {
    gen_in(root)
        .args(["build", "--quiet"])
        .args(args)
        .assert()
        .success();
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(css).expect("selector"))
        .collect()
}

fn attr(page: &Html, css: &str, name: &str) -> Vec<String> {
    select(page, css)
        .iter()
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

fn page(public: &Path, folder: &str) -> Html {
    Html::parse_document(&read(public, &format!("{folder}index.html")))
}

/// The briefs a listing page shows, by address, in order.
fn cards(page: &Html) -> Vec<String> {
    attr(page, ".role-card h3 a", "href")
}

#[test]
fn a_listing_past_the_page_size_is_paged_with_links_both_ways_and_nothing_past_the_end() {
    let site = paged_site(Some(3));
    let root = site.path();
    build(root, &[]);
    let public = root.join("public");

    // (folder, previous, next, title)
    let home = [
        ("", None, Some("/page/2/"), "AI Team Playbook"),
        (
            "page/2/",
            Some("/"),
            Some("/page/3/"),
            "Page 2 of 3 · AI Team Playbook",
        ),
        (
            "page/3/",
            Some("/page/2/"),
            None,
            "Page 3 of 3 · AI Team Playbook",
        ),
    ];
    let mut listed = Vec::new();
    for (number, (folder, previous, next, title)) in home.iter().enumerate() {
        let html = page(&public, folder);
        assert_eq!(
            select(&html, "title")[0].text().collect::<String>(),
            *title,
            "/{folder}"
        );
        assert_eq!(
            attr(&html, "link[rel=prev]", "href"),
            previous.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            "/{folder}"
        );
        assert_eq!(
            attr(&html, "link[rel=next]", "href"),
            next.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            "/{folder}"
        );
        // The visible navigation: named, the page marked, previous and next as words.
        let nav = select(&html, "nav[aria-label=Pagination]");
        assert_eq!(nav.len(), 1, "/{folder}");
        let status = select(&html, "nav[aria-label=Pagination] .pagination-status")[0]
            .text()
            .collect::<String>();
        assert_eq!(status, format!("Page {} of 3", number + 1));
        assert_eq!(
            attr(
                &html,
                "nav[aria-label=Pagination] a[aria-current=page]",
                "href"
            ),
            [format!("/{folder}")]
        );
        assert_eq!(
            attr(&html, "nav a[rel=prev]", "href"),
            previous.iter().map(|p| p.to_string()).collect::<Vec<_>>()
        );
        let words: Vec<String> = select(&html, "nav a[rel=prev], nav a[rel=next]")
            .iter()
            .map(|a| a.text().collect::<String>())
            .collect();
        assert!(
            words
                .iter()
                .all(|w| w.contains("Previous page") || w.contains("Next page")),
            "{words:?}"
        );
        let shown = cards(&html);
        assert!(
            !shown.is_empty() && shown.len() <= 3,
            "/{folder}: {shown:?}"
        );
        listed.extend(shown);
    }
    // Every brief once, in the order of the listing: the manager, then the builders by title.
    assert_eq!(
        listed,
        [
            "/roles/head-of-ai/",
            "/roles/engineer/",
            "/roles/claims-data-engineer/",
            "/roles/llm-platform-engineer/",
            "/roles/ml-platform-engineer/",
            "/roles/prompt-eval-engineer/",
            "/roles/search-engineer/",
        ]
    );
    // The first page keeps the intro; the others say where they are.
    assert!(read(&public, "index.html").contains("class=\"health-summary\""));
    assert!(!read(&public, "page/2/index.html").contains("class=\"health-summary\""));
    assert!(read(&public, "page/2/index.html").contains("Page 2 of 3 of the briefs"));
    // A group split over two pages counts all its briefs, and says it goes on.
    let second = page(&public, "page/2/");
    assert_eq!(
        select(&second, "#archetype-builder h2")[0]
            .text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["Builder", "6", "continued"]
    );
    // Nothing past the last page; `page/1/` sends to the listing.
    assert!(!public.join("page/4").exists());
    let redirect = read(&public, "page/1/index.html");
    assert!(
        redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/\">"),
        "{redirect}"
    );
    assert!(redirect.contains("<link rel=\"canonical\" href=\"/\">"));

    // Each term is paged on its own: `claims` (5 briefs) in two pages, `platform` (3) and
    // `motor` (1) in one, with no pages folder.
    let claims: Vec<String> = ["tags/claims/", "tags/claims/page/2/"]
        .iter()
        .flat_map(|folder| cards(&page(&public, folder)))
        .collect();
    assert_eq!(claims.len(), 5, "{claims:?}");
    assert!(!public.join("tags/claims/page/3").exists());
    assert_eq!(
        select(&page(&public, "tags/claims/page/2/"), "title")[0]
            .text()
            .collect::<String>(),
        "claims, page 2 of 2 · Tags · AI Team Playbook"
    );
    for single in ["tags/platform/", "tags/motor/"] {
        assert!(!public.join(single).join("page").exists(), "{single}");
        assert!(
            !read(&public, &format!("{single}index.html")).contains("aria-label=\"Pagination\"")
        );
    }
    // The builders' archetype: six, in two pages.
    assert_eq!(cards(&page(&public, "archetypes/builder/page/2/")).len(), 3);

    // Search and roles.json still hold every brief, those of the later pages too.
    let index = read(&public, "search-index.js");
    for href in &listed {
        assert!(
            index.contains(&format!("\"u\":\"{}\"", href.trim_start_matches('/'))),
            "{href} in the search index"
        );
    }
    let roles: serde_json::Value =
        serde_json::from_str(&read(&public, "roles.json")).expect("roles.json");
    assert_eq!(roles["roles"].as_array().map(Vec::len), Some(7));
}

#[test]
fn the_sitemap_lists_every_page_of_a_listing_but_the_redirect() {
    let site = paged_site(Some(3));
    let root = site.path();
    build(root, &["--base-url", "https://wiki.example.com/playbook/"]);
    let sitemap = read(&root.join("public"), "sitemap.xml");
    for page in [
        "https://wiki.example.com/playbook/page/2/",
        "https://wiki.example.com/playbook/page/3/",
        "https://wiki.example.com/playbook/tags/claims/page/2/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{page}</loc>")), "{page}");
    }
    assert!(!sitemap.contains("/page/1/"), "{sitemap}");
    // Under the base path, the pages' links carry it.
    let second = page(&root.join("public"), "page/2/");
    assert_eq!(attr(&second, "link[rel=prev]", "href"), ["/playbook/"]);
    assert_eq!(
        attr(&second, "link[rel=next]", "href"),
        ["/playbook/page/3/"]
    );
}

#[test]
fn relative_links_lead_between_the_pages_from_disk_and_gen_check_finds_no_broken_one() {
    let site = paged_site(Some(3));
    let root = site.path();
    build(root, &["--relative-links"]);
    let public = root.join("public");
    let second = page(&public, "page/2/");
    assert_eq!(
        attr(&second, "link[rel=prev]", "href"),
        ["../../index.html"]
    );
    assert_eq!(
        attr(&second, "link[rel=next]", "href"),
        ["../../page/3/index.html"]
    );
    let redirect = read(&public, "page/1/index.html");
    assert!(redirect.contains("url=../../index.html"), "{redirect}");
    let claims = page(&public, "tags/claims/page/2/");
    assert_eq!(
        attr(&claims, "link[rel=prev]", "href"),
        ["../../../../tags/claims/index.html"]
    );
    // gen's own check lays the site out and follows every link and anchor of every page.
    gen_in(root).args(["check"]).assert().success();
}

#[test]
fn under_the_page_size_nothing_is_paged() {
    let site = paged_site(None);
    let root = site.path();
    build(root, &[]);
    let public = root.join("public");
    assert!(!public.join("page").exists());
    assert!(!public.join("tags/claims/page").exists());
    let home = read(&public, "index.html");
    assert!(!home.contains("Pagination") && !home.contains("rel=\"next\""));
    assert_eq!(cards(&page(&public, "")).len(), 7);
}

/// `gen serve` follows front-matter edits on a paged site: a summary edit shows on the page
/// holding the card, and a brief that changes tag leaves one term's pages (the last one,
/// now past the end, gone) and joins another's.
#[test]
fn serve_follows_edits_across_pages_and_terms() {
    let site = paged_site(Some(3));
    let root = site.path();
    let log = root.join("serve.log");
    let server = start_with_log(
        root,
        &[],
        Stdio::from(std::fs::File::create(&log).expect("log")),
    );
    let second = get(server.port, "/page/2/");
    assert_eq!(second.status, 200);
    assert!(second.body.contains("/roles/llm-platform-engineer/"));
    let first = get(server.port, "/").body;

    // A summary edit of a card on page 2.
    let path = "content/roles/llm-platform-engineer.md";
    let text = read(root, path);
    write(
        root,
        path,
        &text.replacen(
            "summary: Builds and ships models.",
            "summary: Runs the shared LLM gateway, its quotas and its eval gates.",
            1,
        ),
    );
    eventually(&server, "/page/2/", |r| {
        r.body.contains("Runs the shared LLM gateway")
    });
    assert_eq!(
        get(server.port, "/").body,
        first,
        "page 1 does not show the card"
    );

    // Two briefs leave `claims` for `motor`: five cards become four, two pages stay two.
    // Then one more: three cards, one page, and the second page is gone.
    for (slug, pages) in [("prompt-eval-engineer", 2), ("ml-platform-engineer", 1)] {
        let path = format!("content/roles/{slug}.md");
        let text = read(root, &path);
        write(
            root,
            &path,
            &text.replacen("tags: [claims, platform]", "tags: [motor, platform]", 1),
        );
        let href = format!("/roles/{slug}/");
        eventually(&server, "/tags/motor/", |r| r.body.contains(&href));
        let claims = get(server.port, "/tags/claims/").body;
        assert!(!claims.contains(&href));
        let past_the_end = get(server.port, "/tags/claims/page/2/");
        if pages == 2 {
            assert_eq!(past_the_end.status, 200);
            assert!(!past_the_end.body.contains(&href));
        } else {
            assert_eq!(past_the_end.status, 404, "no stale page past the last");
            assert!(!claims.contains("aria-label=\"Pagination\""));
        }
    }
    let log = std::fs::read_to_string(&log).expect("log");
    assert!(
        log.matches("Rebuilt after").count() >= 3 && !log.contains("(full)"),
        "{log}"
    );
}
