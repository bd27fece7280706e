//! `bench/RESULTS.md`: the date, the commit and the machine, then one section per part.

use std::process::Command;

use crate::shell::{Failure, output, root};

/// The sections measured so far in this run.
pub struct Results {
    header: String,
    sections: Vec<String>,
    took: Option<std::time::Duration>,
}

impl Results {
    /// Starts the file with when, at which commit and on what the figures were taken.
    pub fn new() -> Self {
        let date =
            output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])).unwrap_or_default();
        let commit =
            output(Command::new("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or_default();
        // The bundle is built from the working tree: say when it differs from the commit.
        let dirty = output(Command::new("git").args(["status", "--porcelain", "--", "crates"]))
            .is_some_and(|changes| !changes.trim().is_empty());
        let commit = if dirty {
            format!("{} (with uncommitted changes under crates/)", commit.trim())
        } else {
            commit.trim().to_owned()
        };
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        let model = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|info| {
                info.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split_once(':'))
                    .map(|(_, m)| m.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown CPU".to_owned());
        let header = format!(
            "# Redress benchmark results\n\nWritten by `cargo xtask bench` (see the README, \
             section Bench). Timings are noisy on shared machines: compare the ratios.\n\n\
             - date: {}\n- commit: {commit}\n- machine: {cores} cores, {model}\n",
            date.trim(),
        );
        Results {
            header,
            sections: Vec::new(),
            took: None,
        }
    }

    /// Adds one part's section (Markdown, starting with a `##` heading).
    pub fn add(&mut self, section: String) {
        println!("\n{section}");
        self.sections.push(section);
    }

    /// Records how long the whole run took (builds included).
    pub fn finish(&mut self, took: std::time::Duration) {
        println!("\nbench took {:.1} min", took.as_secs_f64() / 60.0);
        self.took = Some(took);
    }

    /// Rewrites `bench/RESULTS.md` with everything measured so far.
    pub fn write(&self) -> Result<(), Failure> {
        let dir = root().join("bench");
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create bench/: {e}"))?;
        let mut text = self.header.clone();
        if let Some(took) = self.took {
            text.push_str(&format!(
                "- the run took {:.1} min (builds included)\n",
                took.as_secs_f64() / 60.0
            ));
        }
        for section in &self.sections {
            text.push('\n');
            text.push_str(section);
        }
        let path = dir.join("RESULTS.md");
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}
