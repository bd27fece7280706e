//! `cargo xtask`: the project's own commands, so a fresh clone needs only Rust.
//!
//! - `setup`: installs what is missing (wasm32 target, Chromium, chromedriver, brotli,
//!   PostgreSQL, the npm tools in `tests/`, wasm-bindgen's test runner) and says what.
//! - `build`: the widget bundle in `pkg/` with its language packs, and the desk's in
//!   `pkg/desk/` (see `bundle`; `REDRESS_BUNDLE=widget|desk` builds one).
//! - `demo`: build, then serve the demo shop with the reference server.
//! - `test`: setup, then every test: native crates, core on wasm32 in Chromium, end-to-end.
//! - `fuzz [--seconds N]`: the core crate's fuzz targets, each for a bounded time.
//! - `bench`: the benchmark (issue 9).

mod bench;
mod bundle;
mod demo;
mod fuzz;
mod setup;
mod shell;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(),
        Some("build") => bundle::run().map(|_| ()),
        Some("demo") => demo::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("test") => test::run(),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup | build | demo [--listen ADDR] | test | fuzz [--seconds N] | bench [--soak N] [--skip-server]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
