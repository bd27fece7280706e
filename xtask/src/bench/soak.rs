//! Soak with faults: complaints with evidence are filed while the server is killed with
//! SIGKILL at random moments and restarted; afterwards the shop API must show every
//! complaint exactly once, each with its evidence byte for byte.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use super::http::{self, Answer};
use super::report::Results;
use super::server::{SHOP_TOKEN, ServerProcess, build_release_server, tempdir};
use crate::shell::Failure;

/// What the client filed for one complaint, to check against the shop's view.
struct Filed {
    reference: String,
    sha256: String,
}

/// Runs the soak; the inner result is the integrity verdict.
pub fn run(results: &mut Results, count: usize) -> Result<Result<(), Failure>, Failure> {
    let bin = build_release_server()?;
    let dir = tempdir("soak")?;
    let addr = free_addr()?;
    let server = Arc::new(Mutex::new(Some(ServerProcess::start(
        &bin, &dir, &addr, None,
    )?)));
    let done = Arc::new(AtomicBool::new(false));
    let kills = Arc::new(AtomicUsize::new(0));
    let killer = {
        let (server, done, kills) = (server.clone(), done.clone(), kills.clone());
        let (bin, dir, addr) = (bin.clone(), dir.clone(), addr.clone());
        std::thread::spawn(move || kill_at_random(&bin, &dir, &addr, &server, &done, &kills))
    };

    let started = Instant::now();
    let mut filed = BTreeMap::new();
    let mut rejected = Vec::new();
    let mut retries = 0usize;
    for index in 0..count {
        match file_one(&addr, index, count, &mut retries) {
            Ok(one) => {
                filed.insert(index, one);
            }
            Err(why) => rejected.push(format!("complaint {index}: {why}")),
        }
        if (index + 1) % 100 == 0 {
            println!(
                "soak: {} filed, {} kills so far",
                index + 1,
                kills.load(Ordering::SeqCst)
            );
        }
    }
    let elapsed = started.elapsed();
    done.store(true, Ordering::SeqCst);
    let restart = killer.join().map_err(|_| "the killer thread panicked")?;
    restart?;
    let kills = kills.load(Ordering::SeqCst);

    let mut problems = rejected;
    problems.extend(verify(&addr, count, &filed));
    // Stored evidence files beyond one per complaint: uploads retried after a lost answer.
    let orphans = count_files(&dir.join("data/evidence")).saturating_sub(count)
        + count_files(&dir.join("data/uploads"));
    let mut section = format!(
        "## Soak with faults\n\n| complaints | kills survived (SIGKILL + restart) | client retries | \
         time | unattached uploads left | integrity |\n| ---: | ---: | ---: | ---: | ---: | --- |\n\
         | {count} | {kills} | {retries} | {:.0} s | {orphans} | {} |\n",
        elapsed.as_secs_f64(),
        if problems.is_empty() {
            "ok: each complaint once, evidence SHA-256 matches".to_owned()
        } else {
            format!("**FAILED** ({} problems)", problems.len())
        }
    );
    section.push_str(
        "\nUnattached uploads are retried uploads whose answer was lost; the server expires \
         them after 24 h (not waited for here).\n",
    );
    for problem in problems.iter().take(20) {
        let _ = writeln!(section, "- {problem}");
    }
    results.add(section);
    if let Ok(mut slot) = server.lock() {
        slot.take();
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "soak integrity check failed: {}",
            problems.join("; ")
        ))
    })
}

/// Uploads one evidence file and files its complaint, retrying through kills: the upload
/// until it is stored, the complaint with the same idempotency key until it is answered.
fn file_one(addr: &str, index: usize, count: usize, retries: &mut usize) -> Result<Filed, String> {
    let evidence = evidence_bytes(index);
    let sha256 = hex(&Sha256::digest(&evidence));
    let upload_path = format!("/api/evidence?sha256={sha256}&name=soak-{index}.txt");
    let uploaded = retry(retries, || {
        http::send(
            addr,
            "POST",
            &upload_path,
            &[("Content-Type", "text/plain")],
            &evidence,
        )
    })?;
    if uploaded.status != 201 {
        return Err(format!(
            "upload answered {}: {}",
            uploaded.status,
            text(&uploaded)
        ));
    }
    let id = uploaded.json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let body = serde_json::json!({
        "language": "en",
        "draft": {
            "order_number": "RD-1001",
            "email": "anna@example.com",
            "reason": "defective_or_damaged",
            "resolution": "replacement",
            "description": format!("Soak complaint {index} of {count}: the left ear cup arrived cracked."),
            "evidence": [{"file_name": format!("soak-{index}.txt"), "media_type": "text/plain",
                          "size_bytes": evidence.len(), "sha256": sha256}],
        },
        "evidence_ids": [id],
    })
    .to_string();
    let key = format!("soak-{}-{index}", std::process::id());
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", key.as_str()),
    ];
    let answer = retry(retries, || {
        http::send(addr, "POST", "/api/complaints", &headers, body.as_bytes())
    })?;
    if answer.status != 201 {
        return Err(format!(
            "filing answered {}: {}",
            answer.status,
            text(&answer)
        ));
    }
    let reference = answer.json()["reference"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    Ok(Filed { reference, sha256 })
}

/// Repeats a request while the server is down or answers 5xx (killed mid-request).
fn retry(
    retries: &mut usize,
    mut request: impl FnMut() -> std::io::Result<Answer>,
) -> Result<Answer, String> {
    for _ in 0..2_000 {
        match request() {
            Ok(answer) if answer.status < 500 => return Ok(answer),
            _ => {
                *retries += 1;
                std::thread::sleep(Duration::from_millis(25));
            }
        }
    }
    Err("the server stayed unreachable for ~50 s".to_owned())
}

/// Checks through the shop API: N complaints, each once, each with its evidence intact.
fn verify(addr: &str, count: usize, filed: &BTreeMap<usize, Filed>) -> Vec<String> {
    let auth = format!("Bearer {SHOP_TOKEN}");
    let headers = [("Authorization", auth.as_str())];
    let get = |path: &str| http::send(addr, "GET", path, &headers, b"");
    let mut problems = Vec::new();
    let listed = match get("/api/shop/complaints") {
        Ok(answer) if answer.status == 200 => answer.json(),
        Ok(answer) => return vec![format!("the shop list answered {}", answer.status)],
        Err(e) => return vec![format!("the shop list failed: {e}")],
    };
    let references: Vec<String> = listed
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|c| c["reference"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    if references.len() != count {
        problems.push(format!(
            "the shop lists {} complaints, expected {count}",
            references.len()
        ));
    }
    let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
    for reference in &references {
        let detail = match get(&format!("/api/shop/complaints/{reference}")) {
            Ok(answer) if answer.status == 200 => answer,
            _ => {
                problems.push(format!("{reference}: cannot read it"));
                continue;
            }
        };
        let Some(index) = soak_index(&text(&detail)) else {
            problems.push(format!("{reference}: not a soak complaint"));
            continue;
        };
        *seen.entry(index).or_default() += 1;
        let expected = filed.get(&index);
        if expected.is_some_and(|f| &f.reference != reference) {
            problems.push(format!(
                "complaint {index} stored as {reference}, the client got another reference"
            ));
        }
        let evidence = detail.json()["evidence"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if evidence.len() != 1 {
            problems.push(format!(
                "{reference}: {} evidence files, expected 1",
                evidence.len()
            ));
        }
        for item in evidence {
            let id = item["id"].as_str().unwrap_or_default();
            match get(&format!("/api/shop/complaints/{reference}/evidence/{id}")) {
                Ok(file) if file.status == 200 => {
                    let actual = hex(&Sha256::digest(&file.body));
                    if Some(actual.as_str()) != expected.map(|f| f.sha256.as_str()) {
                        problems.push(format!("{reference}: evidence {id} has SHA-256 {actual}"));
                    }
                }
                _ => problems.push(format!("{reference}: evidence {id} cannot be downloaded")),
            }
        }
    }
    for (index, times) in &seen {
        if *times > 1 {
            problems.push(format!("complaint {index} stored {times} times"));
        }
    }
    for index in 0..count {
        if !seen.contains_key(&index) {
            problems.push(format!("complaint {index} is missing"));
        }
    }
    problems
}

/// Kills the server with SIGKILL every 20-200 ms and starts it again on the same address.
fn kill_at_random(
    bin: &Path,
    dir: &Path,
    addr: &str,
    server: &Mutex<Option<ServerProcess>>,
    done: &AtomicBool,
    kills: &AtomicUsize,
) -> Result<(), Failure> {
    let mut state = u64::from(std::process::id()) ^ 0x9e37_79b9_7f4a_7c15;
    while !done.load(Ordering::SeqCst) {
        // xorshift: fault times need to vary, not to be unpredictable.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let wait = Duration::from_millis(20 + state % 180);
        let until = Instant::now() + wait;
        while Instant::now() < until && !done.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(20));
        }
        if done.load(Ordering::SeqCst) {
            break;
        }
        let mut slot = server.lock().map_err(|_| "server lock poisoned")?;
        if let Some(mut running) = slot.take() {
            running.stop();
            kills.fetch_add(1, Ordering::SeqCst);
        }
        let mut attempt = 0;
        *slot = Some(loop {
            match ServerProcess::start(bin, dir, addr, None) {
                Ok(started) => break started,
                Err(e) if attempt >= 50 => return Err(format!("restart failed: {e}")),
                Err(_) => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        });
    }
    Ok(())
}

/// The complaint number in a shop detail answer ("Soak complaint N of ...").
fn soak_index(detail: &str) -> Option<usize> {
    let (_, after) = detail.split_once("Soak complaint ")?;
    after.split(' ').next()?.parse().ok()
}

/// A few KB of text unique to complaint `index`.
fn evidence_bytes(index: usize) -> Vec<u8> {
    format!("Soak evidence for complaint {index}: the left ear cup is cracked.\n")
        .repeat(64)
        .into_bytes()
}

fn free_addr() -> Result<String, Failure> {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    Ok(addr.to_string())
}

/// Regular files under `dir`, at any depth.
fn count_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => count_files(&entry.path()),
            Ok(kind) if kind.is_file() => 1,
            _ => 0,
        })
        .sum()
}

fn text(answer: &Answer) -> String {
    String::from_utf8_lossy(&answer.body).into_owned()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
