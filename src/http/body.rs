//! Response bodies: whole (every answer but one kind), or a whole list sent a chunk at a time
//! as the client takes it (`Listed`), so that a list of any length holds one chunk in memory.

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::StreamExt;
use hyper::body::{Frame, SizeHint};
use hyper::{Response, StatusCode};

/// Why a listed body stopped before its end (a store read failed): the connection is closed
/// without the body's end, so the client sees a cut transfer, never a shorter list.
pub type BodyError = Box<dyn std::error::Error + Send + Sync>;

/// The rest of a whole list after its first chunk, as JSON text: each item is `,"…"`, to go
/// between the first chunk's last item and the closing `]}`.
pub type Chunks = BoxStream<'static, Result<Bytes, BodyError>>;

/// What closes a list object's one array (`{"users":[…]}`): the generated models serialize a
/// whole list (no `next`) as exactly that object.
const CLOSE: &[u8] = b"]}";

pub enum Body {
    /// The whole body at once (`None` once sent).
    Whole(Option<Bytes>),
    Listed(Listed),
}

/// A whole list's body: the first chunk's JSON without its closing `]}`, then each chunk of
/// the rest as the client reads what came before, then `]}`.
pub struct Listed {
    head: Option<Bytes>,
    rest: Option<Chunks>,
}

pub fn full(bytes: impl Into<Bytes>) -> Body {
    let bytes = bytes.into();
    Body::Whole((!bytes.is_empty()).then_some(bytes))
}

/// `response` (a 200 whose body is a whole list's first chunk) with `rest` after that chunk.
/// Anything else is left as it is and `rest` is dropped unread: an error answered instead of
/// the list, or a body that is not a list object, which would be a bug; that one becomes a 500
/// rather than a body with the list spliced into the wrong place.
pub fn follow(response: Response<Body>, rest: Option<Chunks>) -> Response<Body> {
    let Some(rest) = rest else { return response };
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    match body {
        Body::Whole(Some(first)) if first.ends_with(CLOSE) => {
            let head = first.slice(..first.len() - CLOSE.len());
            Response::from_parts(parts, Body::Listed(Listed { head: Some(head), rest: Some(rest) }))
        }
        _ => {
            let bug = crate::domain::Error::internal("a whole list's first chunk is not a list object");
            super::error::response(&bug.into(), None)
        }
    }
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = BodyError;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, BodyError>>> {
        match self.get_mut() {
            Body::Whole(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Body::Listed(listed) => listed.poll_next(cx).map(|next| next.map(|r| r.map(Frame::data))),
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Body::Whole(bytes) => bytes.is_none(),
            Body::Listed(listed) => listed.head.is_none() && listed.rest.is_none(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Whole(bytes) => SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64)),
            Body::Listed(_) => SizeHint::default(),
        }
    }
}

impl Listed {
    fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes, BodyError>>> {
        if let Some(head) = self.head.take() {
            return Poll::Ready(Some(Ok(head)));
        }
        let Some(rest) = self.rest.as_mut() else { return Poll::Ready(None) };
        loop {
            match std::task::ready!(rest.poll_next_unpin(cx)) {
                Some(Ok(chunk)) if chunk.is_empty() => continue,
                Some(Ok(chunk)) => return Poll::Ready(Some(Ok(chunk))),
                Some(Err(e)) => {
                    self.rest = None;
                    tracing::warn!(error = %e, "a whole list stopped before its end; the connection is closed");
                    return Poll::Ready(Some(Err(e)));
                }
                None => {
                    self.rest = None;
                    return Poll::Ready(Some(Ok(Bytes::from_static(CLOSE))));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use http_body_util::BodyExt;
    use hyper::body::Body as _;

    use super::*;

    fn chunks(items: Vec<Result<&'static str, &'static str>>) -> Chunks {
        futures::stream::iter(
            items.into_iter().map(|r| r.map(|t| Bytes::from_static(t.as_bytes())).map_err(BodyError::from)),
        )
        .boxed()
    }

    fn ok(body: &'static str) -> Response<Body> {
        Response::new(full(body))
    }

    #[tokio::test]
    async fn the_rest_goes_between_the_first_chunks_last_item_and_the_close() {
        let rest = chunks(vec![Ok(r#","c","d""#), Ok(""), Ok(r#","e""#)]);
        let response = follow(ok(r#"{"users":["a","b"]}"#), Some(rest));
        assert_eq!(response.body().size_hint().exact(), None, "a listed body's length is not known ahead");
        let bytes = response.into_body().collect().await.expect("the body ends").to_bytes();
        assert_eq!(bytes, r#"{"users":["a","b","c","d","e"]}"#);
    }

    #[tokio::test]
    async fn a_failed_chunk_ends_the_body_with_an_error_and_nothing_after_it() {
        let rest = chunks(vec![Ok(r#","c""#), Err("the store failed"), Ok(r#","d""#)]);
        let mut body = follow(ok(r#"{"users":["a"]}"#), Some(rest)).into_body();
        let mut sent = Vec::new();
        let error = loop {
            match body.frame().await {
                Some(Ok(frame)) => sent.extend_from_slice(&frame.into_data().expect("data")),
                Some(Err(e)) => break e,
                None => panic!("the body ended as if whole: {}", String::from_utf8_lossy(&sent)),
            }
        };
        assert_eq!(error.to_string(), "the store failed");
        assert_eq!(sent, br#"{"users":["a","c""#, "no close after the failure");
        assert!(body.frame().await.is_none(), "nothing follows the error");
    }

    #[tokio::test]
    async fn an_answer_that_is_not_a_200_list_is_left_as_it_is() {
        let mut refused = ok(r#"{"error":"forbidden","error_description":"x"}"#);
        *refused.status_mut() = StatusCode::FORBIDDEN;
        let response = follow(refused, Some(chunks(vec![Ok(r#","c""#)])));
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let bytes = response.into_body().collect().await.expect("the body ends").to_bytes();
        assert_eq!(bytes, r#"{"error":"forbidden","error_description":"x"}"#);

        let response = follow(ok(r#"{"users":["a"],"next":"AAAAAAAAAGQ"}"#), Some(chunks(vec![])));
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR, "a body that is not a whole list");
    }

    #[test]
    fn a_whole_body_says_its_length_and_an_empty_one_is_ended() {
        assert_eq!(full("abc").size_hint().exact(), Some(3));
        assert!(full(Vec::new()).is_end_stream());
    }
}
