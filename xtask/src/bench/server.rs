//! Server throughput: complaints filed per second against an empty axum handler.
//!
//! Both run as release builds on this machine and are loaded by `wrk` (Debian) with the
//! same script, one after the other, at 1, 16 and 128 connections.

use std::fmt::Write;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::evidence_pool::{EvidencePair, unused};
use super::postgres::Postgres;
use super::report::Results;
use crate::shell::{Failure, cargo, exec, has_program, output, root, target_dir};

const CONNECTIONS: [u32; 3] = [1, 16, 128];
const SECONDS: u32 = 5;
/// Complaints per second assumed before the first row measures one (sizes its pool).
const FIRST_GUESS_PER_SECOND: f64 = 600.0;
/// Evidence pairs offered per complaint the row is expected to file, per row of
/// [`CONNECTIONS`]: going from 1 to 16 connections has more than doubled the rate.
const POOL_MARGIN: [f64; 3] = [2.0, 3.0, 2.0];
/// The shop token of the bench's own server (not a secret: a temp data dir).
pub const SHOP_TOKEN: &str = "bench-shop-token-0123456789";

/// One wrk run: requests per second, latency percentiles in microseconds, failures.
struct Load {
    requests: u64,
    /// Requests each wrk thread made: (thread number from 1, count).
    used: Vec<(usize, usize)>,
    /// Answered without an error status (complaints filed, for the server).
    per_second: f64,
    p50_us: u64,
    p99_us: u64,
    failed: u64,
}

/// Measures the server and the baseline and adds the throughput table.
pub fn run(results: &mut Results) -> Result<(), Failure> {
    if !has_program("wrk") {
        exec(Command::new("apt-get").args(["install", "-y", "wrk"]))?;
    }
    let server_bin = build_release_server()?;
    exec(
        cargo()
            .args(["build", "--release", "--target-dir"])
            .arg(target_dir())
            .current_dir(root().join("xtask/baseline")),
    )?;
    let baseline_bin = target_dir().join("release/redress-bench-baseline");
    let script = root().join("xtask/src/bench/complaint.lua");

    let pair = EvidencePair::new();
    let evidence_json = pair.draft_json();

    let mut section = format!(
        "## Server throughput\n\n`wrk` {SECONDS} s per row, POST /api/complaints \
         with two evidence references (text files uploaded just before the row: a complaint \
         attaches an upload once, so every request gets a pair of its own), a new \
         Idempotency-Key per request. Baseline: an empty axum handler (`xtask/baseline`) \
         under the same script, measured right after each row. PostgreSQL is a temp \
         cluster on this machine (default settings). \"pool\": the pairs offered to the row \
         (left over from the row before, topped up) and the upload rate reached topping it \
         up (16 clients, one connection per upload).\n\n\
         | store | connections | complaints/s | p50 | p99 | failed | baseline req/s | \
         baseline p50 | baseline p99 | throughput ratio | pool |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    );
    let postgres = Postgres::start(
        &std::env::temp_dir().join(format!("redress-bench-pg-{}", std::process::id())),
        free_port()?,
    )?;
    let mut stores = vec![("SQLite", None)];
    if let Some(pg) = &postgres {
        stores.push(("PostgreSQL", Some(pg.url.as_str())));
    }
    let mut pool_starved = false;
    for (store, url) in stores {
        let data = tempdir(&format!("throughput-{store}"))?;
        let pairs = data.join("pairs.txt");
        // Sized from the fastest row so far, with a margin: a starved row shows as failed.
        // Pairs a row did not reach are kept for the next one.
        let mut expected = FIRST_GUESS_PER_SECOND;
        let mut pool: Vec<String> = Vec::new();
        for (connections, margin) in CONNECTIONS.into_iter().zip(POOL_MARGIN) {
            let mut server = ServerProcess::start(&server_bin, &data, "127.0.0.1:0", url)?;
            let wanted = (expected * f64::from(SECONDS) * margin) as usize;
            let (fresh, upload_rate) =
                pair.upload_pool(&server.addr, wanted.saturating_sub(pool.len()))?;
            pool.extend(fresh);
            let mut file = pool.join("\n");
            file.push('\n');
            std::fs::write(&pairs, file)
                .map_err(|e| format!("cannot write {}: {e}", pairs.display()))?;
            let thread_count = threads(connections);
            let args = [
                pairs.as_os_str(),
                thread_count.as_ref(),
                evidence_json.as_ref(),
            ];
            let filed = load(
                &script,
                &server.addr,
                connections,
                &format!("{store}-s"),
                &args,
            )?;
            server.stop();
            let mut baseline =
                ServerProcess::spawn(Command::new(&baseline_bin).arg("127.0.0.1:0"))?;
            let empty = load(&script, &baseline.addr, connections, "b", &args)?;
            baseline.stop();
            pool_starved |= filed.failed > 0 && filed.requests as usize > pool.len();
            let offered = pool.len();
            pool = unused(&pool, connections.min(2) as usize, &filed.used);
            expected = expected.max(filed.per_second);
            let _ = writeln!(
                section,
                "| {store} | {connections} | {:.0} | {} | {} | {} | {:.0} | {} | {} | {:.3} | {offered} ({}) |",
                filed.per_second,
                ms(filed.p50_us),
                ms(filed.p99_us),
                filed.failed,
                empty.per_second,
                ms(empty.p50_us),
                ms(empty.p99_us),
                filed.per_second / empty.per_second.max(1.0),
                if upload_rate > 0.0 {
                    format!("{upload_rate:.0} uploads/s")
                } else {
                    "left over".to_owned()
                }
            );
        }
        let _ = std::fs::remove_dir_all(&data);
    }
    if postgres.is_none() {
        section.push_str("\nPostgreSQL is not installed (`cargo xtask setup`): not measured.\n");
    }
    if pool_starved {
        section.push_str(
            "\nA row with failures ran out of evidence pairs: its late requests were refused \
             (422 `evidence.unavailable`), so its complaints/s is a lower bound.\n",
        );
    }
    drop(postgres);
    results.add(section);
    Ok(())
}

/// wrk threads for `connections` (at most the cores here).
fn threads(connections: u32) -> String {
    connections.min(2).to_string()
}

/// Runs wrk with the complaint script; `args` follow the run prefix (see the script).
fn load(
    script: &Path,
    addr: &str,
    connections: u32,
    prefix: &str,
    args: &[&std::ffi::OsStr],
) -> Result<Load, Failure> {
    let run_prefix = format!("{prefix}{connections}");
    let text = output(
        Command::new("wrk")
            .args(["-t", &threads(connections), "-c", &connections.to_string()])
            .args(["-d", &format!("{SECONDS}s"), "--timeout", "10s", "-s"])
            .arg(script)
            .arg(format!("http://{addr}"))
            .args(["--", &run_prefix])
            .args(args),
    )
    .ok_or_else(|| format!("wrk failed against {addr}"))?;
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("REDRESS "))
        .ok_or_else(|| format!("wrk printed no summary:\n{text}"))?;
    let n: Vec<u64> = line
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    let [requests, duration_us, p50_us, p99_us, status, socket] = n[..] else {
        return Err(format!("unexpected wrk summary `{line}`"));
    };
    let used = text
        .lines()
        .filter_map(|l| l.strip_prefix("USED "))
        .filter_map(|l| {
            let (thread, count) = l.split_once(' ')?;
            Some((thread.trim().parse().ok()?, count.trim().parse().ok()?))
        })
        .collect();
    Ok(Load {
        used,
        requests,
        per_second: (requests - status) as f64 / (duration_us.max(1) as f64 / 1e6),
        p50_us,
        p99_us,
        failed: status + socket,
    })
}

/// Builds the reference server with the release profile and returns its path.
pub fn build_release_server() -> Result<PathBuf, Failure> {
    exec(cargo().args([
        "build",
        "--release",
        "-p",
        "redress-server",
        "--bin",
        "redress-server",
    ]))?;
    Ok(target_dir().join("release/redress-server"))
}

/// A fresh directory under the target dir for one bench part's data.
pub fn tempdir(part: &str) -> Result<PathBuf, Failure> {
    let dir = target_dir().join(format!("bench-{part}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data"))
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // Limits sized for a load test: the defaults stop order enumeration at a few per minute
    // and filings (each one mails the shopper) at 20 per client IP per window.
    let config = "[limits]\nlookups_per_ip = 100000000\nlookups_per_order = 100000000\n\
                  uploads_per_ip = 100000000\nfilings_per_ip = 100000000\n";
    std::fs::write(dir.join("redress.toml"), config)
        .map_err(|e| format!("cannot write the bench config: {e}"))?;
    Ok(dir)
}

/// A server started by the bench, stopped (SIGKILL) when dropped.
pub struct ServerProcess {
    child: Child,
    /// `host:port` it listens on.
    pub addr: String,
}

impl ServerProcess {
    /// Starts `redress-server` on `listen` with the demo orders and the bench's shop token.
    /// Without `database_url` it stores in SQLite under `dir`.
    pub fn start(
        bin: &Path,
        dir: &Path,
        listen: &str,
        database_url: Option<&str>,
    ) -> Result<Self, Failure> {
        Self::start_with(bin, dir, listen, database_url, &[])
    }

    /// [`start`](Self::start) with more flags (`--www-dir`, `--policy-file`...).
    pub fn start_with(
        bin: &Path,
        dir: &Path,
        listen: &str,
        database_url: Option<&str>,
        extra: &[&std::ffi::OsStr],
    ) -> Result<Self, Failure> {
        let mut command = Command::new(bin);
        command.args(extra);
        if let Some(url) = database_url {
            command.args(["--database-url", url]);
        }
        command
            .args(["--listen", listen, "--demo", "--shop-token", SHOP_TOKEN])
            .arg("--data-dir")
            .arg(dir.join("data"))
            .arg("--config")
            .arg(dir.join("redress.toml"))
            .env_remove("DATABASE_URL");
        Self::spawn(&mut command)
    }

    /// Spawns a program that prints `... listening on http://ADDR` once it accepts.
    pub fn spawn(command: &mut Command) -> Result<Self, Failure> {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some((_, addr)) = line.split_once("listening on http://") {
                        break addr.trim().to_owned();
                    }
                }
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "{:?} exited before listening",
                        command.get_program()
                    ));
                }
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Ok(ServerProcess { child, addr })
    }

    /// The process's peak resident memory so far (Linux `VmHWM`), in bytes.
    pub fn peak_rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kib: u64 = status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())?;
        Some(kib * 1024)
    }

    /// Kills the process with SIGKILL (no graceful shutdown) and reaps it.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Runs a bench script with Node; its stdout, or what it said on stderr when it failed.
pub fn node(command: &mut Command) -> Result<String, Failure> {
    let out = command
        .output()
        .map_err(|e| format!("cannot start node: {e}"))?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(15).collect();
    Err(format!(
        "{}\n```\n{}\n```",
        out.status,
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    ))
}

fn free_port() -> Result<u16, Failure> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn ms(us: u64) -> String {
    if us < 1000 {
        format!("{us} µs")
    } else {
        format!("{:.1} ms", us as f64 / 1000.0)
    }
}
