//! Lists as the use cases answer them: one page when a page is asked for, and a whole list as
//! its first chunk plus what reads the rest a chunk at a time (`Rest`), so that no list, however
//! long, is read or held whole.

use futures::future::BoxFuture;

use super::App;
use crate::domain::{Cursor, Error, Page, PageRequest, MAX_PAGE};
use crate::store::StoreResult;

/// Reads one page of a list from the store, after the caller's checks were made.
pub type Reader<T> = Box<dyn Fn(PageRequest) -> BoxFuture<'static, StoreResult<Page<T>>> + Send + Sync>;

/// A list's answer: `page` (the page asked for, or a whole list's first chunk, then without a
/// `next`), and for a whole list longer than one chunk, `rest`.
pub struct Listing<T> {
    pub page: Page<T>,
    pub rest: Option<Rest<T>>,
}

/// The chunks of a whole list after its first, read on demand. Each chunk is one page of the
/// list, read after the last item of the one before, so the chunks follow one another in the
/// list's order. Pages name positions (`Cursor`), so an item that is in the list from the first
/// chunk's read to the last chunk's comes exactly once, and the access checks were made once,
/// before the first chunk. An item added or removed meanwhile may or may not be in the answer,
/// which a single read's snapshot would have settled one way.
pub struct Rest<T> {
    after: Option<Cursor>,
    chunk: u32,
    read: Reader<T>,
}

impl<T> Rest<T> {
    /// The next chunk's items, `None` once the list has ended.
    pub async fn next(&mut self) -> Option<Result<Vec<T>, Error>> {
        let request = PageRequest::new(Some(self.after.take()?), self.chunk)?;
        match (self.read)(request).await {
            Ok(page) => {
                self.after = page.next;
                Some(Ok(page.items))
            }
            Err(e) => Some(Err(e.into())),
        }
    }
}

/// How many items a whole list reads at a time unless set (`App::with_list_chunk`): a page at
/// its largest, which is a read the store already serves inline.
pub const LIST_CHUNK: u32 = MAX_PAGE;

impl App {
    /// This app with whole lists read `chunk` items at a time (1..=`MAX_PAGE`; tests use small
    /// chunks to cross chunk boundaries with a few items).
    pub fn with_list_chunk(mut self, chunk: u32) -> Self {
        self.list_chunk = chunk.clamp(1, MAX_PAGE);
        self
    }

    /// `page` of the list `read` reads, or, with no page asked for, the whole list: its first
    /// chunk, and the rest to be read as it is sent.
    pub(super) async fn listing<T>(&self, page: Option<PageRequest>, read: Reader<T>) -> Result<Listing<T>, Error> {
        if let Some(page) = page {
            return Ok(Listing { page: read(page).await?, rest: None });
        }
        let first = PageRequest::new(None, self.list_chunk).ok_or_else(|| Error::internal("no list chunk size"))?;
        let Page { items, next } = read(first).await?;
        let rest = next.map(|after| Rest { after: Some(after), chunk: self.list_chunk, read });
        Ok(Listing { page: Page::whole(items), rest })
    }
}

/// A `Reader` from a store call on `store`, `key` (the list's owner, `()` for the zone's lists)
/// and the page asked for.
macro_rules! reader {
    ($store:expr, $key:expr, |$s:ident, $k:pat_param, $request:ident| $call:expr) => {{
        let (store, key) = ($store.clone(), $key.clone());
        Box::new(move |$request| {
            let ($s, $k) = (store.clone(), key.clone());
            Box::pin(async move { $call.await }) as futures::future::BoxFuture<'static, _>
        }) as crate::service::listing::Reader<_>
    }};
}
pub(super) use reader;

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::service::TestClock;
    use crate::store::memory::MemoryStore;
    use crate::store::StoreError;
    use crate::tokens::TokenCodec;

    fn app() -> App {
        let codec = TokenCodec::new(b"a master key for the listing tests".to_vec(), "onezone");
        App::new(Arc::new(MemoryStore::new()), codec, Arc::new(TestClock::at(0)))
    }

    /// A reader over `0..len` by position (the cursor is the last item read), counting its
    /// reads, failing the read that starts after `fail_after` if set.
    fn numbers(len: u64, reads: Arc<AtomicUsize>, fail_after: Option<u64>) -> Reader<u64> {
        Box::new(move |request: PageRequest| {
            reads.fetch_add(1, Ordering::Relaxed);
            let start = request.after().map_or(0, |c| c.seq() + 1);
            let result = if fail_after.is_some_and(|f| start > f) {
                Err(StoreError::Unavailable("the store went away".into()))
            } else {
                let rows: Vec<(u64, u64)> = (start..len).take(request.limit() as usize + 1).map(|i| (i, i)).collect();
                Ok(Page::from_rows(rows, request.limit()))
            };
            Box::pin(async move { result })
        })
    }

    #[tokio::test]
    async fn a_whole_list_comes_as_chunks_that_concatenate_to_it_in_order() {
        for (len, chunk) in [(0, 3), (2, 3), (3, 3), (4, 3), (10, 3), (2500, 1000)] {
            let reads = Arc::new(AtomicUsize::new(0));
            let app = app().with_list_chunk(chunk);
            let listing = app.listing(None, numbers(len, reads.clone(), None)).await.expect("the first chunk");
            assert_eq!(listing.page.next, None, "a whole list has no next");
            let mut all = listing.page.items;
            assert!(all.len() <= chunk as usize);
            if let Some(mut rest) = listing.rest {
                while let Some(chunk) = rest.next().await {
                    all.extend(chunk.expect("a chunk"));
                }
            }
            assert_eq!(all, (0..len).collect::<Vec<_>>(), "{len} items by {chunk}");
            let chunks = (len as usize).div_ceil(chunk as usize).max(1);
            assert_eq!(reads.load(Ordering::Relaxed), chunks, "one read per chunk, {len} items by {chunk}");
        }
    }

    #[tokio::test]
    async fn a_page_asked_for_is_one_read_with_nothing_after_it() {
        let reads = Arc::new(AtomicUsize::new(0));
        let request = PageRequest::new(None, 4);
        let listing =
            app().with_list_chunk(2).listing(request, numbers(10, reads.clone(), None)).await.expect("a page");
        assert_eq!(listing.page.items, vec![0, 1, 2, 3]);
        assert!(listing.page.next.is_some(), "a page names its next");
        assert!(listing.rest.is_none());
        assert_eq!(reads.load(Ordering::Relaxed), 1);
    }

    #[tokio::test]
    async fn a_chunk_that_fails_is_an_error_and_the_list_ends_there() {
        let reads = Arc::new(AtomicUsize::new(0));
        let listing = app().with_list_chunk(3).listing(None, numbers(10, reads, Some(4))).await.expect("the first");
        let mut rest = listing.rest.expect("more than a chunk");
        assert_eq!(rest.next().await.map(Result::ok), Some(Some(vec![3, 4, 5])));
        assert!(matches!(rest.next().await, Some(Err(Error::Unavailable(_)))));
        assert!(rest.next().await.is_none(), "nothing after the failure");
    }
}
