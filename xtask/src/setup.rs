//! `cargo xtask setup`: installs what the project needs and is missing, says what it
//! installs, and does nothing when everything is there (so it is safe to run each time).

use std::fs;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::shell::{self, Failure, cargo, exec, has_program, output, root};

/// Debian packages: the browser for the wasm and end-to-end tests, its WebDriver (the
/// wasm-bindgen test runner drives Chromium through it), brotli for the size report, and
/// PostgreSQL for the server's database tests.
const SYSTEM_PACKAGES: [&str; 4] = ["chromium", "chromium-driver", "brotli", "postgresql"];

/// Everything `build` needs, without the browsers and databases of the tests.
pub fn ensure_build_tools() -> Result<(), Failure> {
    let mut installed = Vec::new();
    wasm_target(&mut installed)?;
    wasm_toolchain(&mut installed)?;
    system_packages(&["brotli"], &mut installed)?;
    npm_tools(&mut installed)?;
    report(&installed);
    Ok(())
}

/// Everything, for `cargo xtask setup` and `cargo xtask test`.
pub fn run() -> Result<(), Failure> {
    let mut installed = Vec::new();
    wasm_target(&mut installed)?;
    wasm_toolchain(&mut installed)?;
    system_packages(&SYSTEM_PACKAGES, &mut installed)?;
    npm_tools(&mut installed)?;
    test_runner(&mut installed)?;
    report(&installed);
    Ok(())
}

fn report(installed: &[String]) {
    if installed.is_empty() {
        println!("setup: everything needed is installed");
    } else {
        println!("setup: installed {}", installed.join(", "));
    }
}

fn wasm_target(installed: &mut Vec<String>) -> Result<(), Failure> {
    let targets = output(Command::new("rustup").args(["target", "list", "--installed"]));
    if targets.is_some_and(|t| t.lines().any(|l| l.trim() == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    println!("setup: installing the Rust target wasm32-unknown-unknown");
    exec(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    installed.push("rustup target wasm32-unknown-unknown".into());
    Ok(())
}

/// The pinned nightly the bundles are compiled with, and the standard library's source it
/// rebuilds for wasm32 (see [`shell::WASM_TOOLCHAIN`]). No wasm32 target for it: build-std
/// makes its own.
fn wasm_toolchain(installed: &mut Vec<String>) -> Result<(), Failure> {
    let toolchain = shell::WASM_TOOLCHAIN;
    let components = output(Command::new("rustup").args([
        "component",
        "list",
        "--installed",
        "--toolchain",
        toolchain,
    ]));
    if components.is_some_and(|c| c.lines().any(|l| l.trim() == "rust-src")) {
        return Ok(());
    }
    println!("setup: installing the Rust toolchain {toolchain} with rust-src (for the bundles)");
    exec(Command::new("rustup").args([
        "toolchain",
        "install",
        toolchain,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
    ]))?;
    installed.push(format!("rustup toolchain {toolchain} with rust-src"));
    Ok(())
}

fn system_packages(wanted: &[&str], installed: &mut Vec<String>) -> Result<(), Failure> {
    let mut missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|p| !deb_installed(p))
        .collect();
    if !has_program("npm") {
        missing.extend(["nodejs", "npm"]);
    }
    if missing.is_empty() {
        return Ok(());
    }
    println!("setup: installing Debian packages {}", missing.join(" "));
    let as_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    exec(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(&missing);
    exec(&mut install)?;
    installed.extend(missing.iter().map(|p| format!("apt {p}")));
    Ok(())
}

fn deb_installed(package: &str) -> bool {
    output(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status.contains("install ok installed"))
}

/// `npm ci` in `tests/` (playwright-core, axe-core, binaryen, terser) when the lock file
/// changed since the last install or nothing is installed.
fn npm_tools(installed: &mut Vec<String>) -> Result<(), Failure> {
    let tests = root().join("tests");
    let lock = fs::read(tests.join("package-lock.json"))
        .map_err(|e| format!("tests/package-lock.json is missing: {e}"))?;
    let lock_hash: String = Sha256::digest(&lock)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let marker = tests.join("node_modules/.redress-installed-lock");
    let tools_present = ["wasm-opt", "terser"]
        .iter()
        .all(|t| shell::npm_bin(t).exists());
    if tools_present && fs::read_to_string(&marker).is_ok_and(|m| m.trim() == lock_hash) {
        return Ok(());
    }
    println!("setup: installing the npm packages of tests/ (npm ci)");
    exec(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests),
    )?;
    fs::write(&marker, &lock_hash)
        .map_err(|e| format!("cannot write {}: {e}", marker.display()))?;
    installed.push("npm packages of tests/ (playwright-core, axe-core, binaryen, terser)".into());
    Ok(())
}

/// `wasm-bindgen-test-runner` of the same version as the wasm-bindgen in Cargo.lock: it
/// runs the core crate's tests in headless Chromium.
fn test_runner(installed: &mut Vec<String>) -> Result<(), Failure> {
    let version = locked_version("wasm-bindgen")?;
    let current = output(Command::new("wasm-bindgen-test-runner").arg("--version"));
    if current.is_some_and(|v| v.split_whitespace().any(|w| w == version)) {
        return Ok(());
    }
    println!("setup: installing wasm-bindgen-cli {version} (its test runner; takes a few minutes)");
    // Never `--locked`: its lock file names a crate version the registry mirror lacks.
    exec(cargo().args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    installed.push(format!("cargo wasm-bindgen-cli {version}"));
    Ok(())
}

/// The version Cargo.lock pins for `crate_name`.
pub fn locked_version(crate_name: &str) -> Result<String, Failure> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{crate_name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            let version = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""));
            if let Some(v) = version.and_then(|v| v.strip_suffix('"')) {
                return Ok(v.to_owned());
            }
        }
    }
    Err(format!("Cargo.lock has no {crate_name}"))
}
