//! `cargo xtask test`: every test of the project, stopping at the first failing stage.

use std::process::Command;

use crate::shell::{Failure, cargo, exec, root};
use crate::{bundle, demo, setup};

/// Packages checked natively: formatting, lints and tests.
const NATIVE_PACKAGES: [&str; 14] = [
    "-p",
    "redress-core",
    "-p",
    "redress-catalogue",
    "-p",
    "redress-photo-fixture",
    "-p",
    "redress-server",
    "-p",
    "redress-widget",
    "-p",
    "redress-desk",
    "-p",
    "xtask",
];

/// Setup, formatting and lints, native tests, the core crate on wasm32 in Chromium, then
/// the end-to-end suite against the real server and the freshly built bundle.
pub fn run() -> Result<(), Failure> {
    setup::run()?;
    println!("\n== formatting and lints (rustfmt, clippy -D warnings)");
    exec(cargo().args(["fmt", "--all", "--check"]))?;
    exec(cargo().arg("clippy").args(NATIVE_PACKAGES).args([
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    println!(
        "\n== native tests: redress-core, redress-catalogue, redress-server, redress-widget, redress-desk, xtask"
    );
    exec(cargo().arg("test").args(NATIVE_PACKAGES))?;

    println!("\n== redress-core on wasm32 in headless Chromium (wasm-bindgen-test)");
    core_on_wasm()?;

    println!("\n== end-to-end: the demo shop in Chromium against the real server");
    bundle::run()?;
    let server = demo::build_server()?;
    exec(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "e2e/"])
            .current_dir(root().join("tests"))
            .env("REDRESS_SERVER_BIN", server)
            .env("REDRESS_ROOT", root()),
    )?;
    println!("\nall tests passed");
    Ok(())
}

fn core_on_wasm() -> Result<(), Failure> {
    exec(
        cargo()
            .args([
                "test",
                "-p",
                "redress-core",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "wasm",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )
}
