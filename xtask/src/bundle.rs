//! `cargo xtask build`: the wasm bundles, each in its own folder with its own manifest:
//! the shopper widget in `pkg/` and the shop desk in `pkg/desk/`. Two bundles, so the
//! shopper never downloads a byte of the desk.
//!
//! Each app is compiled as a cdylib with the workspace's `widget` size profile (LTO
//! applies only to a cdylib-only build), bound to JS with the wasm-bindgen library,
//! shrunk with npm's binaryen `wasm-opt -Oz` (Debian's older binaryen breaks the module),
//! and the glue minified with terser. Files get content-hashed names so they can be cached
//! forever; only the loader (`redress.js`, `desk/desk.js`) keeps a stable name, with the
//! hashed names baked in. `manifest.json` lists every file with its sizes and SRI hash.
//!
//! The steps of [`build`] are one function each (compile, bind, shrink, assets, write), so
//! a new kind of file (a language pack, say) is one more step feeding `files`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256, Sha384};

use redress_catalogue::{Lang, PackScope};

use crate::setup;
use crate::shell::{Failure, exec, npm_bin, root, target_dir, wasm_cargo};

/// One file of a bundle as written to its folder.
pub struct BundleFile {
    /// What the file is: `loader`, `glue`, `wasm`, `css`, or `lang-<tag>` for a language
    /// pack (a shopper fetches one of them at most).
    pub role: &'static str,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A wasm app `cargo xtask build` bundles.
pub struct App {
    /// The cargo package, e.g. `redress-widget`.
    pub package: &'static str,
    /// Its library's file stem (`redress_widget`), also the glue's out name.
    pub lib_name: &'static str,
    /// The bundle's folder, relative to the repository root.
    pub out_dir: &'static str,
    /// The loader's source, relative to the root; `__REDRESS_*__` names are filled in.
    pub loader: &'static str,
    /// The loader's stable file name in the bundle.
    pub loader_name: &'static str,
    /// Whether the loader is an ES module (terser `--module`).
    pub loader_is_module: bool,
    /// The stylesheet shipped in the bundle, relative to the root, if any.
    pub stylesheet: Option<&'static str>,
    /// The prefix of content-hashed names (`redress-<hash>.wasm`).
    pub prefix: &'static str,
    /// What the size report calls it.
    pub title: &'static str,
    /// The builds of the crate: the first is what the loader boots by default; the others
    /// are flows fetched only when a shopper asks for them.
    pub variants: &'static [Variant],
}

/// One build of an app: a flow and the cargo features it is compiled with.
pub struct Variant {
    /// The widget's `mode` this build serves (`complaint`, `withdraw`, `trustmark`).
    pub mode: &'static str,
    /// `None`: the crate's default features; `Some(list)`: exactly these.
    pub features: Option<&'static [&'static str]>,
}

/// The shopper widget: `pkg/redress.js` plus hashed glue, wasm and css.
pub const WIDGET: App = App {
    package: "redress-widget",
    lib_name: "redress_widget",
    out_dir: "pkg",
    loader: "crates/widget/loader/redress.js",
    loader_name: "redress.js",
    loader_is_module: false,
    stylesheet: Some("crates/widget/style/widget.css"),
    prefix: "redress",
    title: "widget bundle in pkg/",
    variants: &[
        Variant {
            mode: "complaint",
            features: Some(&[]),
        },
        Variant {
            mode: "withdraw",
            features: Some(&["withdraw"]),
        },
        Variant {
            mode: "trustmark",
            features: Some(&["trustmark-page"]),
        },
    ],
};

/// The shop desk: `pkg/desk/desk.js` plus hashed glue and wasm; its stylesheet is served
/// with its page from `www/desk/`.
pub const DESK: App = App {
    package: "redress-desk",
    lib_name: "redress_desk",
    out_dir: "pkg/desk",
    loader: "crates/desk/loader/desk.js",
    loader_name: "desk.js",
    loader_is_module: true,
    stylesheet: None,
    prefix: "desk",
    title: "desk bundle in pkg/desk/",
    variants: &[Variant {
        mode: "desk",
        features: None,
    }],
};

/// Builds both bundles and prints their sizes; answers the widget's files (what the
/// shopper downloads, which the bench weighs). `REDRESS_BUNDLE=desk` (or `widget`) builds
/// only that one, for an engineer iterating on it while others build the other.
pub fn run() -> Result<Vec<BundleFile>, Failure> {
    setup::ensure_build_tools()?;
    let only = std::env::var("REDRESS_BUNDLE").unwrap_or_default();
    if only == "desk" {
        return build(&DESK);
    }
    let widget = build(&WIDGET)?;
    if only != "widget" {
        build(&DESK)?;
    }
    Ok(widget)
}

/// Builds one app's bundle into its folder.
pub fn build(app: &App) -> Result<Vec<BundleFile>, Failure> {
    // Each variant: (role suffix, glue, wasm, wasm-bindgen output size).
    let mut builds = Vec::new();
    for (i, variant) in app.variants.iter().enumerate() {
        let compiled = compile(app, variant)?;
        let work = target_dir().join(format!("{}-bundle-{}", app.prefix, variant.mode));
        if work.exists() {
            fs::remove_dir_all(&work)
                .map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
        }
        fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
        let bound = bind(app, &compiled, &work)?;
        let (wasm, glue) = shrink(app, &bound, &work)?;
        let suffix = if i == 0 {
            String::new()
        } else {
            format!("-{}", variant.mode)
        };
        builds.push((suffix, glue, wasm, read(&bound)?.len()));
    }
    let work = target_dir().join(format!("{}-bundle", app.prefix));
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let (_, glue, wasm, bound_len) = builds.remove(0);

    let wasm_name = hashed_name(app.prefix, "wasm", &wasm);
    let glue_name = hashed_name(app.prefix, "js", &glue);
    // The other flows for the loader: {"withdraw":["<glue>","<wasm>","<sri>"],...}.
    let mut others = Vec::new();
    let mut other_files = Vec::new();
    for (suffix, glue, wasm, _) in builds {
        let prefix = format!("{}{suffix}", app.prefix);
        let (glue_file, wasm_file) = (
            hashed_name(&prefix, "js", &glue),
            hashed_name(&prefix, "wasm", &wasm),
        );
        others.push(format!(
            "\"{}\":[\"{glue_file}\",\"{wasm_file}\",\"{}\"]",
            suffix.trim_start_matches('-'),
            integrity(&wasm)
        ));
        let leak = |role: String| -> &'static str { Box::leak(role.into_boxed_str()) };
        other_files.push(BundleFile {
            role: leak(format!("glue{suffix}")),
            name: glue_file,
            bytes: glue,
        });
        other_files.push(BundleFile {
            role: leak(format!("wasm{suffix}")),
            name: wasm_file,
            bytes: wasm,
        });
    }
    let css = match app.stylesheet {
        Some(path) => Some(minify_css(&String::from_utf8_lossy(&read(
            &root().join(path),
        )?))),
        None => None,
    };
    let css_name = css
        .as_ref()
        .map(|css| hashed_name(app.prefix, "css", css.as_bytes()));

    let (packs, packs_table) = language_packs(app);
    let mut loader_source = String::from_utf8_lossy(&read(&root().join(app.loader))?)
        .replace("__REDRESS_LANGS__", &packs_table)
        .replace("__REDRESS_BUNDLES__", &format!("{{{}}}", others.join(",")))
        .replace("__REDRESS_GLUE__", &glue_name)
        .replace("__REDRESS_WASM__", &wasm_name)
        .replace("__REDRESS_WASM_SRI__", &integrity(&wasm));
    if let (Some(css), Some(css_name)) = (&css, &css_name) {
        loader_source = loader_source
            .replace("__REDRESS_CSS__", css_name)
            .replace("__REDRESS_CSS_SRI__", &integrity(css.as_bytes()));
    }
    let loader = minify_js(&work, app, &loader_source)?;

    let mut files = vec![
        BundleFile {
            role: "loader",
            name: app.loader_name.into(),
            bytes: loader,
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
    ];
    if let (Some(css), Some(css_name)) = (css, css_name) {
        files.push(BundleFile {
            role: "css",
            name: css_name,
            bytes: css.into_bytes(),
        });
    }
    files.extend(packs);
    files.extend(other_files);
    let sizes = write_bundle(app, &files)?;
    print_sizes(app, &files, &sizes, bound_len);
    Ok(files)
}

/// The widget's languages, English too, as packs (the wasm holds no text): for each
/// language one with the complaint widget's words (`redress-<lang>-<hash>.txt`) and one
/// with every flow's for the withdrawal and trustmark bundles
/// (`redress-flows-<lang>-<hash>.txt`). The loader fetches only the shopper's one.
///
/// All packs share one hash, over all of them, so the loader carries a single hash
/// instead of a name per file: it is 93 % of its own 3 KB budget. Returned beside the
/// files: the loader's table, `{"hash":"<hash>","langs":["en",...]}`, which it holds in a
/// single-quoted string (no quote or backslash can occur in it). Packs go without SRI:
/// each SRI hash is 71 incompressible bytes the loader would carry per file, and a pack
/// is text rendered as text, from the same origin as the unhashed loader itself.
fn language_packs(app: &App) -> (Vec<BundleFile>, String) {
    if app.package != WIDGET.package {
        return (Vec::new(), String::new());
    }
    let packs = redress_catalogue::packs();
    let mut all = Sha256::new();
    for (_, _, text) in &packs {
        all.update(text.as_bytes());
    }
    let hash = short_hex(&all.finalize());
    let langs: Vec<String> = Lang::ALL
        .iter()
        .map(|l| format!("\"{}\"", l.tag()))
        .collect();
    let table = format!("{{\"hash\":\"{hash}\",\"langs\":[{}]}}", langs.join(","));
    let files = packs
        .into_iter()
        .map(|(lang, scope, text)| {
            let flows = match scope {
                PackScope::Complaint => "",
                PackScope::EveryFlow => "flows-",
            };
            let role: &'static str =
                Box::leak(format!("lang-{flows}{}", lang.tag()).into_boxed_str());
            BundleFile {
                role,
                name: format!("{}-{flows}{}-{hash}.txt", app.prefix, lang.tag()),
                bytes: text.into_bytes(),
            }
        })
        .collect();
    (files, table)
}

/// Whether a file's role is one of the complaint widget's language packs (`lang-nl`),
/// the one a shopper fetches, rather than another flow's (`lang-flows-nl`).
pub fn is_shopper_pack(role: &str) -> bool {
    role.strip_prefix("lang-")
        .is_some_and(|tag| !tag.contains('-'))
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

/// `cargo rustc --crate-type cdylib --profile widget` for wasm32, on the pinned nightly
/// with std rebuilt ([`wasm_cargo`]): the compiled module.
fn compile(app: &App, variant: &Variant) -> Result<PathBuf, Failure> {
    let mut command = wasm_cargo("rustc");
    command.args([
        "-p",
        app.package,
        "--profile",
        "widget",
        "--target",
        "wasm32-unknown-unknown",
        "--crate-type",
        "cdylib",
    ]);
    if let Some(features) = variant.features {
        command.arg("--no-default-features");
        if !features.is_empty() {
            command.args(["--features", &features.join(",")]);
        }
    }
    exec(&mut command)?;
    Ok(target_dir().join(format!(
        "wasm32-unknown-unknown/widget/{}.wasm",
        app.lib_name
    )))
}

/// wasm-bindgen (the library, `--target web`): the bound module in `work`.
fn bind(app: &App, compiled: &Path, work: &Path) -> Result<PathBuf, Failure> {
    println!(
        "$ wasm-bindgen (library) --target web {}",
        compiled.display()
    );
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(compiled)
        .web(true)
        .and_then(|b| b.typescript(false).out_name(app.lib_name).generate(work))
        .map_err(|e| format!("wasm-bindgen failed: {e:#}"))?;
    if work.join("snippets").exists() {
        return Err(format!(
            "{} now uses inline JS snippets; the bundle does not ship them yet",
            app.package
        ));
    }
    Ok(work.join(format!("{}_bg.wasm", app.lib_name)))
}

/// wasm-opt -Oz on the module and terser on the glue: their final bytes.
fn shrink(app: &App, bound: &Path, work: &Path) -> Result<(Vec<u8>, Vec<u8>), Failure> {
    let shrunk = work.join(format!("{}.opt.wasm", app.lib_name));
    exec(
        Command::new(npm_bin("wasm-opt"))
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .arg(bound)
            .arg("-o")
            .arg(&shrunk),
    )?;
    let glue_min = work.join(format!("{}.min.js", app.lib_name));
    exec(
        Command::new(npm_bin("terser"))
            .arg(work.join(format!("{}.js", app.lib_name)))
            .args(["--module", "--compress", "--mangle", "-o"])
            .arg(&glue_min),
    )?;
    Ok((read(&shrunk)?, read(&glue_min)?))
}

/// terser on the filled-in loader.
fn minify_js(work: &Path, app: &App, source: &str) -> Result<Vec<u8>, Failure> {
    let plain = work.join(format!("{}.src.js", app.prefix));
    write(&plain, source.as_bytes())?;
    let min = work.join(format!("{}.min.js", app.prefix));
    let mut terser = Command::new(npm_bin("terser"));
    terser.arg(&plain);
    if app.loader_is_module {
        terser.arg("--module");
    }
    exec(terser.args(["--compress", "--mangle", "-o"]).arg(&min))?;
    read(&min)
}

/// Replaces the app's earlier build with `files` and their `manifest.json`.
fn write_bundle(app: &App, files: &[BundleFile]) -> Result<Vec<Sizes>, Failure> {
    let out = root().join(app.out_dir);
    clear_built_files(&out)?;
    let mut sizes = Vec::new();
    for file in files {
        write(&out.join(&file.name), &file.bytes)?;
        sizes.push(Sizes::measure(&file.bytes)?);
    }
    write(
        &out.join("manifest.json"),
        manifest(app, files, &sizes).as_bytes(),
    )?;
    Ok(sizes)
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

fn print_sizes(app: &App, files: &[BundleFile], sizes: &[Sizes], unoptimised_wasm: usize) {
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

fn manifest(app: &App, files: &[BundleFile], sizes: &[Sizes]) -> String {
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

/// `<prefix>-<first 10 hex of SHA-256>.<ext>`: a new build gets a new name, so the files
/// can be served with `Cache-Control: immutable`.
fn hashed_name(prefix: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{prefix}-{}.{ext}", short_hex(&Sha256::digest(bytes)))
}

/// The first five bytes of a digest in hex: enough to tell builds apart in a file name.
fn short_hex(digest: &[u8]) -> String {
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
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

/// Removes earlier builds from a bundle folder (files only: `pkg/desk/` survives the
/// widget's build), keeping the committed `package.json` and README.
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

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
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
        assert_ne!(
            hashed_name("redress", "js", b"a"),
            hashed_name("redress", "js", b"b")
        );
        assert!(hashed_name("redress", "wasm", b"a").starts_with("redress-"));
        assert!(hashed_name(DESK.prefix, "wasm", b"a").starts_with("desk-"));
    }

    #[test]
    fn css_minifier_keeps_rules_and_drops_comments() {
        let css = "/* theme */\n:host {\n  color: red; /* x */\n}\n";
        assert_eq!(minify_css(css), ":host {\ncolor: red;\n}");
    }
}
