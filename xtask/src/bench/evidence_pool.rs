//! The evidence the throughput load references: a complaint attaches an upload once (a
//! second complaint naming the same id is refused with `evidence.unavailable`), so before
//! each load the bench uploads a pool of fresh pairs and the wrk script gives every
//! request its own pair. The two files' bytes are the same in every pair (stored once,
//! content-addressed), so the draft's evidence list is one constant.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use sha2::{Digest, Sha256};

use super::http;
use crate::shell::Failure;

/// Clients uploading the pool at once.
const UPLOADERS: usize = 16;

/// The two files of every benchmark complaint.
pub struct EvidencePair {
    files: [(&'static str, Vec<u8>, String); 2],
}

impl EvidencePair {
    pub fn new() -> Self {
        let file = |name: &'static str, line: &str| {
            let bytes = line.repeat(24).into_bytes();
            let sha256 = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            (name, bytes, sha256)
        };
        EvidencePair {
            files: [
                file("notes.txt", "Photo notes: the left ear cup is cracked.\n"),
                file(
                    "delivery.txt",
                    "Delivery note: the box was dented on arrival.\n",
                ),
            ],
        }
    }

    /// The draft's `evidence` list (JSON), matching every uploaded pair.
    pub fn draft_json(&self) -> String {
        let entries: Vec<serde_json::Value> = self
            .files
            .iter()
            .map(|(name, bytes, sha256)| {
                serde_json::json!({"file_name": name, "media_type": "text/plain",
                    "size_bytes": bytes.len(), "sha256": sha256})
            })
            .collect();
        serde_json::Value::from(entries).to_string()
    }

    /// Uploads `count` pairs to the server at `addr`; one `ID_A ID_B` line per pair and
    /// the uploads per second reached.
    pub fn upload_pool(&self, addr: &str, count: usize) -> Result<(Vec<String>, f64), Failure> {
        let started = Instant::now();
        let next = AtomicUsize::new(0);
        let uploaded: Vec<Result<Vec<String>, Failure>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..UPLOADERS)
                .map(|_| {
                    scope.spawn(|| {
                        let mut lines = Vec::new();
                        while next.fetch_add(1, Ordering::Relaxed) < count {
                            let a = self.upload(addr, 0)?;
                            let b = self.upload(addr, 1)?;
                            lines.push(format!("{a} {b}"));
                        }
                        Ok(lines)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|_| Err("an uploader panicked".into()))
                })
                .collect()
        });
        let seconds = started.elapsed().as_secs_f64().max(1e-3);
        let mut lines = Vec::with_capacity(count);
        for batch in uploaded {
            lines.extend(batch?);
        }
        Ok((lines, 2.0 * count as f64 / seconds))
    }

    fn upload(&self, addr: &str, which: usize) -> Result<String, Failure> {
        let (name, bytes, sha256) = &self.files[which];
        let path = format!("/api/evidence?sha256={sha256}&name={name}");
        let answer = http::send(
            addr,
            "POST",
            &path,
            &[("Content-Type", "text/plain")],
            bytes,
        )
        .map_err(|e| format!("evidence upload failed: {e}"))?;
        if answer.status != 201 {
            return Err(format!(
                "evidence upload answered {}: {}",
                answer.status,
                String::from_utf8_lossy(&answer.body)
            ));
        }
        answer.json()["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| "evidence upload answered no id".to_owned())
    }
}

/// The pairs the wrk script did not reach: thread `t` of `threads` (1-based) took lines
/// `t-1, t-1+threads, ...` of `pool` in order and used the first `used[t]` of them.
pub fn unused(pool: &[String], threads: usize, used: &[(usize, usize)]) -> Vec<String> {
    let threads = threads.max(1);
    let taken = |line: usize| {
        let thread = line % threads + 1;
        let rank = line / threads;
        used.iter()
            .find(|(t, _)| *t == thread)
            .is_some_and(|(_, count)| rank < *count)
    };
    pool.iter()
        .enumerate()
        .filter(|(line, _)| !taken(*line))
        .map(|(_, pair)| pair.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pairs_a_thread_reached_are_used_up() {
        let pool: Vec<String> = (0..7).map(|n| n.to_string()).collect();
        // Thread 1 has lines 0, 2, 4, 6 and used 2; thread 2 has 1, 3, 5 and used 3.
        assert_eq!(unused(&pool, 2, &[(1, 2), (2, 3)]), ["4", "6"]);
        assert_eq!(unused(&pool, 1, &[(1, 10)]), Vec::<String>::new());
        assert_eq!(unused(&pool, 1, &[]), pool);
    }
}
