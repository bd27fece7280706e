//! Evidence preparation in the browser: a 12-megapixel phone photo with full EXIF and GPS
//! is sniffed and stripped of its metadata by the core crate compiled to wasm32
//! (`xtask/evidence-bench`, the widget's size profile and `wasm-opt -Oz`) and hashed by
//! `crypto.subtle`, as the widget does, against the browser's own `crypto.subtle` SHA-256
//! over the same bytes; the core's wasm SHA-256 (the widget's fallback) is measured too.

use std::fmt::Write;
use std::process::Command;

use serde_json::Value;

use super::report::Results;
use super::server::{ServerProcess, build_release_server, node, tempdir};
use crate::shell::{Failure, cargo, exec, root, target_dir};

const RUNS: u32 = 5;

/// Builds the bench's wasm and photo, measures in Chromium, adds the table.
pub fn run(results: &mut Results) -> Result<(), Failure> {
    crate::setup::ensure_build_tools()?;
    let project = root().join("xtask/evidence-bench");
    let target = target_dir();
    exec(
        cargo()
            .args(["build", "--release", "--bin", "phone-photo", "--target-dir"])
            .arg(&target)
            .current_dir(&project),
    )?;
    let library = super::wasm::build_library(&project, "redress_evidence_bench")?;
    let bin = build_release_server()?;
    let dir = tempdir("evidence")?;
    let www = dir.join("www");
    std::fs::create_dir_all(&www).map_err(|e| format!("cannot create {}: {e}", www.display()))?;
    super::wasm::bind_and_shrink(&library, &www, "evidence_bench")?;
    std::fs::copy(
        root().join("tests/bench/evidence.html"),
        www.join("evidence.html"),
    )
    .map_err(|e| format!("cannot copy tests/bench/evidence.html: {e}"))?;
    exec(Command::new(target.join("release/phone-photo")).arg(www.join("photo.jpg")))?;

    let server = ServerProcess::start_with(
        &bin,
        &dir,
        "127.0.0.1:0",
        None,
        &["--www-dir".as_ref(), www.as_os_str()],
    )?;
    let text = node(
        Command::new("node")
            .arg("bench/evidence.mjs")
            .arg(format!("http://{}/evidence.html", server.addr))
            .arg(RUNS.to_string())
            .current_dir(root().join("tests")),
    )
    .map_err(|why| format!("tests/bench/evidence.mjs failed: {why}"))?;
    drop(server);
    let measured: Value = text
        .lines()
        .rev()
        .find_map(|line| serde_json::from_str(line).ok())
        .ok_or_else(|| format!("evidence.mjs printed no JSON:\n{text}"))?;
    let prepared = measured["prepared"].as_str().unwrap_or("");
    if prepared.starts_with("refused") {
        return Err(format!(
            "the core crate refused the bench photo ({prepared}); files kept in {}",
            www.display()
        ));
    }
    if let Some(error) = measured["error"].as_str() {
        return Err(format!(
            "the evidence page failed (its files are kept in {}): {error}",
            www.display()
        ));
    }
    let _ = std::fs::remove_dir_all(&dir);
    results.add(section(&measured));
    Ok(())
}

fn section(measured: &Value) -> String {
    let bytes = measured["bytes"].as_f64().unwrap_or(0.0);
    let stripped = measured["strippedBytes"].as_f64().unwrap_or(0.0);
    let time = |step: &str| measured["ms"][step].as_f64().unwrap_or(f64::NAN);
    let subtle = time("subtle");
    let mut text = format!(
        "## Evidence preparation in the browser\n\nA 12-megapixel JPEG (4000 x 3000, \
         {:.1} MB, encoded at quality 90 by `xtask/evidence-bench`'s `phone-photo`) with EXIF \
         (camera, serial number, capture time, GPS position and altitude), XMP with GPS, \
         IPTC, an ICC profile and a comment. The core crate's `sniff`, `strip_metadata` and \
         `sha256_hex` compiled to wasm32 with the widget's profile and `wasm-opt -Oz`, in \
         headless Chromium, median of {RUNS} runs after one warm-up, bytes passed in from \
         JavaScript as the widget does. The widget hashes with `crypto.subtle` (off the main \
         thread) and falls back to the core's SHA-256 where WebCrypto is missing. Baseline: \
         `crypto.subtle.digest(\"SHA-256\")` over the same bytes.\n\n\
         | step | time | throughput | ratio to crypto.subtle SHA-256 |\n| --- | ---: | ---: | ---: |\n",
        bytes / 1e6
    );
    for (label, step) in [
        ("sniff (type from the bytes)", "sniff"),
        ("strip metadata (copy out without EXIF/XMP/IPTC)", "strip"),
        ("SHA-256, core crate on wasm32 (the fallback)", "sha256"),
        ("all three in wasm", "prepare"),
        (
            "**as the widget prepares a file: sniff and strip in wasm, crypto.subtle SHA-256**",
            "widget",
        ),
        ("crypto.subtle SHA-256 (baseline)", "subtle"),
    ] {
        let ms = time(step);
        let _ = writeln!(
            text,
            "| {label} | {ms:.1} ms | {:.0} MB/s | {:.2} |",
            bytes / 1e6 / (ms / 1000.0),
            ms / subtle
        );
    }
    let _ = writeln!(
        text,
        "\nChecks: type sniffed as `{}`; GPS found: {}; stripped file {:.1} MB ({:.0} KB of \
         metadata removed); the core's SHA-256 equals crypto.subtle's: {}.",
        measured["mediaType"].as_str().unwrap_or("?"),
        measured["hadGps"].as_bool().unwrap_or(false),
        stripped / 1e6,
        (bytes - stripped) / 1024.0,
        measured["sameDigest"].as_bool().unwrap_or(false)
    );
    let _ = writeln!(
        text,
        "\nThe core's SHA-256 on wasm32 takes {:.1}x the time of `crypto.subtle`, which is \
         why the widget hashes with the latter: {:.0} ms per photo instead of {:.0} ms, and \
         the hash no longer blocks the page.",
        time("sha256") / subtle,
        time("widget"),
        time("prepare")
    );
    text
}
