//! What a bundle weighs: raw, gzip and brotli sizes of each file, the total one shopper
//! downloads, the size table `cargo xtask build` prints, and `manifest.json`.

use std::process::Command;

use super::names::integrity;
use super::packs::is_shopper_pack;
use super::{App, BundleFile};
use crate::shell::Failure;

/// Raw, gzip -9 and brotli -q 11 sizes of one file: what a shopper downloads.
pub(super) struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl Sizes {
    pub(super) fn measure(bytes: &[u8]) -> Result<Sizes, Failure> {
        Ok(Sizes {
            raw: bytes.len(),
            gzip: compressed_len(Command::new("gzip").args(["-9", "-c"]), bytes)?,
            brotli: brotli_len(bytes)?,
        })
    }
}

/// Brotli -q 11 bytes of `bytes`, as the bundle's sizes are measured.
pub fn brotli_len(bytes: &[u8]) -> Result<usize, Failure> {
    compressed_len(Command::new("brotli").args(["-q", "11", "-c"]), bytes)
}

fn compressed_len(command: &mut Command, bytes: &[u8]) -> Result<usize, Failure> {
    use std::io::Write;
    use std::process::Stdio;
    let name = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {name} (cargo xtask setup installs it): {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{name}: {e}"))?;
    let _ = feeder.join();
    if !out.status.success() {
        return Err(format!("{name} failed ({})", out.status));
    }
    Ok(out.stdout.len())
}

pub(super) fn print_sizes(
    app: &App,
    files: &[BundleFile],
    sizes: &[Sizes],
    unoptimised_wasm: usize,
) {
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    println!(
        "\n{} (wasm before wasm-opt: {})",
        app.title,
        kb(unoptimised_wasm)
    );
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    for (file, size) in files.iter().zip(sizes) {
        println!(
            "{:<28} {:>10} {:>10} {:>10}",
            file.name,
            kb(size.raw),
            kb(size.gzip),
            kb(size.brotli)
        );
    }
    let total = |f: fn(&Sizes) -> usize| shopper_total(files, sizes, f);
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "total (one language)",
        kb(total(|s| s.raw)),
        kb(total(|s| s.gzip)),
        kb(total(|s| s.brotli))
    );
    if !app.loader_is_module {
        println!(
            "before the widget is opened a page loads only {}: {} brotli\n",
            app.loader_name,
            kb(sizes[0].brotli)
        );
    }
}

pub(super) fn manifest(app: &App, files: &[BundleFile], sizes: &[Sizes]) -> String {
    let mut out = format!("{{\n  \"name\": \"{}\",\n  \"version\": \"", app.package);
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str("\",\n  \"files\": {\n");
    for (i, (file, size)) in files.iter().zip(sizes).enumerate() {
        out.push_str(&format!(
            "    \"{}\": {{ \"path\": \"{}\", \"bytes\": {}, \"gzip\": {}, \"brotli\": {}, \"integrity\": \"{}\" }}{}\n",
            file.role,
            file.name,
            size.raw,
            size.gzip,
            size.brotli,
            integrity(&file.bytes),
            if i + 1 < files.len() { "," } else { "" }
        ));
    }
    // A shopper fetches at most one language pack: the total counts the largest.
    let total = |f: fn(&Sizes) -> usize| shopper_total(files, sizes, f);
    out.push_str(&format!(
        "  }},\n  \"total\": {{ \"bytes\": {}, \"gzip\": {}, \"brotli\": {} }}\n}}\n",
        total(|s| s.raw),
        total(|s| s.gzip),
        total(|s| s.brotli)
    ));
    out
}

/// What one shopper downloads: the default flow's files (not the other flows' glue and
/// wasm, fetched only when asked for) and the largest language pack.
fn shopper_total(files: &[BundleFile], sizes: &[Sizes], size: fn(&Sizes) -> usize) -> usize {
    let pairs = || files.iter().zip(sizes);
    let fixed: usize = pairs()
        .filter(|(f, _)| !f.role.contains('-'))
        .map(|(_, s)| size(s))
        .sum();
    let pack = pairs()
        .filter(|(f, _)| is_shopper_pack(f.role))
        .map(|(_, s)| size(s))
        .max()
        .unwrap_or(0);
    fixed + pack
}
