//! Token surgery, done the way a token's holder (or an attacker) could: attenuation with a
//! caveat, re-encoding between Onedata's escaped form and plain base64, and byte-level tampering
//! with the libmacaroons v1 packets.

use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;
use oz_groups::tokens::Macaroon;

/// The holder adds a first-party caveat (no secret needed).
pub fn attenuate(token: &str, caveat: &str) -> String {
    let mut macaroon = Macaroon::deserialize(token).expect("a token this server minted parses");
    macaroon.add_first_party_caveat(caveat);
    macaroon.serialize()
}

/// Onedata's escaped form (as minted) back to plain base64url without padding.
pub fn unescape(escaped: &str) -> String {
    let mut out = String::new();
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        if c != '0' {
            out.push(c);
            continue;
        }
        out.push(match chars.next().expect("an escape pair") {
            '0' => '0',
            '1' => '_',
            '2' => '-',
            '3' => '/',
            '4' => '+',
            '5' => '=',
            other => panic!("not an escape: 0{other}"),
        });
    }
    out
}

/// Plain base64url to Onedata's escaped form.
pub fn escape(base64: &str) -> String {
    base64
        .chars()
        .map(|c| match c {
            '0' => "00".to_owned(),
            '_' => "01".to_owned(),
            '-' => "02".to_owned(),
            '/' => "03".to_owned(),
            '+' => "04".to_owned(),
            '=' => "05".to_owned(),
            other => other.to_string(),
        })
        .collect()
}

/// The libmacaroons v1 packets of an escaped token.
pub fn to_binary(token: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(unescape(token)).expect("the token is base64url")
}

/// Escaped token text for v1 packets.
pub fn from_binary(bytes: &[u8]) -> String {
    escape(&URL_SAFE_NO_PAD.encode(bytes))
}

/// The same token as plain base64url, padded.
pub fn padded_base64url(token: &str) -> String {
    URL_SAFE.encode(to_binary(token))
}

/// Flips one bit of the last signature byte: a well-formed token with a bad signature.
pub fn flip_signature(token: &str) -> String {
    let mut bytes = to_binary(token);
    let last = bytes.len() - 2; // the byte before the signature packet's newline
    bytes[last] ^= 0x01;
    from_binary(&bytes)
}

/// Replaces `from` with `to` (same length, so packet lengths stay right) in the packets: a
/// well-formed token whose caveat was edited after signing.
pub fn tamper(token: &str, from: &str, to: &str) -> String {
    assert_eq!(from.len(), to.len(), "tampering must keep the packet lengths");
    let bytes = to_binary(token);
    let at = bytes
        .windows(from.len())
        .position(|w| w == from.as_bytes())
        .unwrap_or_else(|| panic!("{from:?} is not in the token"));
    let mut out = bytes.clone();
    out[at..at + from.len()].copy_from_slice(to.as_bytes());
    from_binary(&out)
}

/// The identifier of a token.
pub fn identifier(token: &str) -> String {
    Macaroon::deserialize(token).expect("a macaroon").identifier().to_owned()
}
