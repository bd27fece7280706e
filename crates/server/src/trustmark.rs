//! Trustmark mode, the signing side: `redress-server trustmark keygen|sign|rotate` keep a
//! trustmark's Ed25519 key, its published keys and its signed member registry in the data
//! directory, and the `/api/trustmark/*` routes serve those files as they are on disk.
//!
//! Layout under `<data-dir>/trustmark/`:
//! - `signing.key`: the current private key (64 hex characters, mode 0600);
//! - `retired-<key_id>.key`: keys replaced by `rotate`, kept for the record;
//! - `keys.json`: the published keys in `TrustedKeys::from_json`'s format;
//! - `registry.json`: the signed registry (envelope format of `redress_core::trustmark`);
//! - `attestations.json`: `{member_id: signed attestation}` for every member of it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use redress_core::escalation::BodyName;
use redress_core::json::FromJson;
use redress_core::trustmark::{Member, attestation_payload, registry_payload};
use serde::{Deserialize, Serialize};

use crate::receipt::{KeyError, Receipt, ReceiptSigner};

/// Why a trustmark command failed; every message names the file and the problem.
#[derive(Debug, thiserror::Error)]
pub enum TrustmarkCliError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error("no trustmark key in {0}: run `redress-server trustmark keygen` first")]
    NoKey(String),
    #[error("{0} already holds a trustmark key: use `redress-server trustmark rotate`")]
    KeyExists(String),
}

/// The published keys, as `TrustedKeys::from_json` reads them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedKeys {
    pub trustmark: BodyName,
    pub keys: Vec<PublishedKey>,
}

/// One published key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedKey {
    pub key_id: String,
    pub public_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_from: Option<u64>,
}

/// The trustmark files of one data directory.
#[derive(Debug, Clone)]
pub struct TrustmarkDir(PathBuf);

impl TrustmarkDir {
    /// The trustmark folder of `data_dir`.
    pub fn of(data_dir: &Path) -> TrustmarkDir {
        TrustmarkDir(data_dir.join("trustmark"))
    }
    fn signing_key(&self) -> PathBuf {
        self.0.join("signing.key")
    }
    /// The published keys file.
    pub fn keys(&self) -> PathBuf {
        self.0.join("keys.json")
    }
    /// The signed registry file; its presence switches the routes on.
    pub fn registry(&self) -> PathBuf {
        self.0.join("registry.json")
    }
    /// The signed attestations file.
    pub fn attestations(&self) -> PathBuf {
        self.0.join("attestations.json")
    }

    /// Creates the first signing key of `trustmark`; refuses when one exists.
    pub fn keygen(&self, trustmark: &str) -> Result<PublishedKey, TrustmarkCliError> {
        let trustmark = BodyName::parse(trustmark).map_err(|e| TrustmarkCliError::Invalid {
            path: "--trustmark".to_owned(),
            message: e.to_string(),
        })?;
        if self.signing_key().exists() || self.keys().exists() {
            return Err(TrustmarkCliError::KeyExists(shown(&self.0)));
        }
        self.create_dir()?;
        let key = published(&ReceiptSigner::load_or_create(&self.signing_key())?);
        let keys = PublishedKeys {
            trustmark,
            keys: vec![key.clone()],
        };
        write_json(&self.keys(), &keys)?;
        Ok(key)
    }

    /// Replaces the signing key: the old one is published as retired from the next
    /// registry version, which the new key signs.
    pub fn rotate(&self) -> Result<PublishedKey, TrustmarkCliError> {
        let mut keys = self.published_keys()?;
        let old = self.signer()?;
        let next = self.current_version()? + 1;
        let old_id = old.public().key_id;
        for key in keys.keys.iter_mut().filter(|k| k.key_id == old_id) {
            key.retired_from = Some(next);
        }
        let retired = self.0.join(format!("retired-{old_id}.key"));
        std::fs::rename(self.signing_key(), &retired).map_err(|source| TrustmarkCliError::Io {
            path: shown(&retired),
            source,
        })?;
        let key = published(&ReceiptSigner::load_or_create(&self.signing_key())?);
        keys.keys.push(key.clone());
        write_json(&self.keys(), &keys)?;
        Ok(key)
    }

    /// Signs the members of `members_file` as the next registry version, with an
    /// attestation per member; returns the new version.
    pub fn sign(
        &self,
        members_file: &Path,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, TrustmarkCliError> {
        let path = shown(members_file);
        let text =
            std::fs::read_to_string(members_file).map_err(|source| TrustmarkCliError::Io {
                path: path.clone(),
                source,
            })?;
        let members =
            Vec::<Member>::from_json_text(&text).map_err(|e| TrustmarkCliError::Invalid {
                path: path.clone(),
                message: format!("not a member list: {e}"),
            })?;
        let keys = self.published_keys()?;
        let signer = self.signer()?;
        let version = self.current_version()? + 1;
        let invalid = |e: redress_core::trustmark::TrustmarkError| TrustmarkCliError::Invalid {
            path: path.clone(),
            message: e.to_string(),
        };
        let registry =
            registry_payload(&keys.trustmark, version, now, &members).map_err(invalid)?;
        let attestations = members
            .iter()
            .map(|member| {
                let payload =
                    attestation_payload(&keys.trustmark, version, member).map_err(invalid)?;
                Ok((
                    member.member_id().as_ref().to_owned(),
                    signer.sign_text(payload),
                ))
            })
            .collect::<Result<BTreeMap<String, Receipt>, TrustmarkCliError>>()?;
        write_json(&self.attestations(), &attestations)?;
        write_json(&self.registry(), &signer.sign_text(registry))?;
        Ok(version)
    }

    fn signer(&self) -> Result<ReceiptSigner, TrustmarkCliError> {
        if !self.signing_key().exists() {
            return Err(TrustmarkCliError::NoKey(shown(&self.0)));
        }
        Ok(ReceiptSigner::load_or_create(&self.signing_key())?)
    }

    fn published_keys(&self) -> Result<PublishedKeys, TrustmarkCliError> {
        let path = self.keys();
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| TrustmarkCliError::Invalid {
                path: shown(&path),
                message: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(TrustmarkCliError::NoKey(shown(&self.0)))
            }
            Err(source) => Err(TrustmarkCliError::Io {
                path: shown(&path),
                source,
            }),
        }
    }

    /// The version of the registry on disk, 0 before the first `sign`.
    fn current_version(&self) -> Result<u64, TrustmarkCliError> {
        let path = self.registry();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(source) => {
                return Err(TrustmarkCliError::Io {
                    path: shown(&path),
                    source,
                });
            }
        };
        serde_json::from_str::<Receipt>(&text)
            .ok()
            .and_then(|envelope| serde_json::from_str::<serde_json::Value>(&envelope.signed).ok())
            .and_then(|payload| payload.get("version").and_then(serde_json::Value::as_u64))
            .ok_or_else(|| TrustmarkCliError::Invalid {
                path: shown(&path),
                message: "not a signed registry with a version".to_owned(),
            })
    }

    fn create_dir(&self) -> Result<(), TrustmarkCliError> {
        std::fs::create_dir_all(&self.0).map_err(|source| TrustmarkCliError::Io {
            path: shown(&self.0),
            source,
        })
    }
}

fn published(signer: &ReceiptSigner) -> PublishedKey {
    let public = signer.public();
    PublishedKey {
        key_id: public.key_id,
        public_key: public.public_key,
        retired_from: None,
    }
}

/// Writes through a temporary file and a rename, so the server never serves half a file.
fn write_json(path: &Path, value: &impl Serialize) -> Result<(), TrustmarkCliError> {
    let io = |source| TrustmarkCliError::Io {
        path: shown(path),
        source,
    };
    let text = serde_json::to_string_pretty(value).map_err(|e| io(e.into()))?;
    let temporary = path.with_extension("json.tmp");
    std::fs::write(&temporary, text).map_err(io)?;
    std::fs::rename(&temporary, path).map_err(io)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Runs a `trustmark` subcommand against `data_dir`, printing what it did; the exit code
/// is 1 with the error on standard error when it fails.
pub fn run(data_dir: &Path, command: crate::config::TrustmarkCommand) -> std::process::ExitCode {
    use crate::config::TrustmarkCommand;
    let dir = TrustmarkDir::of(data_dir);
    let outcome = match command {
        TrustmarkCommand::Keygen { trustmark } => dir.keygen(&trustmark).map(|key| {
            println!("public_key {}\nkey_id {}", key.public_key, key.key_id);
        }),
        TrustmarkCommand::Rotate => dir.rotate().map(|key| {
            println!("public_key {}\nkey_id {}", key.public_key, key.key_id);
        }),
        TrustmarkCommand::Sign { members } => dir
            .sign(&members, chrono::Utc::now())
            .map(|version| println!("signed registry version {version}")),
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("redress-server trustmark: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
