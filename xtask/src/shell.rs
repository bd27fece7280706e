//! Running the project's tools: every failure names the command that failed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The error of an xtask step: what failed, for a person to read.
pub type Failure = String;

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// The cargo target directory the workspace builds into.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

/// The `cargo` that runs xtask, so nested builds use the same toolchain.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The toolchain the shipped wasm is compiled with: a pinned nightly, because only a
/// nightly can rebuild the standard library for the bundle (`-Z build-std`) and make a
/// panic a bare trap (`-C panic=immediate-abort`). That drops std's panic messages and the
/// formatting code only they used: the shopper widget measured 193.3 -> 179.0 KB brotli
/// (wasm). A panic was already an abort (the `widget` profile), so a shopper sees the same
/// thing either way. Everything else, tests and clippy included, builds on stable.
pub const WASM_TOOLCHAIN: &str = "nightly-2026-05-19";

/// `cargo <subcommand>` on [`WASM_TOOLCHAIN`] with the standard library rebuilt for
/// wasm32 with immediate abort; the caller adds `--target wasm32-unknown-unknown`.
/// `--config` joins the workspace's wasm32 rustflags (`erase_components`) rather than
/// replacing them, as `CARGO_TARGET_*_RUSTFLAGS` would.
pub fn wasm_cargo(subcommand: &str) -> Command {
    let mut command = Command::new("rustup");
    command
        .args(["run", WASM_TOOLCHAIN, "cargo", subcommand])
        .args(["-Z", "build-std=std,panic_abort", "--config"])
        .arg(r#"target.wasm32-unknown-unknown.rustflags=["-Zunstable-options","-Cpanic=immediate-abort"]"#)
        // The stable cargo running xtask exports its own paths; the nightly's must win.
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("RUSTUP_TOOLCHAIN");
    command
}

/// Runs `command` in the workspace root, inheriting output; fails on a non-zero exit.
pub fn exec(command: &mut Command) -> Result<(), Failure> {
    let shown = describe(command);
    println!("$ {shown}");
    let status = command
        .current_dir_if_unset()
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `command` quietly and returns its stdout, or None when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether a program is on PATH (or is a path that exists).
pub fn has_program(name: &str) -> bool {
    if name.contains('/') {
        return Path::new(name).exists();
    }
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
        .unwrap_or(false)
}

/// The npm-installed tools live in `tests/node_modules/.bin`.
pub fn npm_bin(name: &str) -> PathBuf {
    root().join("tests/node_modules/.bin").join(name)
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

trait InRoot {
    fn current_dir_if_unset(&mut self) -> &mut Self;
}

impl InRoot for Command {
    fn current_dir_if_unset(&mut self) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
        self
    }
}
