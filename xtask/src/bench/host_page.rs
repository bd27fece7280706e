//! Host-page cost: the demo shop page with the widget against the same page without it,
//! in headless Chromium (`tests/bench/host-page.mjs`), cold and warm cache.
//!
//! The page without the widget is generated from `www/index.html` by removing the embed
//! tag and adding a native `<dialog>` behind a button: the browser's own floor for "click,
//! then a form to type in", against which the widget's click-to-first-step is compared.

use std::fmt::Write;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::report::Results;
use super::server::{ServerProcess, build_release_server, node, tempdir};
use crate::shell::{Failure, root};

const RUNS: u32 = 3;

/// Measures both pages and adds the host-page table.
pub fn run(results: &mut Results) -> Result<(), Failure> {
    let pkg = root().join("pkg");
    if !pkg.join("redress.js").exists() {
        return Err("no widget bundle in pkg/ (run the weight part or `cargo xtask build`)".into());
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Err(format!("{chromium} is missing (`cargo xtask setup`)"));
    }
    let bin = build_release_server()?;
    let dir = tempdir("host-page")?;
    let www = dir.join("www");
    copy_pages(&root().join("www"), &www)?;
    let server = ServerProcess::start_with(
        &bin,
        &dir,
        "127.0.0.1:0",
        None,
        &[
            "--www-dir".as_ref(),
            www.as_os_str(),
            "--pkg-dir".as_ref(),
            pkg.as_os_str(),
        ],
    )?;
    // One retry: a browser start can fail on a machine busy compiling.
    let run_script = || {
        node(
            Command::new("node")
                .arg("bench/host-page.mjs")
                .arg(format!("http://{}", server.addr))
                .arg(RUNS.to_string())
                .current_dir(root().join("tests")),
        )
    };
    let text = run_script()
        .or_else(|_| run_script())
        .map_err(|why| format!("tests/bench/host-page.mjs failed: {why}"))?;
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    let measured: Value = text
        .lines()
        .rev()
        .find_map(|line| serde_json::from_str(line).ok())
        .ok_or_else(|| format!("host-page.mjs printed no JSON:\n{text}"))?;
    results.add(section(&measured));
    Ok(())
}

/// Copies the host pages and writes `plain.html`: `index.html` without the embed tag,
/// with a native dialog as the baseline launcher.
fn copy_pages(from: &Path, to: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))
                .map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
        }
    }
    let index = std::fs::read_to_string(from.join("index.html"))
        .map_err(|e| format!("cannot read www/index.html: {e}"))?;
    let plain = without_widget(&index)
        .ok_or("www/index.html has no `<script src=\"/pkg/redress.js\">` embed to remove")?;
    std::fs::write(to.join("plain.html"), plain)
        .map_err(|e| format!("cannot write plain.html: {e}"))
}

/// The page without the embed tag (and its comment), with a native dialog launcher.
fn without_widget(index: &str) -> Option<String> {
    if !index.contains("/pkg/redress.js") {
        return None;
    }
    let kept: Vec<&str> = index
        .lines()
        .filter(|line| !line.contains("/pkg/redress.js") && !line.contains("The Redress embed"))
        .collect();
    let launcher = r#"  <button type="button" id="plain-launcher" style="position:fixed;right:16px;bottom:16px">Problem with an order?</button>
  <dialog id="plain-dialog"><label>Order number <input id="plain-order-number"></label></dialog>
  <script>document.getElementById('plain-launcher').addEventListener('click', function () { document.getElementById('plain-dialog').showModal(); });</script>
</body>"#;
    Some(kept.join("\n").replacen("</body>", launcher, 1))
}

/// A table row: label, measurement key, how to show a value.
type Row = (&'static str, &'static str, fn(f64) -> String);

fn section(measured: &Value) -> String {
    let page = |name: &str, cache: &str, key: &str| measured["pages"][name][cache][key].as_f64();
    let mut text = format!(
        "## Host-page cost\n\nHeadless Chromium (Debian, playwright-core), the demo shop page \
         `www/index.html` with the widget against the same page without the embed tag, \
         {RUNS} runs each, medians (\"max\" rows: the worst run). Cold: a fresh browser \
         profile; warm: the second visit in the same profile, after the widget was opened \
         once. \"Before first interaction\": after `load`, an idle network and 1 s, before \
         the pointer reaches the launcher. The click-to-first-step baseline is a native \
         `<dialog>` with one input opened by a button on the page without the widget. The \
         server sends files uncompressed (no `Content-Encoding`), so bytes are raw.\n\n\
         | measure | without widget, cold | with widget, cold | ratio | without, warm | with widget, warm | ratio |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    );
    let rows: [Row; 8] = [
        ("bytes fetched before first interaction", "bytesBefore", kb),
        ("requests before first interaction", "requestsBefore", count),
        (
            "wasm files fetched before first interaction (max)",
            "wasmBeforeMax",
            count,
        ),
        (
            "long tasks > 50 ms, load to first step (max)",
            "longTasksMax",
            count,
        ),
        ("longest task (max)", "longestTaskMax", ms),
        ("layout shift, CLS (max)", "clsMax", cls),
        ("click to interactive first step", "clickToReady", ms),
        (
            "bytes fetched once the first step is shown",
            "bytesOpen",
            kb,
        ),
    ];
    for (label, key, show) in rows {
        let _ = write!(text, "| {label} ");
        for cache in ["cold", "warm"] {
            let plain = page("plain", cache, key);
            let widget = page("widget", cache, key);
            let fmt = |v: Option<f64>| v.map_or("?".to_owned(), show);
            let _ = write!(
                text,
                "| {} | {} | {} ",
                fmt(plain),
                fmt(widget),
                ratio(plain, widget)
            );
        }
        text.push_str("|\n");
    }
    let worst = |name: &str, key: &str| {
        ["cold", "warm"]
            .iter()
            .filter_map(|cache| page(name, cache, key))
            .fold(0.0f64, f64::max)
    };
    let goal = |met: bool| if met { "met" } else { "**not met**" };
    let _ = writeln!(
        text,
        "\nGoals: no wasm before interaction: {}; zero layout shift: {}; no long task: {} \
         (with the widget at most {} long tasks, longest {}; the page without it {}, longest \
         {}: long tasks here also come from the browser under load).",
        goal(worst("widget", "wasmBeforeMax") == 0.0),
        goal(worst("widget", "clsMax") == 0.0),
        goal(worst("widget", "longTasksMax") == 0.0),
        worst("widget", "longTasksMax"),
        ms(worst("widget", "longestTaskMax")),
        worst("plain", "longTasksMax"),
        ms(worst("plain", "longestTaskMax")),
    );
    if let Some(files) = measured["pages"]["widget"]["cold"]["filesBefore"].as_array() {
        let named: Vec<String> = files
            .iter()
            .map(|f| {
                format!(
                    "`{}` {}",
                    f["path"].as_str().unwrap_or("?"),
                    kb(f["bytes"].as_f64().unwrap_or(0.0))
                )
            })
            .collect();
        let _ = writeln!(
            text,
            "\nFetched before first interaction with the widget (cold, first run): {}.",
            named.join(", ")
        );
    }
    text
}

fn ratio(baseline: Option<f64>, measured: Option<f64>) -> String {
    match (baseline, measured) {
        (Some(b), Some(m)) if b > 0.0 => format!("{:.2}", m / b),
        (Some(_), Some(0.0)) => "=".to_owned(),
        _ => "–".to_owned(),
    }
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1024.0)
}

fn count(n: f64) -> String {
    format!("{n:.0}")
}

fn ms(value: f64) -> String {
    format!("{value:.0} ms")
}

fn cls(value: f64) -> String {
    format!("{value:.3}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_without_the_widget_loses_only_the_embed() {
        let index = "<head>\n  <!-- The Redress embed: one tag. -->\n  <script src=\"/pkg/redress.js\" async></script>\n</head>\n<body><p>Shop</p></body>";
        let plain = without_widget(index).expect("an embed to remove");
        assert!(!plain.contains("redress.js") && !plain.contains("Redress embed"));
        assert!(plain.contains("<p>Shop</p>") && plain.contains("plain-dialog"));
        assert!(without_widget("<body></body>").is_none());
    }
}
