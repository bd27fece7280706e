//! Starting the real server for a test, and the PostgreSQL it may run against.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use sha2::{Digest, Sha256};

/// The bearer token the test servers accept on the shop-side API.
pub const SHOP_TOKEN: &str = "test-shop-token-0123456789";
/// The evidence cap of the test policy (1 MiB), so "too large" tests stay small.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// How a test server is started.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub database_url: Option<String>,
    /// Extra TOML appended to the config file (e.g. a `[limits]` table).
    pub config: String,
    /// Keys of the policy JSON beside the test's evidence cap, e.g.
    /// `"order_lookup": {"key": "post_code", "required": true}`.
    pub policy: String,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            database_url: None,
            config: "[limits]\nlookups_per_ip = 1000\nlookups_per_order = 1000\n".to_owned(),
            policy: String::new(),
        }
    }
}

/// A running server; killed when dropped.
pub struct TestServer {
    pub base: String,
    pub client: reqwest::Client,
    pub dir: tempfile::TempDir,
    options: ServerOptions,
    child: Child,
}

impl TestServer {
    /// Starts a server on SQLite in a fresh temp directory with the demo orders.
    pub fn start() -> TestServer {
        Self::start_with(ServerOptions::default())
    }

    pub fn start_with(options: ServerOptions) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let (child, base) = launch(dir.path(), &options);
        TestServer {
            base,
            client: reqwest::Client::new(),
            dir,
            options,
            child,
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the server to exit on its own.
    /// The server process's peak resident memory so far (Linux `VmHWM`), in bytes.
    pub fn peak_memory_bytes(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("the server's /proc status");
        let kib: u64 = status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .expect("a VmHWM line");
        kib * 1024
    }

    pub fn wait(&mut self) -> std::process::ExitStatus {
        self.child.wait().expect("wait for the server")
    }

    /// SIGKILLs the server: no shutdown, no cleanup.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the server again on the same data directory and database.
    pub fn restart(&mut self) {
        self.kill();
        let (child, base) = launch(self.dir.path(), &self.options);
        self.child = child;
        self.base = base;
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// Uploads `bytes` declared as `media_type` with their true hash.
    pub async fn upload(&self, bytes: &[u8], media_type: &str, name: &str) -> reqwest::Response {
        let hash = hex::encode(Sha256::digest(bytes));
        self.client
            .post(self.url("/api/evidence"))
            .query(&[("sha256", hash.as_str()), ("name", name)])
            .header("content-type", media_type)
            .body(bytes.to_vec())
            .send()
            .await
            .expect("upload")
    }

    /// Files written under the data directory's evidence and upload folders.
    pub fn stored_files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for sub in ["evidence", "uploads"] {
            collect_files(&self.data_dir().join(sub), &mut files);
        }
        files
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.kill();
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn launch(dir: &Path, options: &ServerOptions) -> (Child, String) {
    let policy = dir.join("policy.json");
    std::fs::write(
        &policy,
        format!(
            r#"{{"evidence": {{"max_file_bytes": {MAX_FILE_BYTES}}}{}{}}}"#,
            if options.policy.is_empty() { "" } else { ", " },
            options.policy
        ),
    )
    .expect("policy file");
    let config = dir.join("redress.toml");
    std::fs::write(&config, &options.config).expect("config file");
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("server.log"))
        .expect("log file");
    let mut command = Command::new(env!("CARGO_BIN_EXE_redress-server"));
    command
        .arg("--listen")
        .arg("127.0.0.1:0")
        .arg("--data-dir")
        .arg(dir.join("data"))
        .arg("--demo")
        .arg("--config")
        .arg(&config)
        .arg("--policy-file")
        .arg(&policy)
        .arg("--shop-token")
        .arg(SHOP_TOKEN)
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(log);
    if let Some(url) = &options.database_url {
        command.arg("--database-url").arg(url);
    }
    let mut child = command.spawn().expect("start redress-server");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read stdout");
    let Some(address) = line.trim().strip_prefix("redress-server listening on ") else {
        let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
        panic!("server did not start: {line:?}\n{log}");
    };
    (child, address.to_owned())
}

/// A PostgreSQL server in a temp directory on a free loopback port; stopped when dropped.
pub struct Postgres {
    pub url: String,
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
}

impl Postgres {
    /// Starts PostgreSQL; fails (never skips) when the binaries are missing.
    pub fn start() -> Postgres {
        let bin = find_postgres_bin().unwrap_or_else(|| {
            panic!(
                "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: run `cargo xtask setup` (it installs Debian's postgresql package)"
            )
        });
        let dir = tempfile::tempdir().expect("temp dir");
        // PostgreSQL refuses to run as root: run it as the `postgres` OS user then.
        let as_postgres = is_root();
        if as_postgres {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown of the PostgreSQL temp dir failed");
        }
        let data = dir.path().join("pgdata");
        let mut pg = Postgres {
            url: String::new(),
            dir,
            bin,
            as_postgres,
        };
        pg.run(
            "initdb",
            &[
                "-D",
                path_str(&data),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
            ],
        );
        let port = free_port();
        let socket_dir = pg.dir.path().to_owned();
        let options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
            socket_dir.display()
        );
        let log = pg.dir.path().join("postgres.log");
        pg.run(
            "pg_ctl",
            &[
                "-D",
                path_str(&data),
                "-o",
                &options,
                "-l",
                path_str(&log),
                "-w",
                "start",
            ],
        );
        pg.url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
        pg
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let output = command.args(args).output().expect("run PostgreSQL tool");
        assert!(
            output.status.success(),
            "{tool} failed: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("pgdata");
        let program = self.bin.join("pg_ctl");
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let _ = command
            .args(["-D", path_str(&data), "-m", "immediate", "stop"])
            .output();
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

fn find_postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// The JSON body of a response.
pub async fn json(response: reqwest::Response) -> serde_json::Value {
    response.json().await.expect("JSON body")
}

/// Starts the server with the config file `config` and expects it to refuse: its stderr,
/// which should name the key that is wrong.
pub fn refused_config(config: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_redress-server"))
        .arg("--config")
        .arg(&path)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert!(
        !output.status.success(),
        "the server started with {config:?}"
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}
