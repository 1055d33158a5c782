//! How the process takes memory from the kernel, by the size of the site it builds.
//!
//! mimalloc asks for transparent huge pages (2 MiB) where the kernel allows them on request
//! (`madvise`, Debian's default). A huge page is resident whole however little of it is
//! used, so a big site's peak memory carries the unused rest of every one. Measured at
//! 10,000 briefs (README, Performance): 3–16 MB less at the median peak without them, in
//! alternating runs, and no slower; on the shipped playbook huge pages are 13 ms faster
//! (fewer faults while a small heap grows), so small sites keep them.

/// From this many content files on, the rest of the process takes 4 KiB pages.
pub const SMALL_PAGES_FROM: usize = 2_000;

/// Whether a site of `files` content files is built in 4 KiB pages.
pub fn wants_small_pages(files: usize) -> bool {
    files >= SMALL_PAGES_FROM
}

/// Stop transparent huge pages for the rest of the process when a site of `files` content
/// files wants small pages; called as soon as the files are counted, before they are read.
/// Only a preference: where the kernel has no such switch the build goes on as it was.
pub fn fit_pages_to(files: usize) {
    if !wants_small_pages(files) {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_big_sites_give_up_huge_pages() {
        // The shipped playbook and a 1,000-brief corpus keep them; 10,000 briefs do not.
        assert!(!wants_small_pages(60));
        assert!(!wants_small_pages(1_000));
        assert!(!wants_small_pages(SMALL_PAGES_FROM - 1));
        assert!(wants_small_pages(SMALL_PAGES_FROM));
        assert!(wants_small_pages(100_000));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_big_site_turns_huge_pages_off_for_the_process() {
        // In a process of its own: the switch is for the whole process, and other tests
        // in this one must not build under it.
        if std::env::var_os("ROLEBOOK_THP_CHILD").is_some() {
            let before = rustix::thread::transparent_huge_pages_are_disabled().ok();
            fit_pages_to(SMALL_PAGES_FROM - 1);
            assert_eq!(
                rustix::thread::transparent_huge_pages_are_disabled().ok(),
                before
            );
            fit_pages_to(SMALL_PAGES_FROM);
            assert_eq!(
                rustix::thread::transparent_huge_pages_are_disabled().ok(),
                Some(true)
            );
            return;
        }
        let me = std::env::current_exe().expect("the test binary");
        let status = std::process::Command::new(me)
            .args([
                "--exact",
                "memory::tests::a_big_site_turns_huge_pages_off_for_the_process",
            ])
            .env("ROLEBOOK_THP_CHILD", "1")
            .status()
            .expect("run the test in a process of its own");
        assert!(status.success());
    }
}
