//! A throwaway PostgreSQL for the throughput part, started like the server's own tests do:
//! Debian's binaries, a temp cluster, trust auth on loopback, as the `postgres` OS user when
//! running as root (PostgreSQL refuses root).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::shell::{Failure, output};

/// A running cluster, stopped (immediate mode) and removed when dropped.
pub struct Postgres {
    dir: PathBuf,
    bin: PathBuf,
    as_postgres: bool,
    /// `postgres://` URL for `--database-url`.
    pub url: String,
}

impl Postgres {
    /// Starts a fresh cluster under `dir` on `port`; None when PostgreSQL is not installed
    /// (`cargo xtask setup` installs it).
    pub fn start(dir: &Path, port: u16) -> Result<Option<Postgres>, Failure> {
        let Some(bin) = find_bin() else {
            return Ok(None);
        };
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let as_postgres = output(Command::new("id").arg("-u")).is_some_and(|id| id.trim() == "0");
        if as_postgres {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir))?;
        }
        let pg = Postgres {
            dir: dir.to_owned(),
            bin,
            as_postgres,
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        };
        let data = dir.join("pgdata");
        run(pg.tool("initdb").arg("-D").arg(&data).args([
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
        ]))?;
        let options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -k {} -c max_connections=200",
            dir.display()
        );
        run(pg
            .tool("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "-l"])
            .arg(dir.join("postgres.log"))
            .args(["-w", "start"]))?;
        Ok(Some(pg))
    }

    fn tool(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = self
            .tool("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("pgdata"))
            .args(["-m", "immediate", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(command: &mut Command) -> Result<(), Failure> {
    let out = command
        .output()
        .map_err(|e| format!("cannot run {:?}: {e}", command.get_program()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{:?} failed: {}",
            command.get_program(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn find_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions.pop()
}
