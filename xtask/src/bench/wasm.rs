//! A wasm library of the bench built the way the widget bundle is: wasm-bindgen (web
//! target) and `wasm-opt -Oz`, so what is measured is what a browser would fetch.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::shell::{Failure, exec, npm_bin, target_dir, wasm_cargo};

/// Builds the wasm32 library of the bench project `project` (its own workspace) with its
/// release profile into the bench's target directory, with the widget's toolchain and
/// std ([`wasm_cargo`]) so it compares like with like; the compiled module named `lib`.
pub fn build_library(project: &Path, lib: &str) -> Result<PathBuf, Failure> {
    let target = target_dir();
    exec(
        wasm_cargo("build")
            .args(["--release", "--lib", "--target", "wasm32-unknown-unknown"])
            .arg("--target-dir")
            .arg(&target)
            .current_dir(project),
    )?;
    Ok(target.join(format!("wasm32-unknown-unknown/release/{lib}.wasm")))
}

/// Binds `wasm` into `out` under `name` and shrinks it; the shrunk module's path.
pub fn bind_and_shrink(wasm: &Path, out: &Path, name: &str) -> Result<PathBuf, Failure> {
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .web(true)
        .and_then(|b| b.typescript(false).out_name(name).generate(out))
        .map_err(|e| format!("wasm-bindgen failed on {}: {e:#}", wasm.display()))?;
    let bound = out.join(format!("{name}_bg.wasm"));
    let shrunk = out.join(format!("{name}_bg.opt.wasm"));
    exec(
        Command::new(npm_bin("wasm-opt"))
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .arg(&bound)
            .arg("-o")
            .arg(&shrunk),
    )?;
    std::fs::rename(&shrunk, &bound).map_err(|e| format!("cannot replace the wasm: {e}"))?;
    Ok(bound)
}
