//! `cargo xtask demo`: builds the bundle and serves the demo shop with the real server.

use std::process::Command;

use crate::bundle;
use crate::shell::{Failure, cargo, exec, root, target_dir};

/// Builds, then runs `redress-server` in the foreground until Ctrl-C.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let listen = match args {
        [flag, addr] if flag == "--listen" => addr.clone(),
        [] => "127.0.0.1:8080".to_owned(),
        _ => return Err("usage: cargo xtask demo [--listen 127.0.0.1:8080]".into()),
    };
    bundle::run()?;
    let server = build_server()?;
    let data = root().join("data");
    std::fs::create_dir_all(&data).map_err(|e| format!("cannot create ./data: {e}"))?;
    println!("\nRedress demo shop: open");
    println!(
        "  http://{listen}/              the demo shop with the widget (launcher bottom right)"
    );
    println!("  http://{listen}/hostile.html  a hostile page: global resets and a strict CSP");
    println!("  http://{listen}/inline.html   the inline <redress-complaint> element, in Dutch");
    println!("  demo orders: RD-1001 / anna@example.com, RD-1003 / olga@example.com\n");
    exec(
        Command::new(server)
            .args(["--listen", &listen, "--data-dir", "./data", "--demo"])
            .args(["--www-dir", "www", "--pkg-dir", "pkg"])
            .current_dir(root()),
    )
}

/// Builds the server (debug: the tests share this build) and returns its path.
pub fn build_server() -> Result<std::path::PathBuf, Failure> {
    exec(cargo().args(["build", "-p", "redress-server", "--bin", "redress-server"]))?;
    Ok(target_dir().join("debug/redress-server"))
}
