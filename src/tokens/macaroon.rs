//! Owns the macaroon data type, its HMAC signature chain and the libmacaroons v1 wire format with Onedata's alphanumeric escape; it must not decide what a caveat means, touch storage or I/O, or log token contents.

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::LazyLock;
use subtle::ConstantTimeEq;

/// The longest token text `Macaroon::deserialize` looks at, in bytes.
///
/// Real tokens are a few hundred bytes; the cap bounds the work an anonymous
/// caller can make the server do.
pub const MAX_TOKEN_LEN: usize = 64 * 1024;

/// The largest packet the four hex digits of the length prefix can describe.
const MAX_PACKET_LEN: usize = 0xffff;

/// Bytes of a packet that are not its key or value: the length prefix, the space and the newline.
const PACKET_OVERHEAD: usize = 4 + 1 + 1;

const KEY_LOCATION: &[u8] = b"location";
const KEY_IDENTIFIER: &[u8] = b"identifier";
const KEY_CID: &[u8] = b"cid";
const KEY_VID: &[u8] = b"vid";
const KEY_CL: &[u8] = b"cl";
const KEY_SIGNATURE: &[u8] = b"signature";

/// The fixed key libmacaroons uses to turn a caller's root secret into the first HMAC key.
///
/// libmacaroons zero-pads it to 32 bytes; HMAC pads short keys with zeros anyway,
/// but padding here keeps the derivation byte-for-byte what the reference does.
const KEY_GENERATOR: &[u8; 32] = b"macaroons-key-generator\0\0\0\0\0\0\0\0\0";

/// HMAC-SHA256 under `KEY_GENERATOR`, its key already absorbed: every mint and every check
/// starts with it, and a clone of the keyed state skips the two compressions keying costs.
static KEY_GENERATOR_MAC: LazyLock<Hmac<Sha256>> = LazyLock::new(|| keyed(KEY_GENERATOR));

/// Base64 decoding that accepts the URL-safe alphabet with or without padding.
const URL_SAFE_ANY_PAD: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Base64 decoding that accepts the standard alphabet with or without padding.
const STANDARD_ANY_PAD: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a token's text could not be read as a macaroon.
///
/// The messages are fixed sentences so that an error can be logged or returned
/// without ever echoing the token it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("The token is empty.")]
    Empty,
    #[error("The token is longer than 64 KiB.")]
    TooLong,
    #[error("The token is not valid base64.")]
    Encoding,
    #[error("The token contains a malformed packet.")]
    BadPacket,
    #[error("The token contains a field this format does not define.")]
    UnknownKey,
    #[error("The token's fields are out of order.")]
    OutOfOrder,
    #[error("The token has no {0} field.")]
    Missing(&'static str),
    #[error("The token's signature is not 32 bytes long.")]
    SignatureLength,
    #[error("The token has data after its signature.")]
    TrailingData,
    #[error("The token contains text that is not valid UTF-8.")]
    NotUtf8,
    #[error("A token field is too long for the wire format.")]
    FieldTooLong,
}

/// One restriction attached to a macaroon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caveat {
    /// A predicate the target service checks itself, such as `time < 1496140144`.
    FirstParty(String),
    /// A caveat discharged by another service.
    ///
    /// This crate only parses these so that it can reject them; it never creates one.
    ThirdParty { cid: Vec<u8>, vid: Vec<u8>, location: String },
}

/// A macaroon: a bearer credential whose caveats are bound by a chain of HMACs.
///
/// `Debug` is implemented by hand because the signature, together with the
/// public fields, is the whole credential and must never reach a log.
#[derive(Clone)]
pub struct Macaroon {
    location: String,
    identifier: String,
    caveats: Vec<Caveat>,
    signature: [u8; 32],
}

impl Macaroon {
    /// Mints a macaroon with no caveats, signed with `root_secret`.
    pub fn new(root_secret: &[u8], identifier: &str, location: &str) -> Macaroon {
        let key = keyed_mac(&KEY_GENERATOR_MAC, &[root_secret]);
        let signature = hmac_sha256(&key, &[identifier.as_bytes()]);
        Macaroon { location: location.to_owned(), identifier: identifier.to_owned(), caveats: Vec::new(), signature }
    }

    /// The location hint, which the signature chain does not cover.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The identifier the issuer uses to find the token's root secret.
    pub fn identifier(&self) -> &str {
        &self.identifier
    }

    /// The caveats in the order they were added.
    pub fn caveats(&self) -> &[Caveat] {
        &self.caveats
    }

    /// The last link of the signature chain.
    pub fn signature(&self) -> &[u8; 32] {
        &self.signature
    }

    /// Attenuates the macaroon with a first-party predicate.
    ///
    /// No secret is needed because the new signature is keyed by the old one;
    /// that is what lets any holder restrict a token but never widen it.
    pub fn add_first_party_caveat(&mut self, predicate: &str) {
        self.signature = hmac_sha256(&self.signature, &[predicate.as_bytes()]);
        self.caveats.push(Caveat::FirstParty(predicate.to_owned()));
    }

    /// Reports whether the signature chain, recomputed from `root_secret`, ends in this macaroon's signature.
    ///
    /// Third-party caveats are chained the libmacaroons v1 way,
    /// `HMAC(sig, HMAC(sig, vid) || HMAC(sig, cid))`, so that a holder-attenuated token
    /// is still recognised as authentic and can be refused for its caveat rather than
    /// as a forgery. A `true` result says nothing about whether any caveat holds, and
    /// discharge macaroons are not supported at all. The comparison is constant-time.
    pub fn verify_signature(&self, root_secret: &[u8]) -> bool {
        let key = keyed_mac(&KEY_GENERATOR_MAC, &[root_secret]);
        let mut sig = hmac_sha256(&key, &[self.identifier.as_bytes()]);
        for caveat in &self.caveats {
            sig = match caveat {
                Caveat::FirstParty(predicate) => hmac_sha256(&sig, &[predicate.as_bytes()]),
                Caveat::ThirdParty { cid, vid, .. } => {
                    let vid_mac = hmac_sha256(&sig, &[vid]);
                    let cid_mac = hmac_sha256(&sig, &[cid]);
                    hmac_sha256(&sig, &[&vid_mac, &cid_mac])
                }
            };
        }
        self.signature[..].ct_eq(&sig[..]).into()
    }

    /// Serialises to libmacaroons v1 packets, base64url without padding, then Onedata's alphanumeric escape.
    ///
    /// # Panics
    ///
    /// Panics if a field is longer than the 65,529 or so bytes a v1 packet can hold;
    /// use [`Macaroon::try_serialize`] when fields come from outside the server.
    pub fn serialize(&self) -> String {
        match self.try_serialize() {
            Ok(token) => token,
            Err(_) => panic!("a macaroon field is too long for the libmacaroons v1 wire format"),
        }
    }

    /// Like [`Macaroon::serialize`], but reports an oversized field instead of panicking.
    pub fn try_serialize(&self) -> Result<String, FormatError> {
        let binary = self.to_binary()?;
        Ok(escape(&URL_SAFE_NO_PAD.encode(binary)))
    }

    /// Reads a token in Onedata's escaped form, or as plain base64url or standard base64, padded or not.
    ///
    /// The escaped and plain forms overlap, since plain base64url may be all
    /// alphanumeric and contain `0`; the escaped reading is tried first, as
    /// Onezone does, and the plain reading only if that does not yield a macaroon.
    pub fn deserialize(s: &str) -> Result<Macaroon, FormatError> {
        let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
        if s.is_empty() {
            return Err(FormatError::Empty);
        }
        if s.len() > MAX_TOKEN_LEN {
            return Err(FormatError::TooLong);
        }

        let mut escaped_error = None;
        if let Some(unescaped) = unescape(s) {
            match decode_base64(&unescaped).and_then(|bytes| Macaroon::from_binary(&bytes)) {
                Ok(macaroon) => return Ok(macaroon),
                Err(e) => escaped_error = Some(e),
            }
        }

        match decode_base64(s) {
            Ok(bytes) => Macaroon::from_binary(&bytes),
            // When the plain reading fails at the base64 layer, the escaped reading's
            // error (if it got further) says more about what is wrong.
            Err(plain_error) => Err(escaped_error.unwrap_or(plain_error)),
        }
    }

    /// Encodes the macaroon as libmacaroons v1 packets.
    fn to_binary(&self) -> Result<Vec<u8>, FormatError> {
        let mut out = Vec::new();
        write_packet(&mut out, KEY_LOCATION, self.location.as_bytes())?;
        write_packet(&mut out, KEY_IDENTIFIER, self.identifier.as_bytes())?;
        for caveat in &self.caveats {
            match caveat {
                Caveat::FirstParty(predicate) => {
                    write_packet(&mut out, KEY_CID, predicate.as_bytes())?;
                }
                Caveat::ThirdParty { cid, vid, location } => {
                    write_packet(&mut out, KEY_CID, cid)?;
                    write_packet(&mut out, KEY_VID, vid)?;
                    write_packet(&mut out, KEY_CL, location.as_bytes())?;
                }
            }
        }
        write_packet(&mut out, KEY_SIGNATURE, &self.signature)?;
        Ok(out)
    }

    /// Decodes libmacaroons v1 packets, insisting on the order libmacaroons writes them in.
    fn from_binary(bytes: &[u8]) -> Result<Macaroon, FormatError> {
        let mut packets = Packets { rest: bytes };

        let location = match packets.next_packet()? {
            Some((KEY_LOCATION, value)) => utf8(value)?,
            Some((key, _)) => return Err(misplaced(key)),
            None => return Err(FormatError::Missing("location")),
        };
        let identifier = match packets.next_packet()? {
            Some((KEY_IDENTIFIER, value)) => utf8(value)?,
            Some((key, _)) => return Err(misplaced(key)),
            None => return Err(FormatError::Missing("identifier")),
        };

        // A caveat is only complete once the packet after its `cid` (and `vid`) is seen,
        // so the one being assembled is held here until then.
        let mut caveats = Vec::new();
        let mut pending: Option<Pending> = None;
        let signature = loop {
            let Some((key, value)) = packets.next_packet()? else {
                return Err(FormatError::Missing("signature"));
            };
            match key {
                KEY_CID => {
                    if let Some(done) = pending.take() {
                        caveats.push(done.finish()?);
                    }
                    pending = Some(Pending::Cid(value.to_vec()));
                }
                KEY_VID => match pending.take() {
                    Some(Pending::Cid(cid)) => pending = Some(Pending::CidVid(cid, value.to_vec())),
                    _ => return Err(FormatError::OutOfOrder),
                },
                KEY_CL => match pending.take() {
                    Some(Pending::CidVid(cid, vid)) => {
                        caveats.push(Caveat::ThirdParty { cid, vid, location: utf8(value)? })
                    }
                    _ => return Err(FormatError::OutOfOrder),
                },
                KEY_SIGNATURE => {
                    if let Some(done) = pending.take() {
                        caveats.push(done.finish()?);
                    }
                    break <[u8; 32]>::try_from(value).map_err(|_| FormatError::SignatureLength)?;
                }
                KEY_LOCATION | KEY_IDENTIFIER => return Err(FormatError::OutOfOrder),
                _ => return Err(FormatError::UnknownKey),
            }
        };

        if !packets.rest.is_empty() {
            return Err(FormatError::TrailingData);
        }
        Ok(Macaroon { location, identifier, caveats, signature })
    }
}

/// Equality compares the signature in constant time, so that comparing a
/// presented macaroon against a stored one leaks nothing through timing.
impl PartialEq for Macaroon {
    fn eq(&self, other: &Self) -> bool {
        let same_signature: bool = self.signature[..].ct_eq(&other.signature[..]).into();
        same_signature
            && self.location == other.location
            && self.identifier == other.identifier
            && self.caveats == other.caveats
    }
}

impl Eq for Macaroon {}

impl std::fmt::Debug for Macaroon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Macaroon")
            .field("location", &self.location)
            .field("identifier", &self.identifier)
            .field("caveats", &self.caveats)
            .field("signature", &"<redacted>")
            .finish()
    }
}

/// A caveat whose packets have been read but which may still gain a `vid` or `cl`.
enum Pending {
    Cid(Vec<u8>),
    CidVid(Vec<u8>, Vec<u8>),
}

impl Pending {
    fn finish(self) -> Result<Caveat, FormatError> {
        match self {
            // The bytes become the text as they are, not copied.
            Pending::Cid(cid) => Ok(Caveat::FirstParty(String::from_utf8(cid).map_err(|_| FormatError::NotUtf8)?)),
            // libmacaroons always writes `cl` after `vid`, but an empty location is
            // legal there, so a missing one is read as empty rather than refused.
            Pending::CidVid(cid, vid) => Ok(Caveat::ThirdParty { cid, vid, location: String::new() }),
        }
    }
}

/// A packet's key and value, borrowed from the decoded token.
type Packet<'a> = (&'a [u8], &'a [u8]);

/// A cursor over the packets of a decoded token.
struct Packets<'a> {
    rest: &'a [u8],
}

impl<'a> Packets<'a> {
    /// Returns the next packet's key and value, `None` at the end, or an error for a malformed packet.
    fn next_packet(&mut self) -> Result<Option<Packet<'a>>, FormatError> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let Some(prefix) = self.rest.get(..4) else {
            return Err(FormatError::BadPacket);
        };
        let mut len = 0usize;
        for &digit in prefix {
            let value = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return Err(FormatError::BadPacket),
            };
            len = len * 16 + usize::from(value);
        }
        // The smallest packet has a one-byte key and an empty value.
        if len < PACKET_OVERHEAD + 1 || len > self.rest.len() {
            return Err(FormatError::BadPacket);
        }
        let (packet, rest) = self.rest.split_at(len);
        let Some((&b'\n', body)) = packet[4..].split_last() else {
            return Err(FormatError::BadPacket);
        };
        // The key ends at the first space; the value may itself contain spaces,
        // newlines or any byte, since its extent is fixed by the length prefix.
        let Some(space) = body.iter().position(|&b| b == b' ') else {
            return Err(FormatError::BadPacket);
        };
        self.rest = rest;
        Ok(Some((&body[..space], &body[space + 1..])))
    }
}

/// Appends one `LLLLkey value\n` packet, where `LLLL` is the whole packet's length in lower-case hex.
fn write_packet(out: &mut Vec<u8>, key: &[u8], value: &[u8]) -> Result<(), FormatError> {
    let len = PACKET_OVERHEAD + key.len() + value.len();
    if len > MAX_PACKET_LEN {
        return Err(FormatError::FieldTooLong);
    }
    out.extend_from_slice(format!("{len:04x}").as_bytes());
    out.extend_from_slice(key);
    out.push(b' ');
    out.extend_from_slice(value);
    out.push(b'\n');
    Ok(())
}

/// Names the error for a known-but-misplaced key versus an unknown one.
fn misplaced(key: &[u8]) -> FormatError {
    match key {
        KEY_LOCATION | KEY_IDENTIFIER | KEY_CID | KEY_VID | KEY_CL | KEY_SIGNATURE => FormatError::OutOfOrder,
        _ => FormatError::UnknownKey,
    }
}

fn utf8(bytes: &[u8]) -> Result<String, FormatError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| FormatError::NotUtf8)
}

/// Decodes base64 in either alphabet, with or without padding.
fn decode_base64(s: impl AsRef<[u8]>) -> Result<Vec<u8>, FormatError> {
    let s = s.as_ref();
    // The two alphabets differ only in `+`/`/` versus `-`/`_`, so the presence of
    // either standard character picks the alphabet; a mixture fails to decode. A byte scan:
    // `str::contains` with a char pattern decodes every character, a fifth of a parse.
    let standard = s.iter().any(|&b| b == b'+' || b == b'/');
    let engine = if standard { &STANDARD_ANY_PAD } else { &URL_SAFE_ANY_PAD };
    engine.decode(s).map_err(|_| FormatError::Encoding)
}

/// Applies Onedata's escape, which makes base64 text alphanumeric and so safe in any URL or header.
fn escape(base64: &str) -> String {
    let mut out = String::with_capacity(base64.len() * 2);
    for c in base64.chars() {
        match c {
            '0' => out.push_str("00"),
            '_' => out.push_str("01"),
            '-' => out.push_str("02"),
            '/' => out.push_str("03"),
            '+' => out.push_str("04"),
            '=' => out.push_str("05"),
            other => out.push(other),
        }
    }
    out
}

/// Reverses Onedata's escape, or returns `None` if `s` cannot be an escaped token.
///
/// Bytes, not chars: every byte of a valid escaped token is ASCII alphanumeric, and any other
/// byte refuses it, so the output is ASCII base64 text (returned as bytes: the decoder wants
/// nothing else). The check is one pass without an early exit, which the compiler vectorises,
/// and the text between escapes (each starts with `0`) is copied a run at a time: a byte-by-byte
/// loop was a fifth of the server's own instructions for a rejected join.
fn unescape(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    if !bytes.iter().fold(true, |ok, b| ok & b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(b'0', rest) {
        out.extend_from_slice(&rest[..at]);
        out.push(match rest.get(at + 1)? {
            b'0' => b'0',
            b'1' => b'_',
            b'2' => b'-',
            b'3' => b'/',
            b'4' => b'+',
            b'5' => b'=',
            _ => return None,
        });
        rest = &rest[at + 2..];
    }
    out.extend_from_slice(rest);
    Some(out)
}

/// HMAC-SHA256 of the concatenation of `parts` under `key`.
pub(crate) fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    keyed_mac(&keyed(key), parts)
}

/// The HMAC-SHA256 state with `key` absorbed, for a key used many times (`keyed_mac`).
pub(crate) fn keyed(key: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length (long ones are hashed, short ones padded),
    // so `new_from_slice` cannot fail here; the error type exists only for MACs
    // with fixed key sizes.
    Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length")
}

/// `hmac_sha256` under a key absorbed once by `keyed`.
pub(crate) fn keyed_mac(keyed: &Hmac<Sha256>, parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = keyed.clone();
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    const SECRET: &[u8] = b"this is our super secret key; only we should know it";
    const IDENTIFIER: &str = "we used our secret key";
    const LOCATION: &str = "http://mybank/";

    /// The damaged Onezone token from the brief; its first packet's length prefix is corrupt.
    const DAMAGED: &str = "JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OIBmav38YI0Z2-dw-fvrZ3XP-J0HjCN0taT3_WungK";

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn bank_macaroon() -> Macaroon {
        let mut m = Macaroon::new(SECRET, IDENTIFIER, LOCATION);
        m.add_first_party_caveat("test = caveat");
        m
    }

    #[test]
    fn the_libmacaroons_vectors_give_the_published_signatures() {
        let mut m = Macaroon::new(SECRET, IDENTIFIER, LOCATION);
        assert_eq!(hex(m.signature()), "e3d9e02908526c4c0039ae15114115d97fdd68bf2ba379b342aaf0f617d0552f");
        m.add_first_party_caveat("test = caveat");
        assert_eq!(hex(m.signature()), "197bac7a044af33332865b9266e26d493bdd668a660e44d88ce1a998c23dbd67");
        assert!(m.verify_signature(SECRET));
    }

    #[test]
    fn the_binary_form_matches_what_libmacaroons_serialises() {
        // libmacaroons' own serialisation of the caveated vector (base64url, unescaped).
        let expected = "MDAxY2xvY2F0aW9uIGh0dHA6Ly9teWJhbmsvCjAwMjZpZGVudGlmaWVyIHdlIHVzZWQgb3VyIHNlY3JldCBrZXkKMDAxNmNpZCB0ZXN0ID0gY2F2ZWF0CjAwMmZzaWduYXR1cmUgGXusegRK8zMyhluSZuJtSTvdZopmDkTYjOGpmMI9vWcK";
        let m = bank_macaroon();
        assert_eq!(URL_SAFE_NO_PAD.encode(m.to_binary().unwrap()), expected);
        assert_eq!(Macaroon::deserialize(expected).unwrap(), m);
    }

    #[test]
    fn a_serialised_macaroon_deserialises_to_an_equal_one() {
        let m = bank_macaroon();
        let token = m.serialize();
        assert_eq!(Macaroon::deserialize(&token).unwrap(), m);
        assert_eq!(Macaroon::deserialize(&format!("  {token}\n")).unwrap(), m);
    }

    #[test]
    fn the_escaped_form_is_alphanumeric_only() {
        for i in 0..50 {
            let mut m = Macaroon::new(format!("secret {i}").as_bytes(), &format!("id-{i}"), "onezone");
            m.add_first_party_caveat(&format!("time < {}", 1_000_000 + i * 7919));
            let token = m.serialize();
            assert!(token.bytes().all(|b| b.is_ascii_alphanumeric()), "{token}");
            assert_eq!(Macaroon::deserialize(&token).unwrap(), m);
        }
    }

    /// The escape read one byte at a time, as the specification of `unescape`'s run-at-a-time
    /// reading.
    fn unescape_bytewise(s: &str) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut bytes = s.bytes();
        while let Some(b) = bytes.next() {
            out.push(match b {
                b'0' => match bytes.next()? {
                    b'0' => b'0',
                    b'1' => b'_',
                    b'2' => b'-',
                    b'3' => b'/',
                    b'4' => b'+',
                    b'5' => b'=',
                    _ => return None,
                },
                b if b.is_ascii_alphanumeric() => b,
                _ => return None,
            });
        }
        Some(out)
    }

    #[test]
    fn unescaping_agrees_with_a_bytewise_reading_on_any_text() {
        // Short texts over an alphabet rich in `0`, the other escape digits, and bytes that
        // refuse a token (punctuation, a space, a multi-byte character), so that escapes at the
        // very start and end, a lone trailing `0`, and bad codes all occur.
        let alphabet = ["0", "0", "0", "1", "5", "6", "9", "a", "Z", "_", "-", " ", "é"];
        let mut rng = StdRng::seed_from_u64(7);
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..20_000 {
            let len = rng.gen_range(0..12);
            let text: String = (0..len).map(|_| alphabet[rng.gen_range(0..alphabet.len())]).collect();
            let expected = unescape_bytewise(&text);
            assert_eq!(unescape(&text), expected, "{text:?}");
            if expected.is_some() {
                accepted += 1;
            } else {
                refused += 1;
            }
        }
        assert!(accepted > 1_000 && refused > 1_000, "{accepted} accepted, {refused} refused");
        for base64 in ["", "0", "00", "_-/+=", "abc0", "0_0-0/0+0=0", &"x0".repeat(500)] {
            assert_eq!(unescape(&escape(base64)).as_deref(), Some(base64.as_bytes()), "{base64}");
        }
    }

    #[test]
    fn plain_base64_in_either_alphabet_with_or_without_padding_is_accepted() {
        // Several identifiers so that both `-`/`_` and `+`/`/` and padding actually occur.
        for i in 0..40 {
            let mut m = Macaroon::new(SECRET, &format!("identifier ~~{i}?>"), "onezone");
            m.add_first_party_caveat(&"?".repeat(i));
            let binary = m.to_binary().unwrap();
            for engine in [URL_SAFE, URL_SAFE_NO_PAD, STANDARD, STANDARD_NO_PAD] {
                let token = engine.encode(&binary);
                assert_eq!(Macaroon::deserialize(&token).unwrap(), m, "{token}");
            }
        }
    }

    #[test]
    fn a_holder_attenuated_macaroon_still_verifies() {
        let mut m = bank_macaroon();
        let before = *m.signature();
        m.add_first_party_caveat("time < 1496140144");
        assert_ne!(*m.signature(), before);
        assert!(m.verify_signature(SECRET));
        assert!(!m.verify_signature(b"another secret"));
    }

    #[test]
    fn a_tampered_caveat_fails_verification() {
        let mut m = bank_macaroon();
        m.add_first_party_caveat("time < 1496140144");
        for i in 0..m.caveats.len() {
            let mut tampered = m.clone();
            tampered.caveats[i] = Caveat::FirstParty("time < 9999999999".into());
            assert!(!tampered.verify_signature(SECRET));
        }
        let mut dropped = m.clone();
        dropped.caveats.pop();
        assert!(!dropped.verify_signature(SECRET));
    }

    #[test]
    fn a_tampered_identifier_fails_verification() {
        let mut m = bank_macaroon();
        m.identifier.push('!');
        assert!(!m.verify_signature(SECRET));
    }

    #[test]
    fn a_third_party_caveat_round_trips_and_chains_like_libmacaroons() {
        let mut m = bank_macaroon();
        let sig = m.signature;
        let (cid, vid) = (b"cid\0bytes".to_vec(), vec![0xff, b'\n', b' ', 0]);
        m.signature = hmac_sha256(&sig, &[&hmac_sha256(&sig, &[&vid]), &hmac_sha256(&sig, &[&cid])]);
        m.caveats.push(Caveat::ThirdParty { cid, vid, location: "http://auth/".into() });
        assert!(m.verify_signature(SECRET));
        assert_eq!(Macaroon::deserialize(&m.serialize()).unwrap(), m);
    }

    #[test]
    fn the_damaged_onezone_token_is_refused_without_panicking() {
        if let Ok(m) = Macaroon::deserialize(DAMAGED) {
            assert!(!m.verify_signature(b"any secret"));
        }
    }

    #[test]
    fn the_repaired_onezone_token_parses() {
        let repaired = format!("MDAx{}", &DAMAGED[4..]);
        let m = Macaroon::deserialize(&repaired).unwrap();
        assert_eq!(m.location(), "onezone");
        assert_eq!(m.identifier(), "8HfHARHgklqBkZVI4l6MBTvSSvt98ppp6948s8Q7SOk");
        assert_eq!(m.caveats(), &[Caveat::FirstParty("time < 1496140144".into())]);
        // The escaped form must round-trip too, since that is what Onezone hands out.
        assert_eq!(Macaroon::deserialize(&m.serialize()).unwrap(), m);
    }

    #[test]
    fn structurally_bad_tokens_are_refused_with_the_right_error() {
        let sig = [7u8; 32];
        let packet = |key: &str, value: &[u8]| {
            let mut out = Vec::new();
            write_packet(&mut out, key.as_bytes(), value).unwrap();
            out
        };
        let token = |packets: &[Vec<u8>]| URL_SAFE_NO_PAD.encode(packets.concat());
        let loc = packet("location", b"onezone");
        let id = packet("identifier", b"abc");
        let cid = packet("cid", b"time < 5");
        let signature = packet("signature", &sig);

        let cases: Vec<(String, FormatError)> = vec![
            ("".into(), FormatError::Empty),
            (" \t\n".into(), FormatError::Empty),
            ("A".repeat(MAX_TOKEN_LEN + 1), FormatError::TooLong),
            ("not base64 at all!".into(), FormatError::Encoding),
            (token(std::slice::from_ref(&loc)), FormatError::Missing("identifier")),
            (token(&[loc.clone(), id.clone()]), FormatError::Missing("signature")),
            (token(&[id.clone(), loc.clone(), signature.clone()]), FormatError::OutOfOrder),
            (token(&[loc.clone(), id.clone(), packet("vid", b"x"), signature.clone()]), FormatError::OutOfOrder),
            (
                token(&[loc.clone(), id.clone(), cid.clone(), packet("cl", b"x"), signature.clone()]),
                FormatError::OutOfOrder,
            ),
            (token(&[loc.clone(), id.clone(), packet("colour", b"x"), signature.clone()]), FormatError::UnknownKey),
            (token(&[loc.clone(), id.clone(), packet("signature", &[1; 31])]), FormatError::SignatureLength),
            (token(&[loc.clone(), id.clone(), signature.clone(), cid.clone()]), FormatError::TrailingData),
            (token(&[loc.clone(), id.clone(), signature.clone(), b"\n".to_vec()]), FormatError::TrailingData),
            (token(&[loc.clone(), packet("identifier", &[0xc3, 0x28]), signature.clone()]), FormatError::NotUtf8),
            (token(&[loc.clone(), id.clone(), packet("cid", &[0xff]), signature.clone()]), FormatError::NotUtf8),
            (token(&[b"0010location x\n".to_vec()]), FormatError::BadPacket),
            (token(&[b"000flocationx\n".to_vec(), id.clone()]), FormatError::BadPacket),
            (token(&[b"+00flocation x\n".to_vec()]), FormatError::BadPacket),
            (token(&[b"0005\n".to_vec()]), FormatError::BadPacket),
        ];
        for (input, expected) in cases {
            assert_eq!(Macaroon::deserialize(&input), Err(expected), "{input}");
        }
        assert!(Macaroon::deserialize(&token(&[loc, id, cid, signature])).is_ok());
    }

    #[test]
    fn error_messages_never_contain_the_token() {
        let token = format!("{}!", bank_macaroon().serialize());
        let error = Macaroon::deserialize(&token).unwrap_err();
        assert!(!error.to_string().contains(&token[..8]));
    }

    #[test]
    fn debug_output_redacts_the_signature() {
        let m = bank_macaroon();
        let shown = format!("{m:?}");
        assert!(shown.contains("<redacted>"));
        assert!(!shown.contains(&format!("{:?}", m.signature)));
    }

    #[test]
    fn an_oversized_field_is_reported_rather_than_serialised() {
        let m = Macaroon::new(SECRET, &"x".repeat(MAX_PACKET_LEN), LOCATION);
        assert_eq!(m.try_serialize(), Err(FormatError::FieldTooLong));
    }

    #[test]
    fn truncated_or_corrupted_tokens_never_panic() {
        let mut m = bank_macaroon();
        m.add_first_party_caveat("time < 1496140144");
        let token = m.serialize();
        let binary = m.to_binary().unwrap();

        for end in 0..token.len() {
            let _ = Macaroon::deserialize(&token[..end]);
        }
        for end in 0..binary.len() {
            let _ = Macaroon::deserialize(&URL_SAFE_NO_PAD.encode(&binary[..end]));
        }

        let mut rng = StdRng::seed_from_u64(0x6f7a);
        let alphabet = b"0123456789abcdefABCDEF_-+/= \n\x00";
        for _ in 0..5_000 {
            // Flip characters of the text form, keeping it ASCII so it stays a `&str`.
            let mut text = token.clone().into_bytes();
            for _ in 0..rng.gen_range(1..4) {
                let i = rng.gen_range(0..text.len());
                text[i] = alphabet[rng.gen_range(0..alphabet.len())];
            }
            if let Ok(text) = String::from_utf8(text) {
                if let Ok(parsed) = Macaroon::deserialize(&text) {
                    let _ = parsed.verify_signature(SECRET);
                    let _ = parsed.try_serialize();
                }
            }

            // Flip bytes of the decoded packets so the packet parser itself is exercised.
            let mut raw = binary.clone();
            for _ in 0..rng.gen_range(1..4) {
                let i = rng.gen_range(0..raw.len());
                raw[i] ^= 1 << rng.gen_range(0..8);
            }
            if let Ok(parsed) = Macaroon::deserialize(&URL_SAFE_NO_PAD.encode(&raw)) {
                let _ = parsed.verify_signature(SECRET);
            }
        }

        for input in [DAMAGED, "0", "09", "00", "MDAx", "=", "0005"] {
            let _ = Macaroon::deserialize(input);
        }
    }
}
