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
    // The shopper fetches one pack, in their language: the total counts the largest.
    let packs = manifest["files"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(role, _)| bundle::is_shopper_pack(role));
    if let Some((role, _)) = packs.max_by_key(|(_, file)| file["brotli"].as_u64().unwrap_or(0)) {
        let _ = writeln!(
            section,
            "| language pack (the largest, `{}`) | {} | {} | {} |",
            role.trim_start_matches("lang-"),
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
        "\nBudget: total {} of {} brotli ({:.0} %), loader {} of {} brotli ({:.0} %).",
        kb(all),
        kb(TOTAL_BUDGET),
        percent(all, TOTAL_BUDGET),
        kb(loader),
        kb(LOADER_BUDGET),
        percent(loader, LOADER_BUDGET)
    );
    section.push_str(&floor(size("wasm", "brotli")));
    section.push_str(&contributors());
    results.add(section);
    results.add(desk());

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

/// The framework's floor beside the widget's wasm: a Leptos hello world built the same
/// way (`xtask/leptos-floor`). Not a budget; it says how much of the weight is Leptos
/// itself and how much is Redress's own code.
fn floor(widget_wasm: u64) -> String {
    match floor_brotli() {
        Ok(floor) => format!(
            "\nFloor: a Leptos 0.8 CSR page with a signal, a button, an input and a `<Show>` \
             (`xtask/leptos-floor`), built with the widget's profile, `erase_components` and \
             `wasm-opt -Oz`, is {} brotli. The widget's wasm is {} brotli, {:.1}x the floor: \
             {} of it is Redress's own code (views, the core crate, reading JSON).\n",
            kb(floor),
            kb(widget_wasm),
            widget_wasm as f64 / floor.max(1) as f64,
            kb(widget_wasm.saturating_sub(floor))
        ),
        Err(why) => format!("\nFloor: not measured ({why}).\n"),
    }
}

fn floor_brotli() -> Result<u64, Failure> {
    let library =
        super::wasm::build_library(&root().join("xtask/leptos-floor"), "redress_leptos_floor")?;
    let out = target_dir().join("leptos-floor");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let wasm = super::wasm::bind_and_shrink(&library, &out, "leptos_floor")?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    Ok(bundle::brotli_len(&bytes)? as u64)
}

/// The shop desk's bundle, from `pkg/desk/manifest.json` (same format as the widget's).
/// No budget: staff load it, not the shop's visitors, but its weight is still published.
fn desk() -> String {
    let path = root().join("pkg/desk/manifest.json");
    let manifest: Option<Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    let Some(manifest) = manifest else {
        return "## Weight (desk)\n\nNot measured: `pkg/desk/manifest.json` does not exist \
                (the desk bundle is not built by this commit's `cargo xtask build`).\n"
            .to_owned();
    };
    let mut section = String::from(
        "## Weight (desk)\n\nThe shop desk's own bundle (`pkg/desk/`), loaded by the shop's \
         staff only, never by the shopper widget. No budget.\n\n\
         | part | file | raw | gzip | brotli |\n| --- | --- | ---: | ---: | ---: |\n",
    );
    if let Some(files) = manifest["files"].as_object() {
        for (role, file) in files {
            let size = |kind: &str| kb(file[kind].as_u64().unwrap_or(0));
            let _ = writeln!(
                section,
                "| {role} | `{}` | {} | {} | {} |",
                file["path"].as_str().unwrap_or("?"),
                size("bytes"),
                size("gzip"),
                size("brotli")
            );
        }
    }
    let total = |kind: &str| kb(manifest["total"][kind].as_u64().unwrap_or(0));
    let _ = writeln!(
        section,
        "| **total** | | {} | {} | **{}** |",
        total("bytes"),
        total("gzip"),
        total("brotli")
    );
    section
}

/// The largest functions of the wasm before `wasm-opt` (it still has its name section),
/// so growth has a name. Uses `twiggy` when installed (`cargo install twiggy`).
fn contributors() -> String {
    // The complaint widget (the first build of `bundle::WIDGET`), as wasm-bindgen left it.
    let wasm = target_dir().join("redress-bundle-complaint/redress_widget_bg.wasm");
    if !has_program("twiggy") && twiggy_path().is_none() {
        // Installed here, not by `setup`: only the bench needs it (~3 min, once).
        let _ = exec(cargo().args(["install", "twiggy"]));
    }
    let Some(twiggy) = twiggy_path() else {
        return "\nLargest contributors: `twiggy` is not installed (`cargo install twiggy`).\n"
            .to_owned();
    };
    let size = kb(std::fs::metadata(&wasm).map_or(0, |m| m.len()));
    let top = output(Command::new(&twiggy).args(["top", "-n", "12"]).arg(&wasm));
    let csv = output(
        Command::new(&twiggy)
            .args(["top", "-n", "1000000", "--format", "csv"])
            .arg(&wasm),
    );
    let (Some(top), Some(csv)) = (top, csv) else {
        return "\nLargest contributors: `twiggy top` failed on the unoptimised wasm.\n".to_owned();
    };
    let mut text = format!(
        "\nLargest contributors in the wasm before `wasm-opt` ({size}, with its name section; \
         `wasm-opt -Oz` shrinks and strips it, so read these as shares):\n\n```\n{top}```\n\n\
         By crate (code only, a generic function counts for its first non-`core` crate):\n\n\
         | crate | bytes |\n| --- | ---: |\n"
    );
    for (name, bytes) in by_crate(&csv).into_iter().take(12) {
        let _ = writeln!(text, "| {name} | {} |", kb(bytes));
    }
    text
}

/// Sums twiggy's CSV rows (`Name,ShallowSize,...`) per crate, largest first.
fn by_crate(csv: &str) -> Vec<(String, u64)> {
    let mut sums: std::collections::BTreeMap<String, u64> = Default::default();
    for row in csv.lines().skip(1) {
        let mut fields = row.rsplitn(5, ',');
        let (Some(_), Some(_), Some(_), Some(size), Some(name)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            continue;
        };
        let Ok(size) = size.parse::<u64>() else {
            continue;
        };
        *sums.entry(crate_of(name)).or_default() += size;
    }
    let mut sorted: Vec<_> = sums.into_iter().collect();
    sorted.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
    sorted
}

/// The crate a symbol belongs to: `<T as Trait>` picks whichever is not from the standard
/// library; sections, data segments and unnamed items group together.
fn crate_of(name: &str) -> String {
    if name.starts_with('"') || !name.contains("::") {
        return "(sections, data, unnamed)".to_owned();
    }
    let crate_at = |path: &str| -> String {
        let path = path
            .trim_start_matches(['<', '&', '*'])
            .trim_start_matches("mut ");
        let head = path.split("::").next().unwrap_or(path);
        let head = head.rsplit(' ').next().unwrap_or(head);
        head.split('[').next().unwrap_or(head).to_owned()
    };
    // A generic parameter (`T`) or the standard library names no crate of ours.
    let telling = |c: &str| {
        !matches!(c, "core" | "alloc" | "std") && !c.starts_with(|ch: char| ch.is_uppercase())
    };
    let first = crate_at(name);
    let second = name
        .split_once(" as ")
        .map(|(_, trait_path)| crate_at(trait_path));
    match second {
        Some(second) if !telling(&first) && telling(&second) => second,
        _ => first,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_is_named_by_the_crate_that_brought_it() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
            \"\"\"function names\"\" subsection\",900,40.0,,\n\
            redress_core::draft::validate::h74,300,1.4,,\n\
            <core::marker::PhantomData<T> as serde_core::de::DeserializeSeed>::deserialize::h6,200,1.6,,\n\
            core[c59]::fmt::float::float_to_decimal_common_shortest::<f64>,50,0.5,,\n\
            <<T as tachys::view::Render>::State as tachys::view::Mountable>::mount::h1,30,0.3,,\n\
            redress_core::policy::ComplaintPolicy::from_json::h4, with_comma,100,1.3,,\n";
        let sums = by_crate(csv);
        assert_eq!(
            sums,
            vec![
                ("(sections, data, unnamed)".to_owned(), 900),
                ("redress_core".to_owned(), 400),
                ("serde_core".to_owned(), 200),
                ("core".to_owned(), 50),
                ("tachys".to_owned(), 30),
            ]
        );
    }
}
