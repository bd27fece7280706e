//! Which evidence files a shop accepts and how much of it.

use serde::Serialize;

use crate::evidence::MediaType;

/// One mebibyte, the unit the policy defaults are stated in.
pub const MIB: u64 = 1024 * 1024;

/// The limits evidence uploads must respect. They protect the shop's storage and the
/// shopper's mobile data; the widget checks them before uploading anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRules {
    /// The file types the shop accepts, by what the bytes really are.
    pub accepted: Vec<MediaType>,
    /// The largest single file, in bytes (default 10 MiB).
    pub max_file_bytes: u64,
    /// How many files one complaint may carry (default 10).
    pub max_count: u16,
    /// The largest total of all files of one complaint, in bytes (default 50 MiB).
    pub max_total_bytes: u64,
}

impl Default for EvidenceRules {
    fn default() -> Self {
        EvidenceRules {
            accepted: MediaType::ALL.to_vec(),
            max_file_bytes: 10 * MIB,
            max_count: 10,
            max_total_bytes: 50 * MIB,
        }
    }
}

impl EvidenceRules {
    /// Whether a file of this type may be attached.
    pub fn accepts(&self, media_type: MediaType) -> bool {
        self.accepted.contains(&media_type)
    }
}
