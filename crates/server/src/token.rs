//! Random identifiers and secrets from the operating system's generator.

use sha2::{Digest, Sha256};

/// The OS had no randomness to give.
#[derive(Debug, thiserror::Error)]
#[error("no randomness available: {0}")]
pub struct NoRandomness(getrandom::Error);

impl From<NoRandomness> for crate::error::AppError {
    fn from(e: NoRandomness) -> Self {
        crate::error::AppError::internal(e)
    }
}

/// `bytes` random bytes as lowercase hex.
pub fn random_hex(bytes: usize) -> Result<String, NoRandomness> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).map_err(NoRandomness)?;
    Ok(hex::encode(buffer))
}

/// The stored form of a tracking token: its SHA-256, hex. The token has 128 random bits,
/// so a plain hash (no salt, no stretching) cannot be reversed by guessing.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether `token` hashes to `stored_hash`, compared in constant time.
pub fn token_matches(token: &str, stored_hash: &str) -> bool {
    use subtle::ConstantTimeEq;
    hash_token(token)
        .as_bytes()
        .ct_eq(stored_hash.as_bytes())
        .into()
}

/// A complaint reference such as `C-7K3M9Q2XAB`: 50 random bits in Crockford base 32
/// (no I, L, O, U), easy to read out on the phone. It identifies; the token authorizes.
pub fn reference() -> Result<String, NoRandomness> {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).map_err(NoRandomness)?;
    let code: String = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
        .collect();
    Ok(format!("C-{code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_readable_and_distinct() {
        let a = reference().unwrap();
        let b = reference().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 12);
        assert!(a.starts_with("C-"));
        assert!(
            a[2..]
                .chars()
                .all(|c| c.is_ascii_digit() || "ABCDEFGHJKMNPQRSTVWXYZ".contains(c))
        );
    }

    #[test]
    fn only_the_right_token_matches_its_hash() {
        let token = random_hex(16).unwrap();
        assert_eq!(token.len(), 32);
        let stored = hash_token(&token);
        assert!(token_matches(&token, &stored));
        assert!(!token_matches(&random_hex(16).unwrap(), &stored));
        assert!(!token_matches("", &stored));
    }
}
