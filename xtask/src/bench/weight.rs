//! Weight: what the shopper widget costs a shop's visitors in bytes, against the budget.

use std::fmt::Write;
use std::process::Command;

use serde_json::Value;

use super::report::Results;
use crate::bundle;
use crate::shell::{Failure, cargo, exec, has_program, output, root, target_dir};

/// The shopper widget, all parts together, in brotli bytes (issue 9).
const TOTAL_BUDGET: u64 = 150 * 1024;
/// The loader every host page fetches up front, in brotli bytes.
const LOADER_BUDGET: u64 = 3 * 1024;

/// Builds the bundle, writes the weight table; the inner result is the budget verdict,
/// so the other parts still run when it is broken.
pub fn run(results: &mut Results) -> Result<Result<(), Failure>, Failure> {
    bundle::run()?;
    let path = root().join("pkg/manifest.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let manifest: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let size = |role: &str, kind: &str| manifest["files"][role][kind].as_u64().unwrap_or(0);
    let total = |kind: &str| manifest["total"][kind].as_u64().unwrap_or(0);

    let mut section = String::from(
        "## Weight (shopper widget)\n\n| part | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |\n",
    );
    for role in ["loader", "wasm", "glue", "css"] {
        let _ = writeln!(
            section,
            "| {role} | {} | {} | {} |",
            kb(size(role, "bytes")),
            kb(size(role, "gzip")),
            kb(size(role, "brotli"))
        );
    }
    let _ = writeln!(
        section,
        "| **total** | {} | {} | **{}** |",
        kb(total("bytes")),
        kb(total("gzip")),
        kb(total("brotli"))
    );
    let loader = size("loader", "brotli");
    let all = total("brotli");
    let _ = writeln!(
        section,
        "\nBudget: total {} of {} brotli ({:.0} %), loader {} of {} brotli ({:.0} %). \
         The desk has no separate bundle yet.",
        kb(all),
        kb(TOTAL_BUDGET),
        percent(all, TOTAL_BUDGET),
        kb(loader),
        kb(LOADER_BUDGET),
        percent(loader, LOADER_BUDGET)
    );
    section.push_str(&contributors());
    results.add(section);

    let mut broken = Vec::new();
    if all > TOTAL_BUDGET {
        broken.push(format!(
            "the shopper widget is {} brotli, over the {} budget",
            kb(all),
            kb(TOTAL_BUDGET)
        ));
    }
    if loader > LOADER_BUDGET {
        broken.push(format!(
            "the loader is {} brotli, over the {} budget",
            kb(loader),
            kb(LOADER_BUDGET)
        ));
    }
    Ok(if broken.is_empty() {
        Ok(())
    } else {
        Err(broken.join("; "))
    })
}

/// The largest functions of the wasm before `wasm-opt` (it still has its name section),
/// so growth has a name. Uses `twiggy` when installed (`cargo install twiggy`).
fn contributors() -> String {
    let wasm = target_dir().join("widget-bundle/redress_widget_bg.wasm");
    if !has_program("twiggy") && twiggy_path().is_none() {
        // Installed here, not by `setup`: only the bench needs it (~3 min, once).
        let _ = exec(cargo().args(["install", "twiggy"]));
    }
    let Some(twiggy) = twiggy_path() else {
        return "\nLargest contributors: `twiggy` is not installed (`cargo install twiggy`).\n"
            .to_owned();
    };
    match output(Command::new(twiggy).args(["top", "-n", "15"]).arg(&wasm)) {
        Some(top) => format!(
            "\nLargest contributors (`twiggy top -n 15`, wasm before `wasm-opt`, {}):\n\n```\n{}```\n",
            kb(std::fs::metadata(&wasm).map_or(0, |m| m.len())),
            top
        ),
        None => "\nLargest contributors: `twiggy top` failed on the unoptimised wasm.\n".to_owned(),
    }
}

/// `twiggy` on PATH or in cargo's bin directory (PATH may not include it).
fn twiggy_path() -> Option<String> {
    if has_program("twiggy") {
        return Some("twiggy".to_owned());
    }
    std::env::var_os("HOME")
        .map(|home| std::path::PathBuf::from(home).join(".cargo/bin/twiggy"))
        .filter(|p| p.exists())
        .map(|p| p.to_string_lossy().into_owned())
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn percent(part: u64, whole: u64) -> f64 {
    part as f64 * 100.0 / whole as f64
}
