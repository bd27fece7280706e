//! `cargo xtask build`: the widget bundle in `pkg/`.
//!
//! The widget is compiled as a cdylib with the workspace's `widget` size profile (LTO
//! applies only to a cdylib-only build), bound to JS with the wasm-bindgen library,
//! shrunk with npm's binaryen `wasm-opt -Oz` (Debian's older binaryen breaks the module),
//! and the glue minified with terser. Files get content-hashed names so they can be cached
//! forever; only the loader `redress.js` keeps a stable name, with the hashed names baked
//! in. `manifest.json` lists every file with its sizes and SRI hash.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256, Sha384};

use crate::setup;
use crate::shell::{Failure, cargo, exec, npm_bin, root, target_dir};

/// One file of the bundle as written to `pkg/`.
pub struct BundleFile {
    /// What the file is: `loader`, `glue`, `wasm`, `css`.
    pub role: &'static str,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Builds the bundle into `pkg/` and prints its sizes.
pub fn run() -> Result<Vec<BundleFile>, Failure> {
    setup::ensure_build_tools()?;
    let target = target_dir();
    exec(cargo().args([
        "rustc",
        "-p",
        "redress-widget",
        "--profile",
        "widget",
        "--target",
        "wasm32-unknown-unknown",
        "--crate-type",
        "cdylib",
    ]))?;
    let compiled = target.join("wasm32-unknown-unknown/widget/redress_widget.wasm");
    let work = target.join("widget-bundle");
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;

    println!(
        "$ wasm-bindgen (library) --target web {}",
        compiled.display()
    );
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&compiled)
        .web(true)
        .and_then(|b| {
            b.typescript(false)
                .out_name("redress_widget")
                .generate(&work)
        })
        .map_err(|e| format!("wasm-bindgen failed: {e:#}"))?;
    if work.join("snippets").exists() {
        return Err(
            "the widget now uses inline JS snippets; the bundle does not ship them yet".into(),
        );
    }

    let bound = work.join("redress_widget_bg.wasm");
    let shrunk = work.join("redress_widget.opt.wasm");
    exec(
        Command::new(npm_bin("wasm-opt"))
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .arg(&bound)
            .arg("-o")
            .arg(&shrunk),
    )?;
    let glue_min = work.join("redress_widget.min.js");
    exec(
        Command::new(npm_bin("terser"))
            .arg(work.join("redress_widget.js"))
            .args(["--module", "--compress", "--mangle", "-o"])
            .arg(&glue_min),
    )?;

    let widget_dir = root().join("crates/widget");
    let wasm = read(&shrunk)?;
    let glue = read(&glue_min)?;
    let css = minify_css(&String::from_utf8_lossy(&read(
        &widget_dir.join("style/widget.css"),
    )?));
    let wasm_name = hashed_name("wasm", &wasm);
    let glue_name = hashed_name("js", &glue);
    let css_name = hashed_name("css", css.as_bytes());

    let loader_source = String::from_utf8_lossy(&read(&widget_dir.join("loader/redress.js"))?)
        .replace("__REDRESS_GLUE__", &glue_name)
        .replace("__REDRESS_WASM__", &wasm_name)
        .replace("__REDRESS_WASM_SRI__", &integrity(&wasm))
        .replace("__REDRESS_CSS__", &css_name)
        .replace("__REDRESS_CSS_SRI__", &integrity(css.as_bytes()));
    let loader_plain = work.join("redress.src.js");
    write(&loader_plain, loader_source.as_bytes())?;
    let loader_min = work.join("redress.min.js");
    exec(
        Command::new(npm_bin("terser"))
            .arg(&loader_plain)
            .args(["--compress", "--mangle", "-o"])
            .arg(&loader_min),
    )?;

    let files = vec![
        BundleFile {
            role: "loader",
            name: "redress.js".into(),
            bytes: read(&loader_min)?,
        },
        BundleFile {
            role: "glue",
            name: glue_name,
            bytes: glue,
        },
        BundleFile {
            role: "wasm",
            name: wasm_name,
            bytes: wasm,
        },
        BundleFile {
            role: "css",
            name: css_name,
            bytes: css.into_bytes(),
        },
    ];
    let pkg = root().join("pkg");
    clear_built_files(&pkg)?;
    let mut sizes = Vec::new();
    for file in &files {
        write(&pkg.join(&file.name), &file.bytes)?;
        sizes.push(Sizes::measure(&file.bytes)?);
    }
    write(
        &pkg.join("manifest.json"),
        manifest(&files, &sizes).as_bytes(),
    )?;
    print_sizes(&files, &sizes, read(&bound)?.len());
    Ok(files)
}

/// Raw, gzip -9 and brotli -q 11 sizes of one file: what a shopper downloads.
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl Sizes {
    fn measure(bytes: &[u8]) -> Result<Sizes, Failure> {
        Ok(Sizes {
            raw: bytes.len(),
            gzip: compressed_len(Command::new("gzip").args(["-9", "-c"]), bytes)?,
            brotli: compressed_len(Command::new("brotli").args(["-q", "11", "-c"]), bytes)?,
        })
    }
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

fn print_sizes(files: &[BundleFile], sizes: &[Sizes], unoptimised_wasm: usize) {
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    println!(
        "\nwidget bundle in pkg/ (wasm before wasm-opt: {})",
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
    let total = |f: fn(&Sizes) -> usize| sizes.iter().map(f).sum::<usize>();
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "total",
        kb(total(|s| s.raw)),
        kb(total(|s| s.gzip)),
        kb(total(|s| s.brotli))
    );
    let first_paint = &sizes[0];
    println!(
        "before the widget is opened a page loads only redress.js: {} brotli\n",
        kb(first_paint.brotli)
    );
}

fn manifest(files: &[BundleFile], sizes: &[Sizes]) -> String {
    let mut out = String::from("{\n  \"name\": \"redress-widget\",\n  \"version\": \"");
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
    let total = |f: fn(&Sizes) -> usize| sizes.iter().map(f).sum::<usize>();
    out.push_str(&format!(
        "  }},\n  \"total\": {{ \"bytes\": {}, \"gzip\": {}, \"brotli\": {} }}\n}}\n",
        total(|s| s.raw),
        total(|s| s.gzip),
        total(|s| s.brotli)
    ));
    out
}

/// `redress-<first 10 hex of SHA-256>.<ext>`: a new build gets a new name, so the files
/// can be served with `Cache-Control: immutable`.
fn hashed_name(ext: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    format!("redress-{hex}.{ext}")
}

/// The Subresource Integrity value of a file (`sha384-<base64>`).
fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Drops comments and indentation: the stylesheet is small, a CSS minifier is not worth
/// a dependency.
fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    without_comments.push_str(rest);
    without_comments
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Removes earlier builds from `pkg/`, keeping the committed `package.json` and README.
fn clear_built_files(pkg: &Path) -> Result<(), Failure> {
    fs::create_dir_all(pkg).map_err(|e| format!("cannot create {}: {e}", pkg.display()))?;
    let entries = fs::read_dir(pkg).map_err(|e| format!("cannot list {}: {e}", pkg.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let keep = name == "package.json" || name == "README.md";
        if !keep && entry.path().is_file() {
            fs::remove_file(entry.path()).map_err(|e| format!("cannot remove {name:?}: {e}"))?;
        }
    }
    Ok(())
}

fn read(path: &PathBuf) -> Result<Vec<u8>, Failure> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn integrity_is_the_browser_sri_format() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }

    #[test]
    fn a_changed_file_gets_a_new_name() {
        assert_ne!(hashed_name("js", b"a"), hashed_name("js", b"b"));
        assert!(hashed_name("wasm", b"a").starts_with("redress-"));
    }

    #[test]
    fn css_minifier_keeps_rules_and_drops_comments() {
        let css = "/* theme */\n:host {\n  color: red; /* x */\n}\n";
        assert_eq!(minify_css(css), ":host {\ncolor: red;\n}");
    }
}
