//! The accept loop. `axum::serve` sets no timer, so a connection that never finishes its
//! request line is held forever; here each connection must send its request head within
//! [`HEADER_TIMEOUT`] (also the longest a kept-alive connection may sit idle), and at most
//! [`MAX_CONNECTIONS`] are served at once, so half-open connections cannot use up the
//! process's file handles and starve real requests.

use std::future::Future;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// How long a connection may take to send a request head, or sit idle between requests.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections served at once; more wait in the listen queue until one closes. Far above
/// what browsers open (six per host), and far below the usual limit of 1,024 open files.
pub const MAX_CONNECTIONS: usize = 512;

/// After a failed accept (out of file handles, say), before the next try.
const ACCEPT_RETRY: Duration = Duration::from_millis(50);

/// Serve `router` on `listener` until `shutdown` completes.
pub async fn run(listener: TcpListener, router: Router, shutdown: impl Future<Output = ()>) {
    let slots = std::sync::Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot,
            () = &mut shutdown => return,
        };
        let Ok(slot) = slot else { return };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => return,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                tokio::time::sleep(ACCEPT_RETRY).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades();
            // A timed-out or broken connection needs no report: the client went away.
            let _ = connection.await;
            drop(slot);
        });
    }
}
