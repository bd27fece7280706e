//! Configuration: defaults, then a TOML file, then environment variables and flags.
//!
//! One place decides every setting, so a bad value refuses to start with a message naming
//! the key instead of surfacing later as a confusing request failure.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use serde::Deserialize;

use crate::client_ip::TrustedProxies;

/// The command line. Every option can also be set in the TOML file given by `--config`
/// (same name with `_` instead of `-`) or by the environment variable shown in `--help`.
#[derive(Debug, Parser)]
#[command(
    name = "redress-server",
    version,
    about = "The Redress reference complaint endpoint"
)]
pub struct Cli {
    #[command(flatten)]
    pub options: ServeOptions,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do besides serving.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import orders from a CSV file (header: order_number,email,postcode,order_date,
    /// delivery_date,items; items as `sku:quantity:name` separated by `|`) and exit.
    ImportOrders {
        /// The CSV file to read.
        file: PathBuf,
    },
    /// Trustmark mode: the trustmark's signing key and its signed member registry, kept in
    /// `<data-dir>/trustmark/` and served at `/api/trustmark/*`.
    #[command(subcommand)]
    Trustmark(TrustmarkCommand),
}

/// `redress-server trustmark ...`.
#[derive(Debug, Subcommand)]
pub enum TrustmarkCommand {
    /// Create the trustmark's first Ed25519 signing key (mode 0600) and its published keys;
    /// prints the public key and its key id.
    Keygen {
        /// The trustmark's name as documents name it, e.g. `Becom`.
        #[arg(long)]
        trustmark: String,
    },
    /// Sign the members of a JSON file (a list of core `Member`s) as the next registry
    /// version, with a membership attestation per member.
    Sign {
        /// The member list to sign.
        #[arg(long)]
        members: PathBuf,
    },
    /// Replace the signing key: the old key is published as retired from the next version.
    Rotate,
}

/// Flags shared by serving and the subcommands (they need the database too).
#[derive(Debug, Args)]
pub struct ServeOptions {
    /// Address to listen on; port 0 picks a free port (printed on start).
    #[arg(long, env = "REDRESS_LISTEN", global = true)]
    pub listen: Option<SocketAddr>,
    /// Directory for the SQLite file, the evidence files and the receipt signing key.
    #[arg(long, env = "REDRESS_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Seed the demo orders (RD-1001..) and serve the default policy unless one is configured.
    #[arg(long, env = "REDRESS_DEMO", global = true)]
    pub demo: bool,
    /// A TOML configuration file; flags and environment variables override its values.
    #[arg(long, env = "REDRESS_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Directory of static host pages served at `/`.
    #[arg(long, env = "REDRESS_WWW_DIR", global = true)]
    pub www_dir: Option<PathBuf>,
    /// Directory of the built widget bundle served at `/pkg/`.
    #[arg(long, env = "REDRESS_PKG_DIR", global = true)]
    pub pkg_dir: Option<PathBuf>,
    /// Database URL: `sqlite://FILE` (default: `<data-dir>/redress.db`) or `postgres://...`.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// A JSON complaint policy file (the core crate's `ComplaintPolicy`); default policy if absent.
    #[arg(long, env = "REDRESS_POLICY_FILE", global = true)]
    pub policy_file: Option<PathBuf>,
    /// Bearer token of the shop-side API; without it the shop-side API refuses every call.
    #[arg(
        long,
        env = "REDRESS_SHOP_TOKEN",
        global = true,
        hide_env_values = true
    )]
    pub shop_token: Option<String>,
    /// Origins allowed to call the API from a browser (CORS), comma separated.
    #[arg(
        long,
        env = "REDRESS_CORS_ORIGINS",
        value_delimiter = ',',
        global = true
    )]
    pub cors_origins: Vec<String>,
    /// Reverse proxies whose `X-Forwarded-For` names the client for the per-IP limits,
    /// comma separated addresses or CIDR networks (`127.0.0.1,10.0.0.0/8`). Without them
    /// every request counts against the address it came from.
    #[arg(
        long,
        env = "REDRESS_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    pub trusted_proxies: Vec<String>,
    /// SMTP URL for shopper notifications: `smtp://host:25` (plain), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host:465` (TLS); outbox table only if absent.
    #[arg(long, env = "REDRESS_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender address of shopper notifications.
    #[arg(long, env = "REDRESS_SMTP_FROM", global = true)]
    pub smtp_from: Option<String>,
}

/// The TOML file: the same settings as the flags, plus the limits.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub demo: Option<bool>,
    pub www_dir: Option<PathBuf>,
    pub pkg_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub policy_file: Option<PathBuf>,
    pub shop_token: Option<String>,
    pub cors_origins: Option<Vec<String>>,
    pub trusted_proxies: Option<Vec<String>>,
    pub smtp_url: Option<String>,
    pub smtp_from: Option<String>,
    pub limits: Option<Limits>,
}

/// Rate limits per fixed window: of the order lookup, of uploads and of filings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Lookups one client IP may make per window (default 60).
    pub lookups_per_ip: u32,
    /// Failed lookups of one order number per window, from anywhere (default 5).
    pub lookups_per_order: u32,
    /// Evidence uploads one client IP may make per window (default 60).
    pub uploads_per_ip: u32,
    /// Filings one client IP may have stored per window, complaints, withdrawals and
    /// trustmark complaints together (default 20). Each stored filing mails its
    /// confirmation to whatever address the form gave, so without a limit the endpoint
    /// would mail strangers for anyone. Twenty leaves room for shoppers behind one NAT (an
    /// office, a campus) each filing a couple of complaints; refused filings and replays of
    /// an `Idempotency-Key` do not count.
    pub filings_per_ip: u32,
    /// The window, in seconds (default 600).
    pub window_seconds: u64,
    /// Largest JSON request body in bytes (default 64 KiB).
    pub json_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            lookups_per_ip: 60,
            lookups_per_order: 5,
            uploads_per_ip: 60,
            filings_per_ip: 20,
            window_seconds: 600,
            json_body_bytes: 64 * 1024,
        }
    }
}

/// The settings the server runs with, every value decided.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub demo: bool,
    pub www_dir: Option<PathBuf>,
    pub pkg_dir: Option<PathBuf>,
    pub database_url: String,
    pub policy_file: Option<PathBuf>,
    pub shop_token: Option<String>,
    pub cors_origins: Vec<String>,
    pub trusted_proxies: TrustedProxies,
    pub smtp_url: Option<String>,
    pub smtp_from: String,
    pub limits: Limits,
}

/// Why the settings are unusable; the message names the key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{key}: {message}")]
    Invalid { key: &'static str, message: String },
}

impl Settings {
    /// Layers the file (if any) under the flags and environment variables.
    pub fn resolve(options: &ServeOptions) -> Result<Settings, ConfigError> {
        let file = match &options.config {
            Some(path) => read_file(path)?,
            None => FileConfig::default(),
        };
        let data_dir = options
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("./data"));
        let database_url = options
            .database_url
            .clone()
            .or(file.database_url)
            .unwrap_or_else(|| sqlite_url(&data_dir.join("redress.db")));
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            return Err(ConfigError::Invalid {
                key: "database_url",
                message: format!("must start with sqlite:// or postgres://, got {database_url:?}"),
            });
        }
        let shop_token = options.shop_token.clone().or(file.shop_token);
        if shop_token.as_ref().is_some_and(|t| t.len() < 16) {
            return Err(ConfigError::Invalid {
                key: "shop_token",
                message: "must be at least 16 characters".to_owned(),
            });
        }
        let cors_origins = if options.cors_origins.is_empty() {
            file.cors_origins.unwrap_or_default()
        } else {
            options.cors_origins.clone()
        };
        for origin in &cors_origins {
            if !(origin.starts_with("http://") || origin.starts_with("https://"))
                || origin.ends_with('/')
            {
                return Err(ConfigError::Invalid {
                    key: "cors_origins",
                    message: format!("{origin:?} is not an origin like https://shop.example"),
                });
            }
        }
        let trusted_proxies = if options.trusted_proxies.is_empty() {
            file.trusted_proxies.unwrap_or_default()
        } else {
            options.trusted_proxies.clone()
        };
        let trusted_proxies =
            TrustedProxies::parse(&trusted_proxies).map_err(|message| ConfigError::Invalid {
                key: "trusted_proxies",
                message,
            })?;
        let smtp_url = options.smtp_url.clone().or(file.smtp_url);
        let limits = file.limits.unwrap_or_default();
        if limits.window_seconds == 0 {
            return Err(ConfigError::Invalid {
                key: "limits.window_seconds",
                message: "must be at least 1".to_owned(),
            });
        }
        Ok(Settings {
            listen: options
                .listen
                .or(file.listen)
                .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080))),
            data_dir,
            demo: options.demo || file.demo.unwrap_or(false),
            www_dir: options.www_dir.clone().or(file.www_dir),
            pkg_dir: options.pkg_dir.clone().or(file.pkg_dir),
            database_url,
            policy_file: options.policy_file.clone().or(file.policy_file),
            shop_token,
            cors_origins,
            trusted_proxies,
            smtp_url,
            smtp_from: options
                .smtp_from
                .clone()
                .or(file.smtp_from)
                .unwrap_or_else(|| "complaints@localhost".to_owned()),
            limits,
        })
    }
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })?;
    toml::from_str(&text).map_err(|e| ConfigError::Parse {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

fn sqlite_url(file: &Path) -> String {
    format!("sqlite://{}?mode=rwc", file.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(args: &[&str]) -> Result<Settings, ConfigError> {
        let mut all = vec!["redress-server"];
        all.extend_from_slice(args);
        Settings::resolve(&Cli::parse_from(all).options)
    }

    #[test]
    fn defaults_put_everything_in_the_data_dir() {
        let s = settings(&["--data-dir", "/srv/redress"]).unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.database_url, "sqlite:///srv/redress/redress.db?mode=rwc");
    }

    #[test]
    fn bad_values_name_their_key() {
        let err = settings(&["--cors-origins", "shop.example"]).unwrap_err();
        assert!(err.to_string().starts_with("cors_origins:"), "{err}");
        let err = settings(&["--shop-token", "short"]).unwrap_err();
        assert!(err.to_string().starts_with("shop_token:"), "{err}");
        let err = settings(&["--database-url", "mysql://x"]).unwrap_err();
        assert!(err.to_string().starts_with("database_url:"), "{err}");
    }
}
