//! Recognises the bare error responses hyper writes by itself when it cannot parse a request
//! (HTTP/1 only: 400 for a malformed request line or header, 414 for a URI over 65,534 bytes,
//! 431 for a header block over the read buffer), so that `Watched` can send JSON in their
//! place (contract §2). hyper 1.x writes no other status on its own.
//!
//! hyper's answer is a status line and at most `connection: close`, `content-length: 0` and
//! `date`, nothing else, and it is the last thing hyper writes on the connection (it closes
//! right after). Every response the edge builds carries `Content-Type`, so no response of ours
//! has that shape.

use crate::http::error::EdgeError;

/// hyper's head is about 110 bytes; this much of a write's tail is searched.
const SEARCH_WINDOW: usize = 256;

/// What hyper was about to send, and where it starts in the write.
#[derive(Debug, PartialEq, Eq)]
pub struct AutoError {
    /// Offset of hyper's head within the write.
    pub at: usize,
    pub error: EdgeError,
    /// hyper's `Date` value, kept in our answer.
    pub date: Option<String>,
}

/// hyper's bare error head at the end of `buf`, if that is how `buf` ends. `max_header_bytes`
/// is the bound a 431 reports.
pub fn find(buf: &[u8], max_header_bytes: usize) -> Option<AutoError> {
    if !buf.ends_with(b"\r\n\r\n") {
        return None;
    }
    let start = buf.len().saturating_sub(SEARCH_WINDOW);
    let tail = &buf[start..];
    let pos = tail.windows(9).rposition(|w| w == b"HTTP/1.1 ")?;
    let head = std::str::from_utf8(&tail[pos..tail.len() - 4]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.get(9..12)?;
    let error = match status {
        "400" => EdgeError::MalformedRequest,
        "414" => EdgeError::UriTooLong,
        "431" => EdgeError::HeaderTooLarge(max_header_bytes),
        _ => return None,
    };
    let (mut date, mut empty) = (None, false);
    for line in lines {
        match line.split_once(": ")? {
            ("connection", "close") => {}
            ("content-length", "0") => empty = true,
            ("date", value) => date = Some(value.to_owned()),
            _ => return None,
        }
    }
    empty.then_some(AutoError { at: start + pos, error, date })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HYPER_431: &[u8] = b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\ndate: Tue, 01 Dec 2026 16:44:33 GMT\r\n\r\n";

    #[test]
    fn hypers_bare_431_414_and_400_are_recognised_with_their_date() {
        let found = find(HYPER_431, 16384).unwrap();
        assert_eq!(found.at, 0);
        assert_eq!(found.error, EdgeError::HeaderTooLarge(16384));
        assert_eq!(found.date.as_deref(), Some("Tue, 01 Dec 2026 16:44:33 GMT"));
        let uri = b"HTTP/1.1 414 URI Too Long\r\nconnection: close\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        assert_eq!(find(uri, 1).unwrap().error, EdgeError::UriTooLong);
        let bad = b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        assert_eq!(find(bad, 1).unwrap().error, EdgeError::MalformedRequest);
    }

    #[test]
    fn a_bare_error_after_the_end_of_an_earlier_response_is_found_where_it_starts() {
        let mut buf = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}".to_vec();
        let earlier = buf.len();
        buf.extend_from_slice(HYPER_431);
        assert_eq!(find(&buf, 1).unwrap().at, earlier);
    }

    #[test]
    fn responses_the_edge_builds_are_left_alone() {
        let json =
            b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        assert_eq!(find(json, 1), None);
        let no_content = b"HTTP/1.1 204 No Content\r\ndate: x\r\n\r\n";
        assert_eq!(find(no_content, 1), None);
        let with_body = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 2\r\n\r\n{}";
        assert_eq!(find(with_body, 1), None);
        let other = b"HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(find(other, 1), None);
    }
}
