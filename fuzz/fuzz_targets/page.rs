//! One page's bytes through decoding, front-matter splitting and parsing, the brief and
//! guide checks, Markdown rendering (every `raw_html` mode) and the error report.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rolebook::fuzzing::page(data);
});
