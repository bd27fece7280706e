//! `cargo xtask bench`: what Redress costs, measured (issue 9).
//!
//! Timings on shared machines are noisy, so every timing is taken side by side with a
//! baseline in the same run and reported as a ratio. The bench fails only on a broken
//! budget (weight) or a broken integrity check (soak); it never runs in `cargo xtask test`.
//! Each part rewrites `bench/RESULTS.md` as soon as it has a table, so a later failure
//! still leaves the earlier figures.

mod http;
mod postgres;
mod report;
mod server;
mod soak;
mod weight;

use crate::shell::Failure;
use report::Results;

/// Runs the parts in order: weight, server throughput, soak.
///
/// `--soak N` files N complaints in the soak (default 1,000); `--skip-server` leaves out
/// the throughput part (useful when only the budget matters).
pub fn run(args: &[String]) -> Result<(), Failure> {
    let mut soak_count = 1_000usize;
    let mut with_server = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--soak" => {
                soak_count = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("usage: --soak N (a positive count)")?;
            }
            "--skip-server" => with_server = false,
            other => {
                return Err(format!(
                    "unknown bench option `{other}`; usage: cargo xtask bench [--soak N] [--skip-server]"
                ));
            }
        }
    }
    let mut results = Results::new();
    let budget = weight::run(&mut results)?;
    results.write()?;
    if with_server {
        server::run(&mut results)?;
        results.write()?;
    }
    let integrity = soak::run(&mut results, soak_count)?;
    results.write()?;
    budget?;
    integrity
}
