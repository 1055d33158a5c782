//! Live preview in three parts: `watch` turns file events into a change set, `plan` turns a
//! change set into the pages to render again, and `server` serves the site and tells
//! browsers to reload. This module runs the loop that joins them, for `gen serve` and
//! `gen watch`.

pub mod guard;
mod listen;
mod output_folder;
mod restart;
pub mod server;
pub mod watch;

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use crate::engine::build::Rebuild;
use crate::engine::plan::ChangeSet;
use crate::engine::session::{Outcome, Session};
use crate::output::{self, SiteFiles};
use crate::{Error, LoadOptions};
use output_folder::OutputFolder;
use server::{LiveMessage, LiveState};

/// What browsers should do after a good rebuild.
pub fn message_for(rebuild: &Rebuild, base_path: &str, follow: Option<String>) -> LiveMessage {
    if rebuild.changed.is_empty() && rebuild.removed.is_empty() {
        return LiveMessage::Ok;
    }
    if rebuild.removed.is_empty() && rebuild.changed.keys().all(|p| p.ends_with(".css")) {
        return LiveMessage::Css {
            paths: rebuild
                .changed
                .keys()
                .map(|p| format!("{base_path}{p}"))
                .collect(),
        };
    }
    LiveMessage::Reload { follow }
}

/// One line per rebuild on the terminal, and with `--timings` one more with its stages.
fn log_rebuild(changes: &ChangeSet, rebuild: &Rebuild, timings: bool) {
    let pages = rebuild.pages_rendered;
    eprintln!(
        "Rebuilt after {}: {pages} page{} rendered, {} file{} changed, in {} ms{}",
        changes.describe(),
        if pages == 1 { "" } else { "s" },
        rebuild.changed.len() + rebuild.removed.len(),
        if rebuild.changed.len() + rebuild.removed.len() == 1 {
            ""
        } else {
            "s"
        },
        rebuild.elapsed.as_millis(),
        if rebuild.full { " (full)" } else { "" }
    );
    if timings {
        let stages: Vec<String> = rebuild
            .stages
            .iter()
            .map(|(stage, time)| format!("{stage} {:.1} ms", time.as_secs_f64() * 1000.0))
            .collect();
        eprintln!("  {}", stages.join(" · "));
    }
}

fn log_failure(changes: &ChangeSet, error: &Error) {
    eprintln!("{}", error.render(crate::diagnostic::stderr_has_color()));
    eprintln!(
        "Build failed after {}; still serving the last good site. Fix and save to retry.",
        changes.describe()
    );
}

/// Receive change sets, coalescing any that queued up during the last rebuild. A batch of
/// several files looks like a burst (a `git checkout`): wait until it has been quiet for a
/// debounce period, so it becomes one rebuild. A single saved file goes through at once.
fn next_changes(receiver: &mpsc::Receiver<ChangeSet>) -> Option<ChangeSet> {
    Some(coalesce(receiver, receiver.recv().ok()?))
}

/// `next_changes`, or `Ok(None)` when nothing arrives within `wait`; `Err` when the
/// watcher is gone.
fn next_changes_within(
    receiver: &mpsc::Receiver<ChangeSet>,
    wait: std::time::Duration,
) -> Result<Option<ChangeSet>, ()> {
    match receiver.recv_timeout(wait) {
        Ok(first) => Ok(Some(coalesce(receiver, first))),
        Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(()),
    }
}

fn coalesce(receiver: &mpsc::Receiver<ChangeSet>, mut changes: ChangeSet) -> ChangeSet {
    while let Ok(more) = receiver.try_recv() {
        changes.merge(more);
    }
    let started = Instant::now();
    while changes.full || changes.paths().nth(1).is_some() {
        match receiver.recv_timeout(watch::DEBOUNCE) {
            Ok(more) => changes.merge(more),
            Err(_) => break,
        }
        if started.elapsed() > std::time::Duration::from_secs(3) {
            break;
        }
    }
    changes
}

/// Options of `gen serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    /// `base_url` here replaces the preview's own address in permalinks.
    pub load: LoadOptions,
    pub open: bool,
    pub follow: bool,
    pub poll: bool,
    /// Print each rebuild's stage times.
    pub timings: bool,
}

/// Bind `port`, or the next free one of the ten after it (saying so); port 0 takes any.
fn bind(address: IpAddr, port: u16) -> Result<TcpListener, Error> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(10)
    };
    let mut first_error = None;
    for candidate in port..=last {
        match TcpListener::bind(SocketAddr::new(address, candidate)) {
            Ok(listener) => {
                if candidate != port {
                    eprintln!(
                        "Port {port} is in use; using {candidate} instead (choose one with --port)."
                    );
                }
                return Ok(listener);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AddrInUse => {
                first_error.get_or_insert(error);
            }
            Err(error) => {
                return Err(Error::usage(
                    format!("cannot listen on {address}:{candidate}: {error}"),
                    None,
                ));
            }
        }
    }
    Err(Error::usage(
        format!("ports {port} to {last} on {address} are all in use"),
        Some("pass a free one with --port, or --port 0 for any free port".to_string()),
    ))
}

/// `gen serve`: build, serve, watch, rebuild; runs until Ctrl-C.
pub fn serve(options: ServeOptions) -> Result<(), Error> {
    check_base_url(options.load.base_url.as_deref())?;
    let listener = bind(options.bind, restart::port().unwrap_or(options.port))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::usage(e.to_string(), None))?;
    warn_if_reachable_from_the_network(address);
    restart::when_a_render_overruns(Some(address.port()));
    let config = crate::engine::site::read_config(&options.root).ok();
    // Served under the path of the base URL, so links and the live-reload socket work as
    // they will when published.
    let base_path = match (&options.load.base_url, &config) {
        (Some(url), _) => crate::config::base_path_of(url),
        (None, Some(config)) => config.base_path(),
        (None, None) => "/".to_string(),
    };
    let theme = config
        .as_ref()
        .map_or_else(|| "default".to_string(), |c| c.theme.clone());
    let host = match address.ip() {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let site_url = format!("http://{host}:{}{base_path}", address.port());
    let load = LoadOptions {
        base_url: Some(
            options
                .load
                .base_url
                .clone()
                .unwrap_or_else(|| site_url.clone()),
        ),
        ..options.load.clone()
    };
    let configured = options
        .load
        .base_url
        .as_deref()
        .or(config.as_ref().map(|c| c.base_url.as_str()))
        .and_then(guard::host_of);
    let hosts = guard::HostPolicy::for_bind(address.ip(), configured);
    let state = LiveState::new(base_path.clone(), options.follow, hosts);
    let (sender, receiver) = mpsc::channel();
    let mut watcher =
        watch::Watcher::start(&options.root, &theme, options.poll, sender).map_err(|e| {
            Error::usage(
                format!("cannot watch {}: {e}", options.root.display()),
                Some("try --poll".to_string()),
            )
        })?;

    let restarted = restart::reason();
    let mut session = match &restarted {
        // The site would only get stuck again: wait for an edit.
        Some(reason) => {
            eprintln!("Waiting for a change to build again.");
            state.publish_errors(reason);
            Session::waiting(&options.root, load)
        }
        None => {
            let (session, first) = Session::start(&options.root, load);
            match first {
                Outcome::Built(rebuild) => {
                    eprintln!(
                        "Built {} pages in {} ms",
                        rebuild.pages_rendered,
                        rebuild.elapsed.as_millis()
                    );
                    state.publish(&rebuild.changed, &rebuild.removed, LiveMessage::Ok);
                }
                Outcome::Failed(error) => {
                    eprintln!("{}", error.render(crate::diagnostic::stderr_has_color()));
                    eprintln!("The first build failed; serving an error page until it is fixed.");
                    state.publish_errors(&error.render(false));
                }
            }
            session
        }
    };
    // Before "Serving": an edit of the staffing file made as soon as the site answers must
    // already be followed (the thread below may start late on a loaded machine).
    follow_data_files(&mut watcher, &options.root);
    // Not println!: a reader that went away (`gen serve | head -1`) must not end the server.
    let mut stdout = std::io::stdout();
    let _ = writeln!(
        stdout,
        "Serving {} at {site_url} (Ctrl-C to stop)",
        options.root.display()
    );
    let _ = stdout.flush();
    if options.open && restarted.is_none() {
        open_browser(&site_url);
    }

    let loop_state = state.clone();
    let root = options.root.clone();
    std::thread::spawn(move || {
        while let Some(changes) = next_changes(&receiver) {
            let _ = watcher.watch_source_folders(&changes);
            let follow = single_page(&changes).and_then(|p| session.page_url(p));
            let outcome = session.apply(changes.clone());
            match outcome {
                Outcome::Built(rebuild) => {
                    log_rebuild(&changes, &rebuild, options.timings);
                    let follow =
                        follow.or_else(|| single_page(&changes).and_then(|p| session.page_url(p)));
                    let message = message_for(&rebuild, &loop_state.base_path, follow);
                    loop_state.publish(&rebuild.changed, &rebuild.removed, message);
                }
                Outcome::Failed(error) => {
                    log_failure(&changes, &error);
                    loop_state.publish_errors(&error.render(false));
                }
            }
            // Once the browsers have heard: reading site.yaml again for the files to follow
            // is not on the way from a save to the reload.
            follow_theme(&watcher, &session);
            follow_data_files(&mut watcher, &root);
        }
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::usage(format!("cannot start the server: {e}"), None))?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| Error::usage(e.to_string(), None))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Error::usage(e.to_string(), None))?;
        listen::run(listener, server::router(state), async {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("Stopped.");
        })
        .await;
        Ok(())
    })
}

/// The CLI checks `--base-url` already; this keeps library callers from routing on one
/// that no browser can request.
fn check_base_url(base_url: Option<&str>) -> Result<(), Error> {
    match base_url.and_then(crate::config::address::problem) {
        Some(problem) => Err(Error::usage(
            format!("the base URL cannot be served: {problem}"),
            Some(crate::config::address::HELP.to_string()),
        )),
        None => Ok(()),
    }
}

/// Past loopback, anyone who can reach the port reads the playbook, drafts included, and
/// the error overlays that quote the site's files.
fn warn_if_reachable_from_the_network(address: SocketAddr) {
    if !address.ip().is_loopback() {
        eprintln!(
            "Warning: listening on {address}, so anyone on the network who can reach this machine can read the playbook and the error overlays that quote its files. Leave out --bind to keep the preview to this machine."
        );
    }
}

/// The content file, when a change set is exactly one content file.
fn single_page(changes: &ChangeSet) -> Option<&Path> {
    let mut paths = changes.paths();
    let first = paths.next()?;
    let is_page = changes.content.contains(first) && first.extension().is_some_and(|e| e == "md");
    (paths.next().is_none() && !changes.full && is_page).then_some(first.as_path())
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(command).arg(url).spawn() {
        eprintln!("Could not open a browser ({command}: {error}); open {url} yourself.");
    }
}

/// `gen watch`: rebuild into `output` on every change, without serving; runs until Ctrl-C,
/// finishing the write in progress first.
pub fn watch(
    root: &Path,
    load: LoadOptions,
    output: &Path,
    poll: bool,
    timings: bool,
) -> Result<(), Error> {
    output::check_output(root, output)?;
    let theme =
        crate::engine::site::read_config(root).map_or_else(|_| "default".to_string(), |c| c.theme);
    let (sender, receiver) = mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (stop, sender) = (stop.clone(), sender.clone());
        std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async {
                let _ = tokio::signal::ctrl_c().await;
            });
            stop.store(true, Ordering::SeqCst);
            let _ = sender.send(ChangeSet::default());
        });
    }
    let mut watcher = watch::Watcher::start(root, &theme, poll, sender).map_err(|e| {
        Error::usage(
            format!("cannot watch {}: {e}", root.display()),
            Some("try --poll".to_string()),
        )
    })?;
    restart::when_a_render_overruns(None);
    let mut written = false;
    let mut session = if restart::reason().is_some() {
        // The site would only get stuck again: wait for an edit.
        eprintln!("Waiting for a change to build again (Ctrl-C to stop).");
        Session::waiting(root, load)
    } else {
        let (session, first) = Session::start(root, load);
        match first {
            Outcome::Built(rebuild) => {
                write_all(root, output, session.build().map(|b| &b.files))?;
                written = true;
                eprintln!(
                    "Built {} pages into {} in {} ms; watching for changes (Ctrl-C to stop)",
                    rebuild.pages_rendered,
                    output.display(),
                    rebuild.elapsed.as_millis()
                );
            }
            Outcome::Failed(error) => {
                eprintln!("{}", error.render(crate::diagnostic::stderr_has_color()));
                eprintln!(
                    "The first build failed; nothing was written. Watching for a fix (Ctrl-C to stop)."
                );
            }
        }
        session
    };
    let mut folder = OutputFolder::new(root, output, written);
    follow_data_files(&mut watcher, root);
    loop {
        let changes = if folder.is_behind() {
            match next_changes_within(&receiver, output_folder::RETRY) {
                Ok(Some(changes)) => changes,
                Ok(None) => {
                    let retried = session.build().and_then(|b| folder.retry(&b.files));
                    if let Some(written) = retried {
                        report_write(written, output, None, timings);
                    }
                    continue;
                }
                Err(()) => break,
            }
        } else {
            match next_changes(&receiver) {
                Some(changes) => changes,
                None => break,
            }
        };
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let _ = watcher.watch_source_folders(&changes);
        let outcome = session.apply(changes.clone());
        follow_theme(&watcher, &session);
        follow_data_files(&mut watcher, root);
        match outcome {
            Outcome::Built(rebuild) => {
                if let Some(build) = session.build() {
                    let written = folder.follow(&rebuild, &build.files);
                    report_write(written, output, Some((&changes, &rebuild)), timings);
                }
            }
            Outcome::Failed(error) => log_failure(&changes, &error),
        }
        if stop.load(Ordering::SeqCst) {
            break;
        }
    }
    if folder.is_behind() {
        eprintln!(
            "Stopped; {} holds an older complete site: the last changes could not be written (run `gen build` once the disk has room).",
            output.display()
        );
    } else {
        eprintln!("Stopped; {} is complete.", output.display());
    }
    Ok(())
}

/// Watch the files `site.yaml` names (the staffing file), read from site.yaml itself so
/// that a build failed by that very file still follows its fix.
fn follow_data_files(watcher: &mut watch::Watcher, root: &Path) {
    let named = crate::engine::site::read_config(root)
        .ok()
        .and_then(|c| c.staffing)
        .map(|s| PathBuf::from(s.file.value));
    watcher.set_data_files(&named.into_iter().collect::<Vec<_>>());
}

/// After a build, count the files of the theme `site.yaml` now names (it may have changed).
fn follow_theme(watcher: &watch::Watcher, session: &Session) {
    if let Some(build) = session.build() {
        watcher.set_theme(&build.config.theme);
    }
}

/// Say what a write into `gen watch`'s output folder did: the rebuild's line, the folder
/// repaired, or why the write failed and what happens next.
fn report_write(
    written: output_folder::Written,
    output: &Path,
    rebuild: Option<(&ChangeSet, &Rebuild)>,
    timings: bool,
) {
    use output_folder::Written;
    match written {
        Written::Current => {
            if let Some((changes, rebuild)) = rebuild {
                log_rebuild(changes, rebuild, timings);
            }
        }
        Written::Repaired { files } => {
            if let Some((changes, rebuild)) = rebuild {
                log_rebuild(changes, rebuild, timings);
            }
            eprintln!(
                "Wrote the {files} file{} left out before; {} is complete again.",
                if files == 1 { "" } else { "s" },
                output.display()
            );
        }
        // A retry that fails as the last write did has nothing new to say.
        Written::Failed { repeated: true, .. } if rebuild.is_none() => {}
        Written::Failed { error, pending, .. } => {
            eprintln!("{}", error.render(crate::diagnostic::stderr_has_color()));
            eprintln!(
                "{} keeps the site it had: none of the {pending} file{} to update went in. gen writes them with the next change, and tries again every {} s.",
                output.display(),
                if pending == 1 { "" } else { "s" },
                output_folder::RETRY.as_secs()
            );
        }
    }
}

fn write_all(root: &Path, output: &Path, files: Option<&SiteFiles>) -> Result<(), Error> {
    match files {
        Some(files) => Ok(output::write_site(root, output, files)?),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(paths: &[&str]) -> Rebuild {
        Rebuild {
            changed: paths
                .iter()
                .map(|p| (p.to_string(), bytes::Bytes::from_static(b"x")))
                .collect(),
            ..Rebuild::default()
        }
    }

    #[test]
    fn browsers_get_the_lightest_message_that_works() {
        assert_eq!(message_for(&rebuild(&[]), "/", None), LiveMessage::Ok);
        assert_eq!(
            message_for(&rebuild(&["style.css"]), "/pb/", None),
            LiveMessage::Css {
                paths: vec!["/pb/style.css".into()]
            }
        );
        assert_eq!(
            message_for(
                &rebuild(&["style.css", "index.html"]),
                "/",
                Some("/roles/a/".into())
            ),
            LiveMessage::Reload {
                follow: Some("/roles/a/".into())
            }
        );
    }

    #[test]
    fn only_a_single_content_page_is_followed() {
        let mut changes = ChangeSet::default();
        changes.content.insert(PathBuf::from("content/roles/a.md"));
        assert_eq!(single_page(&changes), Some(Path::new("content/roles/a.md")));
        changes.content.insert(PathBuf::from("content/roles/b.md"));
        assert_eq!(single_page(&changes), None);
        let mut template = ChangeSet::default();
        template
            .templates
            .insert(PathBuf::from("templates/role.html"));
        assert_eq!(single_page(&template), None);
    }
}
