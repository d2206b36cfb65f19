//! HTTPS: loads the certificate chain and private key (rustls with the ring provider, so no
//! OpenSSL), offers HTTP/2 and HTTP/1.1 by ALPN, and turns each accepted TCP stream into the
//! stream the server loop serves, with the TLS handshake bounded in time.

use std::io;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use anyhow::Context as _;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{crypto::ring, ServerConfig};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// How the server speaks on its accepted connections: plain HTTP, or HTTPS.
#[derive(Clone)]
pub enum Transport {
    Plain,
    Tls(Tls),
}

/// A loaded certificate and key, ready to accept TLS connections.
#[derive(Clone)]
pub struct Tls {
    acceptor: TlsAcceptor,
    handshake_timeout: Duration,
}

impl Tls {
    /// Reads the PEM certificate chain (leaf first) and the PEM private key (PKCS#8, PKCS#1 or
    /// SEC1). Every failure names the file at fault, so that a server with a bad file refuses
    /// to start with a message an operator can act on.
    pub fn load(cert: &Path, key: &Path, handshake_timeout: Duration) -> anyhow::Result<Self> {
        let chain = CertificateDer::pem_file_iter(cert)
            .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
            .with_context(|| format!("cannot read a PEM certificate chain from {}", cert.display()))?;
        anyhow::ensure!(!chain.is_empty(), "{} holds no PEM certificate", cert.display());
        let private = PrivateKeyDer::from_pem_file(key)
            .with_context(|| format!("cannot read a PEM private key from {}", key.display()))?;
        let mut config = ServerConfig::builder_with_provider(Arc::new(ring::default_provider()))
            .with_safe_default_protocol_versions()
            .context("the TLS provider offers no protocol version")?
            .with_no_client_auth()
            // Also refuses a key that is not the certificate's.
            .with_single_cert(chain, private)
            .with_context(|| {
                format!("cannot use the key in {} with the certificate in {}", key.display(), cert.display())
            })?;
        // HTTP/2 first: a client that speaks both gets it. hyper's auto builder tells the two
        // apart by the connection preface, so ALPN only has to let clients choose.
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(Self { acceptor: TlsAcceptor::from(Arc::new(config)), handshake_timeout })
    }
}

impl Transport {
    /// `https` or `http`, for URLs the server prints.
    pub fn scheme(&self) -> &'static str {
        match self {
            Transport::Plain => "http",
            Transport::Tls(_) => "https",
        }
    }

    /// The stream to serve HTTP on. With TLS this runs the handshake, which fails when it does
    /// not finish within the handshake timeout: a client that opens a connection and sends
    /// nothing must not hold a task and a descriptor for ever.
    pub async fn accept(&self, tcp: TcpStream) -> io::Result<Stream> {
        match self {
            Transport::Plain => Ok(Stream::Plain(tcp)),
            Transport::Tls(tls) => match tokio::time::timeout(tls.handshake_timeout, tls.acceptor.accept(tcp)).await {
                Ok(stream) => Ok(Stream::Tls(Box::new(stream?))),
                Err(_) => Err(io::Error::new(io::ErrorKind::TimedOut, "the TLS handshake timed out")),
            },
        }
    }
}

/// An accepted connection: the TCP stream itself, or TLS over it. (Boxed: a TLS session is a
/// kilobyte of state, a TCP stream a descriptor.)
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl AsyncRead for Stream {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tls(s) => Pin::new(s).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Stream::Tls(s) => Pin::new(s).poll_write(cx, buf),
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write_vectored(cx, bufs),
            Stream::Tls(s) => Pin::new(s).poll_write_vectored(cx, bufs),
        }
    }

    fn is_write_vectored(&self) -> bool {
        match self {
            Stream::Plain(s) => s.is_write_vectored(),
            Stream::Tls(s) => s.is_write_vectored(),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_flush(cx),
            Stream::Tls(s) => Pin::new(s).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Stream::Tls(s) => Pin::new(s).poll_shutdown(cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(cert: &str, key: &str) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let (c, k) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
        std::fs::write(&c, cert).unwrap();
        std::fs::write(&k, key).unwrap();
        (dir, c, k)
    }

    fn self_signed() -> rcgen::CertifiedKey {
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap()
    }

    #[test]
    fn a_matching_certificate_and_key_load() {
        let pair = self_signed();
        let (_dir, cert, key) = files(&pair.cert.pem(), &pair.key_pair.serialize_pem());
        assert!(Tls::load(&cert, &key, Duration::from_secs(1)).is_ok());
    }

    #[test]
    fn each_bad_file_is_named_in_the_error() {
        let (pair, other) = (self_signed(), self_signed());
        let key_pem = pair.key_pair.serialize_pem();
        let cases = [
            ("not a certificate", key_pem.as_str(), "cert.pem"),
            (&*pair.cert.pem(), "not a key", "key.pem"),
            (&*pair.cert.pem(), &*other.key_pair.serialize_pem(), "key.pem"),
        ];
        for (cert_text, key_text, named) in cases {
            let (_dir, cert, key) = files(cert_text, key_text);
            let message = format!("{:#}", Tls::load(&cert, &key, Duration::from_secs(1)).err().expect("refused"));
            assert!(message.contains(named), "{message}");
        }
        let missing = Path::new("/nonexistent/cert.pem");
        let message = format!("{:#}", Tls::load(missing, missing, Duration::from_secs(1)).err().expect("refused"));
        assert!(message.contains("/nonexistent/cert.pem"), "{message}");
    }
}
