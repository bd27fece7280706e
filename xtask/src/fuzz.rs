//! `cargo xtask fuzz [--seconds N]`: the core crate's fuzz targets, each for a bounded time.
//!
//! The targets live in `crates/core/fuzz` (policy JSON, complaint drafts, evidence bytes).
//! They run on the stable toolchain with `RUSTC_BOOTSTRAP=1` and no sanitizer: the core is
//! safe Rust, so what we hunt is a panic or a broken round trip, not memory errors. Each
//! run starts from the committed seeds in `crates/core/fuzz/seeds/<target>` and keeps what
//! it found in `crates/core/fuzz/corpus/<target>` (not committed).

use crate::shell::{Failure, cargo, exec, has_program, root};

/// The fuzz targets of the core crate, in the order they run.
const TARGETS: [&str; 3] = ["policy_json", "complaint_draft", "evidence_bytes"];

/// How long each target runs when `--seconds` is not given.
const DEFAULT_SECONDS: u32 = 60;

pub fn run(args: &[String]) -> Result<(), Failure> {
    let seconds = match args {
        [] => DEFAULT_SECONDS,
        [flag, value] if flag == "--seconds" => value
            .parse()
            .map_err(|_| format!("--seconds takes a whole number, not {value:?}"))?,
        _ => return Err("usage: cargo xtask fuzz [--seconds N]".into()),
    };
    if !has_program("cargo-fuzz") {
        println!("fuzz: installing cargo-fuzz (once; takes a minute or two)");
        exec(cargo().args(["install", "cargo-fuzz"]))?;
    }
    let fuzz_dir = root().join("crates/core/fuzz");
    for target in TARGETS {
        let corpus = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        println!("\n== fuzz {target} for {seconds} s");
        exec(
            cargo()
                .args(["fuzz", "run", target, "--sanitizer", "none"])
                .arg(&corpus)
                .arg(fuzz_dir.join("seeds").join(target))
                .args(["--", &format!("-max_total_time={seconds}")])
                .env("RUSTC_BOOTSTRAP", "1")
                .current_dir(root().join("crates/core")),
        )?;
    }
    println!("\nfuzz: every target ran {seconds} s without a failure");
    Ok(())
}
