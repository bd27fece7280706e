//! `cargo xtask build`: the wasm bundles, each in its own folder with its own manifest:
//! the shopper widget in `pkg/` and the shop desk in `pkg/desk/`. Two bundles, so the
//! shopper never downloads a byte of the desk.
//!
//! Each app is compiled as a cdylib with the workspace's `widget` size profile (LTO
//! applies only to a cdylib-only build) on the pinned nightly with std rebuilt
//! ([`wasm_cargo`]), bound to JS with the wasm-bindgen library,
//! shrunk with npm's binaryen `wasm-opt -Oz` (Debian's older binaryen breaks the module),
//! and the glue minified with terser. Files get content-hashed names so they can be cached
//! forever; only the loader (`redress.js`, `desk/desk.js`) keeps a stable name, with the
//! hashed names baked in. `manifest.json` lists every file with its sizes and SRI hash.
//!
//! The steps of [`build`] are one function each (compile, bind, shrink, assets, write), so
//! a new kind of file (a language pack, say) is one more step feeding `files`. `names`
//! hashes and signs files, `packs` writes the language packs, `sizes` weighs the result.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

mod names;
mod packs;
mod sizes;

use names::{hashed_name, integrity};
pub use packs::is_shopper_pack;
use packs::language_packs;
pub use sizes::brotli_len;
use sizes::{Sizes, manifest, print_sizes};

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
    fn css_minifier_keeps_rules_and_drops_comments() {
        let css = "/* theme */\n:host {\n  color: red; /* x */\n}\n";
        assert_eq!(minify_css(css), ":host {\ncolor: red;\n}");
    }
}
