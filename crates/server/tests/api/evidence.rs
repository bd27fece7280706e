use sha2::{Digest, Sha256};

use crate::helpers::{MAX_FILE_BYTES, TestServer, json};

/// A 1x1 PNG: signature, IHDR, IEND (the stripper does not check CRCs or pixels).
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\0IEND\xaeB`\x82";

/// The same PNG with a text chunk holding a camera location, as an unstripped photo has.
fn png_with_location() -> Vec<u8> {
    let text = b"XML:com.adobe.xmp\0<rdf:Description exif:GPSLatitude=\"52,22.2N\"/>";
    let mut png = PNG[..PNG.len() - 12].to_vec();
    png.extend_from_slice(&(text.len() as u32).to_be_bytes());
    png.extend_from_slice(b"tEXt");
    png.extend_from_slice(text);
    png.extend_from_slice(&[0, 0, 0, 0]);
    png.extend_from_slice(&PNG[PNG.len() - 12..]);
    png
}

#[tokio::test]
async fn an_image_still_carrying_its_location_is_refused() {
    let server = TestServer::start();
    let response = server
        .upload(&png_with_location(), "image/png", "IMG_0001.png")
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(json(response).await["error"], "evidence.location_metadata");
    assert!(server.stored_files().is_empty());
}

#[tokio::test]
async fn an_upload_is_stored_by_its_hash_never_by_the_shoppers_name() {
    let server = TestServer::start();
    let response = server
        .upload(
            b"Chat log: the seller promised a refund.",
            "text/plain",
            "../../etc/passwd",
        )
        .await;
    assert_eq!(response.status(), 201);
    let stored = json(response).await;
    let hash = stored["sha256"].as_str().unwrap().to_owned();
    assert_eq!(stored["name"], "passwd");
    assert!(stored["id"].as_str().unwrap().starts_with("ev_"));
    let files = server.stored_files();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with(format!("evidence/{}/{hash}", &hash[..2])));
    assert!(!server.dir.path().join("etc").exists());
}

#[tokio::test]
async fn a_file_lying_about_its_type_is_refused_and_not_kept() {
    let server = TestServer::start();
    let response = server.upload(PNG, "image/jpeg", "photo.jpg").await;
    assert_eq!(response.status(), 422);
    assert_eq!(json(response).await["error"], "evidence.type_mismatch");
    assert!(server.stored_files().is_empty());

    let honest = server.upload(PNG, "image/png", "photo.png").await;
    assert_eq!(honest.status(), 201);
}

#[tokio::test]
async fn a_type_the_shop_does_not_accept_is_refused() {
    let server = TestServer::start();
    let response = server
        .upload(b"MZ\x90\0", "application/x-msdownload", "setup.exe")
        .await;
    assert_eq!(response.status(), 415);
    assert_eq!(json(response).await["error"], "evidence.type_not_accepted");
}

#[tokio::test]
async fn bytes_that_do_not_match_the_declared_hash_are_refused() {
    let server = TestServer::start();
    let wrong = hex::encode(Sha256::digest(b"something else"));
    let response = server
        .client
        .post(server.url("/api/evidence"))
        .query(&[("sha256", wrong.as_str())])
        .header("content-type", "text/plain")
        .body("the real bytes")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(json(response).await["error"], "evidence.hash_mismatch");
    assert!(server.stored_files().is_empty());
}

#[tokio::test]
async fn an_announced_oversized_upload_is_refused_before_reading() {
    let server = TestServer::start();
    let bytes = vec![b'a'; usize::try_from(MAX_FILE_BYTES).unwrap() + 1];
    let response = server.upload(&bytes, "text/plain", "big.txt").await;
    assert_eq!(response.status(), 413);
    assert_eq!(json(response).await["error"], "evidence.too_large");
    assert!(server.stored_files().is_empty());
}

#[tokio::test]
async fn a_two_gigabyte_stream_is_cut_at_the_cap() {
    let server = TestServer::start();
    // 2 GiB in 64 KiB chunks, generated lazily and sent without a Content-Length, so
    // only the server's streaming cap can stop it.
    let chunk = bytes::Bytes::from(vec![b'a'; 64 * 1024]);
    let chunks = (0..32 * 1024).map(move |_| Ok::<_, std::io::Error>(chunk.clone()));
    let body = reqwest::Body::wrap_stream(futures_util::stream::iter(chunks));
    let hash = "0".repeat(64);
    let outcome = server
        .client
        .post(server.url("/api/evidence"))
        .query(&[("sha256", hash.as_str())])
        .header("content-type", "text/plain")
        .body(body)
        .send()
        .await;
    // The server answers 413 and closes; depending on timing the client sees the answer
    // or a reset connection. Either way nothing is stored.
    if let Ok(response) = outcome {
        assert_eq!(response.status(), 413);
    }
    assert!(server.stored_files().is_empty());
    // Streaming means the 2 GiB never sit in memory: the peak stays far below them (a
    // server that buffered the body would pass 2 GiB; a debug build idles near 20 MiB).
    let peak = server.peak_memory_bytes();
    assert!(peak < 256 * 1024 * 1024, "peak memory {peak} bytes");
    let health = server
        .client
        .get(server.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
}
