//! One plain HTTP/1.1 request over a TcpStream, with timeouts: the check before each timed run
//! that the workload gets the answer it is meant to get (201, 400 invalid_token, 200 with ten
//! groups). wrk only counts statuses above 399, so this is what tells a 400 from a 401.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use anyhow::{bail, ensure, Context, Result};

pub const API: &str = "/api/v3/onezone";

pub struct Reply {
    pub status: u16,
    pub body: String,
}

pub fn request(addr: &str, method: &str, path: &str, token: Option<&str>, body: Option<&str>) -> Result<Reply> {
    let mut stream = TcpStream::connect(addr).with_context(|| format!("cannot connect to {addr}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let token = token.map_or(String::new(), |t| format!("X-Auth-Token: {t}\r\n"));
    let content =
        body.map_or(String::new(), |b| format!("Content-Type: application/json\r\nContent-Length: {}\r\n", b.len()));
    let head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{token}{content}\r\n");
    stream.write_all((head + body.unwrap_or("")).as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status: u16 = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("no status line in {:?}", text.lines().next()))?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Ok(Reply { status, body })
}

/// A join with this pair must answer 201.
pub fn check_join(addr: &str, access: &str, invite: &str) -> Result<()> {
    let r = request(addr, "POST", &format!("{API}/user/groups/join"), Some(access), Some(&join_body(invite)))?;
    ensure!(r.status == 201, "a join answered {} (expected 201): {}", r.status, r.body.trim());
    Ok(())
}

/// A join with a forged invite must answer 400 invalid_token.
pub fn check_reject(addr: &str, access: &str, invite: &str) -> Result<()> {
    let r = request(addr, "POST", &format!("{API}/user/groups/join"), Some(access), Some(&join_body(invite)))?;
    if r.status != 400 || !r.body.contains("invalid_token") {
        bail!("a forged invite answered {} (expected 400 invalid_token): {}", r.status, r.body.trim());
    }
    Ok(())
}

/// A reader's group list must answer 200 with `groups` ids in it (`None`: at least one).
pub fn check_read(addr: &str, access: &str, groups: Option<usize>) -> Result<()> {
    let r = request(addr, "GET", &format!("{API}/user/groups"), Some(access), None)?;
    // Ids are 32 hex characters: count them instead of parsing (the body may be chunked).
    let ids = r.body.split('"').filter(|s| s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())).count();
    if r.status != 200 || groups.map_or(ids == 0, |n| ids != n) {
        bail!("a reader's groups answered {} with {ids} ids (expected 200 with {groups:?})", r.status);
    }
    Ok(())
}

fn join_body(invite: &str) -> String {
    format!("{{\"token\":\"{invite}\"}}")
}
