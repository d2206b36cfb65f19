//! What the accept loop needs to shed load without spinning or flooding the log: the 503 a
//! connection past the cap gets, a spare descriptor that lets the loop accept (and shed) even
//! when the process is out of descriptors, and a throttle for the warnings.

use std::fs::File;
use std::io::ErrorKind;
use std::time::{Duration, Instant};

use tokio::net::TcpStream;

use crate::http::error::{raw_response, EdgeError};

/// Answers a connection the server will not serve: a JSON 503 with `Retry-After` and
/// `Connection: close`, written only if the socket takes it at once, then closed. Whatever the
/// client already sent is read first (without waiting), so that the close is a FIN, not a
/// reset that could destroy the 503 before the client reads it. Nothing here waits: the point
/// is to spend nothing on a connection over the cap.
pub fn shed(stream: TcpStream) {
    let mut sink = [0u8; 4096];
    for _ in 0..4 {
        match stream.try_read(&mut sink) {
            Ok(n) if n > 0 => continue,
            _ => break,
        }
    }
    let date = httpdate::fmt_http_date(std::time::SystemTime::now());
    let _ = stream.try_write(&raw_response(&EdgeError::TooManyConnections, &date));
}

/// Whether an accept error means the process (or system) is out of descriptors or memory for
/// a new socket. These persist until something closes; others (a connection reset before it
/// was accepted) concern one connection only.
pub fn out_of_resources(error: &std::io::Error) -> bool {
    matches!(error.raw_os_error(), Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM))
        || error.kind() == ErrorKind::OutOfMemory
}

/// One descriptor held back for the moment the process runs out: closing it lets the loop
/// accept the waiting connection and shed it, instead of leaving it in the backlog (where the
/// listener stays readable and the loop would spin) or sleeping while legitimate clients wait.
pub struct Spare(Option<File>);

impl Spare {
    pub fn new() -> Self {
        Self(File::open("/dev/null").ok())
    }

    /// Frees the spare descriptor; false if there was none to free.
    pub fn release(&mut self) -> bool {
        self.0.take().is_some()
    }

    /// Takes a descriptor back (it fails quietly while the process is still out of them; the
    /// next call tries again).
    pub fn restore(&mut self) {
        if self.0.is_none() {
            self.0 = File::open("/dev/null").ok();
        }
    }
}

impl Default for Spare {
    fn default() -> Self {
        Self::new()
    }
}

/// Lets a warning through at most once per `every`, and counts the ones it held back, so that
/// an accept loop under attack writes one line per period instead of one per connection.
pub struct Throttle {
    every: Duration,
    last: Option<Instant>,
    suppressed: u64,
}

impl Throttle {
    pub fn new(every: Duration) -> Self {
        Self { every, last: None, suppressed: 0 }
    }

    /// `Some(n)` when a line may be written now, `n` being how many were held back since the
    /// last one; `None` when this one is held back.
    pub fn allow(&mut self, now: Instant) -> Option<u64> {
        match self.last {
            Some(last) if now.duration_since(last) < self.every => {
                self.suppressed += 1;
                None
            }
            _ => {
                self.last = Some(now);
                Some(std::mem::take(&mut self.suppressed))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_throttle_lets_one_warning_through_per_period_and_counts_the_rest() {
        let mut throttle = Throttle::new(Duration::from_secs(10));
        let t0 = Instant::now();
        assert_eq!(throttle.allow(t0), Some(0));
        assert_eq!(throttle.allow(t0 + Duration::from_secs(1)), None);
        assert_eq!(throttle.allow(t0 + Duration::from_secs(9)), None);
        assert_eq!(throttle.allow(t0 + Duration::from_secs(10)), Some(2));
        assert_eq!(throttle.allow(t0 + Duration::from_secs(11)), None);
    }

    #[test]
    fn running_out_of_descriptors_is_told_apart_from_a_reset_connection() {
        assert!(out_of_resources(&std::io::Error::from_raw_os_error(libc::EMFILE)));
        assert!(out_of_resources(&std::io::Error::from_raw_os_error(libc::ENFILE)));
        assert!(!out_of_resources(&std::io::Error::from_raw_os_error(libc::ECONNABORTED)));
    }

    #[test]
    fn the_spare_descriptor_can_be_released_once_and_restored() {
        let mut spare = Spare::new();
        assert!(spare.release());
        assert!(!spare.release());
        spare.restore();
        assert!(spare.release());
    }
}
