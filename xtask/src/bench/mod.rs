//! `cargo xtask bench`: what Redress costs, measured (issue 9).
//!
//! Timings on shared machines are noisy, so every timing is taken side by side with a
//! baseline in the same run and reported as a ratio. The bench fails only on a broken
//! budget (weight) or a broken integrity check (soak); it never runs in `cargo xtask test`.
//! Each part rewrites `bench/RESULTS.md` as soon as it has a table, so a later failure
//! still leaves the earlier figures.

mod evidence_pool;
mod evidence_prep;
mod host_page;
mod http;
mod postgres;
mod report;
mod server;
mod soak;
mod uploads;
mod wasm;
mod weight;

use crate::shell::Failure;
use report::Results;

/// The parts, in the order they run.
const PARTS: [&str; 6] = [
    "weight",
    "host",
    "evidence",
    "throughput",
    "uploads",
    "soak",
];

/// Runs the parts in order: weight, host-page cost, evidence preparation, server
/// throughput, evidence uploads, soak.
///
/// `--soak N` files N complaints in the soak (default 1,000); `--skip-server` leaves out
/// throughput and uploads; `--only a,b` runs only the named parts (see [`PARTS`]; the
/// host-page part uses the bundle already in `pkg/` when `weight` is left out).
pub fn run(args: &[String]) -> Result<(), Failure> {
    let usage = "usage: cargo xtask bench [--soak N] [--skip-server] [--only weight,host,evidence,throughput,uploads,soak]";
    let mut soak_count = 1_000usize;
    let mut parts: Vec<&str> = PARTS.to_vec();
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
            "--skip-server" => parts.retain(|p| !matches!(*p, "throughput" | "uploads")),
            "--only" => {
                let named = rest.next().ok_or(usage)?;
                let wanted: Vec<&str> = named.split(',').map(str::trim).collect();
                if let Some(unknown) = wanted.iter().find(|w| !PARTS.contains(w)) {
                    return Err(format!("unknown bench part `{unknown}`; {usage}"));
                }
                parts.retain(|p| wanted.contains(p));
            }
            other => return Err(format!("unknown bench option `{other}`; {usage}")),
        }
    }
    let started = std::time::Instant::now();
    let mut results = Results::new();
    let mut budget = Ok(());
    let mut integrity = Ok(());
    for part in parts {
        println!("\n== bench: {part} ==");
        // Only a budget or an integrity check fails the bench: a measurement that cannot
        // run (no browser, no PostgreSQL) is reported as not measured, with the reason.
        let measured = match part {
            "weight" => weight::run(&mut results).map(|verdict| budget = verdict),
            "host" => host_page::run(&mut results),
            "evidence" => evidence_prep::run(&mut results),
            "throughput" => server::run(&mut results),
            "uploads" => uploads::run(&mut results),
            _ => soak::run(&mut results, soak_count).map(|verdict| integrity = verdict),
        };
        if let Err(why) = measured {
            if matches!(part, "weight" | "soak") {
                return Err(why);
            }
            results.add(format!("## Not measured: {part}\n\n{why}\n"));
        }
        results.write()?;
    }
    results.finish(started.elapsed());
    results.write()?;
    budget?;
    integrity
}
