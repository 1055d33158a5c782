//! `gen`: parse the arguments, run the command, report an error once with its exit code.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: measured 1,000 and 10,000-page builds faster than the system allocator (README).
/// The `system-alloc` feature leaves it out, so heap profilers (heaptrack) see every
/// allocation.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// tree-sitter's C allocations (query compilation, mostly) through mimalloc too: with the C
/// library's calloc, compiling a query faulted on fresh zero pages it had read before
/// writing, and each such fault flushed the other core's TLB; a third of the shipped
/// playbook's build (README, Performance).
#[cfg(not(feature = "system-alloc"))]
unsafe extern "C" fn mi_calloc(count: usize, size: usize) -> *mut std::ffi::c_void {
    match count.checked_mul(size) {
        Some(bytes) => unsafe { libmimalloc_sys::mi_zalloc(bytes) },
        None => std::ptr::null_mut(),
    }
}

fn main() -> ExitCode {
    #[cfg(not(feature = "system-alloc"))]
    // SAFETY: before any tree-sitter object exists; mimalloc's functions are thread-safe.
    unsafe {
        tree_sitter::set_allocator(
            Some(libmimalloc_sys::mi_malloc),
            Some(mi_calloc),
            Some(libmimalloc_sys::mi_realloc),
            Some(libmimalloc_sys::mi_free),
        );
    }
    // A render that never ends stops `gen build` with the error (serve and watch install
    // their own hook: a fresh process).
    rolebook::watchdog::on_overdue(Box::new(|overdue| {
        eprintln!(
            "error: {}, so gen stopped; nothing was written\n  help: {}",
            overdue.problem, overdue.help
        );
        std::process::exit(1)
    }));
    let cli = cmd::Cli::parse();
    match cmd::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let report = error.render(rolebook::diagnostic::stderr_has_color());
            if !report.is_empty() {
                eprintln!("{report}");
            }
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
