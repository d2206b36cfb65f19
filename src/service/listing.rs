//! Lists as the use cases answer them: one page when a page is asked for, and a whole list as
//! its first chunk plus what reads the rest a chunk at a time (`Rest`), so that no list, however
//! long, is read or held whole.

use futures::future::BoxFuture;
use roaring::RoaringTreemap;

use super::App;
use crate::domain::{Cursor, Error, Page, PageRequest, MAX_PAGE};
use crate::store::StoreResult;

/// Reads one page of a list from the store, after the caller's checks were made.
pub type Reader<T> = Box<dyn Fn(PageRequest) -> BoxFuture<'static, StoreResult<Page<T>>> + Send + Sync>;

/// Reads one page of the second part of an effective list (`Store::inherited_users_page`):
/// what belongs in it through other groups, or joined directly after a membership `seq`.
pub type Others<T> = Box<dyn Fn(u64, PageRequest) -> BoxFuture<'static, StoreResult<Page<(T, u64)>>> + Send + Sync>;

/// A list's answer: `page` (the page asked for, or a whole list's first chunk, then without a
/// `next`), and for a whole list longer than one chunk, `rest`.
pub struct Listing<T> {
    pub page: Page<T>,
    pub rest: Option<Rest<T>>,
}

/// The chunks of a whole list after its first, read on demand. Each chunk is one page of the
/// list (or of a part of it, less what was given: `Once`), read after the last item of the
/// one before, so the chunks follow one another in the list's order. Pages name
/// positions (`Cursor`), so an item that is in the list from the first chunk's read to the last
/// chunk's comes exactly once, and the access checks were made once, before the first chunk. An
/// item added or removed meanwhile may or may not be in the answer, which a single read's
/// snapshot would have settled one way; one that leaves and comes back meanwhile (a member, a
/// link: a new position) comes at most once in the lists that can hold it (`Once`).
pub struct Rest<T> {
    chunk: u32,
    list: List<T>,
}

/// What a whole list is read from.
enum List<T> {
    /// One list's pages, in its order; `None` once it has ended.
    Pages { after: Option<Position>, read: Reader<T> },
    /// A list read with each item's creation `seq`, each item once.
    Once(Box<Once<T>>),
}

/// Where the next page of a list starts.
#[derive(Clone, Copy)]
enum Position {
    Start,
    After(Cursor),
}

impl Position {
    fn of(next: Option<Cursor>) -> Option<Self> {
        next.map(Position::After)
    }

    fn request(self, chunk: u32) -> Option<PageRequest> {
        let after = match self {
            Position::Start => None,
            Position::After(cursor) => Some(cursor),
        };
        PageRequest::new(after, chunk)
    }
}

/// A list whose items can leave it and come back while it is sent, read with each item's
/// creation `seq` so that each comes at most once: a direct list of members or links
/// (`App::listing_once`: `direct` alone), or an effective list in its whole order (`others`
/// too). An effective list is every item of the direct part (`direct`, in join order), then, by
/// creation `seq`, what else belongs in it (`others`: through other groups, or joined directly
/// after `joined_after`, the last position the direct part named) less what was given.
/// `listed` holds the creation `seq` of every item given so far, so each item comes at most
/// once even when it leaves and comes back or moves between the parts during the transfer, and
/// one that is in the list throughout comes exactly once: given by the direct part, or, if that
/// passed it by, by the second (through another group, or by a membership after
/// `joined_after`). A bitmap of sequence numbers costs a few bytes per item given, not the item
/// itself.
struct Once<T> {
    direct: Reader<(T, u64)>,
    others: Option<Others<T>>,
    part: Option<(Part, Position)>,
    joined_after: u64,
    listed: RoaringTreemap,
}

#[derive(Clone, Copy)]
enum Part {
    Direct,
    Others,
}

impl<T> Rest<T> {
    fn pages(read: Reader<T>, chunk: u32) -> Self {
        Rest { chunk, list: List::Pages { after: Some(Position::Start), read } }
    }

    fn once(direct: Reader<(T, u64)>, others: Option<Others<T>>, chunk: u32) -> Self {
        let part = Some((Part::Direct, Position::Start));
        let list = Once { direct, others, part, joined_after: 0, listed: RoaringTreemap::new() };
        Rest { chunk, list: List::Once(Box::new(list)) }
    }

    /// Whether every item has been read.
    fn ended(&self) -> bool {
        match &self.list {
            List::Pages { after, .. } => after.is_none(),
            List::Once(list) => list.part.is_none(),
        }
    }

    /// The next chunk's items, `None` once the list has ended. After an error, the list has
    /// ended.
    pub async fn next(&mut self) -> Option<Result<Vec<T>, Error>> {
        let chunk = self.chunk;
        match &mut self.list {
            List::Pages { after, read } => {
                let request = after.take()?.request(chunk)?;
                match read(request).await {
                    Ok(page) => {
                        *after = Position::of(page.next);
                        Some(Ok(page.items))
                    }
                    Err(e) => Some(Err(e.into())),
                }
            }
            List::Once(list) => list.next(chunk).await,
        }
    }
}

impl<T> Once<T> {
    async fn next(&mut self, chunk: u32) -> Option<Result<Vec<T>, Error>> {
        loop {
            let (part, at) = self.part.take()?;
            let request = at.request(chunk)?;
            let read = match (part, &self.others) {
                (Part::Direct, _) => (self.direct)(request),
                (Part::Others, Some(others)) => others(self.joined_after, request),
                (Part::Others, None) => return None,
            };
            let page = match read.await {
                Ok(page) => page,
                Err(e) => return Some(Err(e.into())),
            };
            if let (Part::Direct, Some(next)) = (part, page.next) {
                self.joined_after = next.seq();
            }
            self.part = match (part, Position::of(page.next)) {
                (part, Some(next)) => Some((part, next)),
                (Part::Direct, None) => self.others.is_some().then_some((Part::Others, Position::Start)),
                (Part::Others, None) => None,
            };
            // `insert` is false for an item given before: a direct member that left and joined
            // again during the transfer, or (in the second part) one the first part gave.
            let items: Vec<T> =
                page.items.into_iter().filter(|(_, seq)| self.listed.insert(*seq)).map(|(item, _)| item).collect();
            if !items.is_empty() {
                return Some(Ok(items));
            }
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
        self.whole(Rest::pages(read, self.list_chunk)).await
    }

    /// As `listing`, for a direct list whose items can leave it and come back (members,
    /// links), each at a new position: a whole list longer than one chunk is read again from
    /// the start with each item's creation `seq` (the reader `with_seq` makes), so that each
    /// item comes at most once. A list within one chunk, most of them, is one plain read; a
    /// longer one costs one chunk's read more.
    pub(super) async fn listing_once<T>(
        &self,
        page: Option<PageRequest>,
        read: Reader<T>,
        with_seq: impl FnOnce() -> Reader<(T, u64)>,
    ) -> Result<Listing<T>, Error> {
        if page.is_some() {
            return self.listing(page, read).await;
        }
        let mut plain = Rest::pages(read, self.list_chunk);
        let first = plain.next().await.transpose()?.unwrap_or_default();
        if plain.ended() {
            return Ok(Listing { page: Page::whole(first), rest: None });
        }
        self.whole(Rest::once(with_seq(), None, self.list_chunk)).await
    }

    /// The whole of an effective list, in its order: the direct part (`direct`), then the
    /// others (`others`), each item once.
    pub(super) async fn direct_first<T>(
        &self,
        direct: Reader<(T, u64)>,
        others: Others<T>,
    ) -> Result<Listing<T>, Error> {
        self.whole(Rest::once(direct, Some(others), self.list_chunk)).await
    }

    /// A whole list's first chunk, read before the answer's head so that a failure is still
    /// its status: a chunk's worth of items or the whole list if shorter (an effective list's
    /// parts may end mid-chunk), and the rest if any.
    async fn whole<T>(&self, mut rest: Rest<T>) -> Result<Listing<T>, Error> {
        let mut items = Vec::new();
        while items.len() < self.list_chunk as usize {
            match rest.next().await {
                // Most whole lists are one chunk: that chunk is the answer, not a copy of it.
                Some(chunk) if items.is_empty() => items = chunk?,
                Some(chunk) => items.extend(chunk?),
                None => break,
            }
        }
        let rest = (!rest.ended()).then_some(rest);
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

    /// One group as a store holds it: its direct members (membership position, user), and the
    /// users that belong through a child. A user is its own creation `seq`.
    struct Group {
        direct: Vec<(u64, u64)>,
        through: Vec<u64>,
    }
    type Shared = Arc<std::sync::Mutex<Group>>;

    /// The direct part's pages, in join order.
    fn direct_reader(group: Shared) -> Reader<(u64, u64)> {
        Box::new(move |request: PageRequest| {
            let after = request.after().map_or(0, |c| c.seq());
            let mut rows: Vec<_> =
                group.lock().expect("group").direct.iter().filter(|(at, _)| *at > after).copied().collect();
            rows.sort_by_key(|(at, _)| *at);
            rows.truncate(request.limit() as usize + 1);
            let page =
                Page::from_rows(rows.into_iter().map(|(at, user)| ((user, user), at)).collect(), request.limit());
            Box::pin(async move { Ok(page) })
        })
    }

    /// The second part's pages (`Store::inherited_users_page`), by creation.
    fn others_reader(group: Shared) -> Others<u64> {
        Box::new(move |joined_after, request: PageRequest| {
            let after = request.after().map_or(0, |c| c.seq());
            let group = group.lock().expect("group");
            let late = group.direct.iter().filter(|(at, _)| *at > joined_after).map(|(_, user)| *user);
            let mut users: Vec<u64> = group.through.iter().copied().chain(late).filter(|u| *u > after).collect();
            users.sort_unstable();
            users.dedup();
            users.truncate(request.limit() as usize + 1);
            let page = Page::from_rows(users.into_iter().map(|u| ((u, u), u)).collect(), request.limit());
            Box::pin(async move { Ok(page) })
        })
    }

    /// Members 7, 3, 9 and 1 joined in that order; 1, 2, 4, 5, 8 and 9 belong through a child.
    fn group() -> Shared {
        let direct = [7, 3, 9, 1].iter().enumerate().map(|(i, u)| (i as u64 + 1, *u)).collect();
        Arc::new(std::sync::Mutex::new(Group { direct, through: vec![1, 2, 4, 5, 8, 9] }))
    }

    #[tokio::test]
    async fn an_effective_list_is_its_direct_part_then_the_others_each_once() {
        for chunk in [1, 2, 3, 4, 5, 7, 8, 1000] {
            let group = group();
            let listing = app()
                .with_list_chunk(chunk)
                .direct_first(direct_reader(group.clone()), others_reader(group))
                .await
                .expect("the first chunk");
            let first = listing.page.items.len();
            assert!(first >= (chunk as usize).min(8), "the first chunk is full unless the list is shorter");
            assert_eq!(listing.rest.is_none(), chunk >= 8, "a list within one chunk is whole, chunk {chunk}");
            let mut all = listing.page.items;
            if let Some(mut rest) = listing.rest {
                while let Some(chunk) = rest.next().await {
                    let chunk = chunk.expect("a chunk");
                    assert!(!chunk.is_empty(), "no empty chunks");
                    all.extend(chunk);
                }
            }
            assert_eq!(all, vec![7, 3, 9, 1, 2, 4, 5, 8], "chunk {chunk}");
        }
    }

    #[tokio::test]
    async fn a_member_moving_between_the_parts_while_the_list_is_sent_comes_once() {
        let group = group();
        let app = app().with_list_chunk(2);
        let listing =
            app.direct_first(direct_reader(group.clone()), others_reader(group.clone())).await.expect("first");
        assert_eq!(listing.page.items, vec![7, 3]);
        let mut rest = listing.rest.expect("more");
        // 7 leaves the group but joins a child; 3 leaves and joins again.
        {
            let mut g = group.lock().expect("group");
            g.direct.retain(|(_, u)| *u != 7 && *u != 3);
            g.direct.push((5, 3));
            g.through.push(7);
        }
        assert_eq!(rest.next().await.map(Result::ok), Some(Some(vec![9, 1])));
        assert_eq!(
            rest.next().await.map(Result::ok),
            Some(Some(vec![2])),
            "3 again is skipped, and the others start (1 was given)"
        );
        // 8, so far a member through a child only, joins the group itself and leaves the child,
        // after the direct part was read.
        {
            let mut g = group.lock().expect("group");
            g.direct.push((6, 8));
            g.through.retain(|u| *u != 8);
        }
        let mut got = vec![7, 3, 9, 1, 2];
        while let Some(chunk) = rest.next().await {
            got.extend(chunk.expect("read"));
        }
        assert_eq!(got, vec![7, 3, 9, 1, 2, 4, 5, 8], "each member once");
    }

    /// The direct part's pages as a plain list of members, counting its reads.
    fn plain_reader(group: Shared, reads: Arc<AtomicUsize>) -> Reader<u64> {
        let direct = direct_reader(group);
        Box::new(move |request: PageRequest| {
            reads.fetch_add(1, Ordering::Relaxed);
            let page = direct(request);
            Box::pin(async move { Ok(page.await?.map(|(user, _)| user)) })
        })
    }

    #[tokio::test]
    async fn a_direct_list_within_one_chunk_is_one_plain_read() {
        let unread = || -> Reader<(u64, u64)> { panic!("no reader with seqs") };
        for chunk in [4, 5, 1000] {
            let reads = Arc::new(AtomicUsize::new(0));
            let app = app().with_list_chunk(chunk);
            let listing = app.listing_once(None, plain_reader(group(), reads.clone()), unread).await.expect("whole");
            assert_eq!(listing.page.items, vec![7, 3, 9, 1], "chunk {chunk}");
            assert!(listing.page.next.is_none() && listing.rest.is_none(), "chunk {chunk}");
            assert_eq!(reads.load(Ordering::Relaxed), 1, "chunk {chunk}");
        }
        let reads = Arc::new(AtomicUsize::new(0));
        let request = PageRequest::new(None, 2);
        let listing = app().listing_once(request, plain_reader(group(), reads.clone()), unread).await.expect("page");
        assert_eq!(listing.page.items, vec![7, 3], "a page asked for is a plain page");
        assert!(listing.page.next.is_some() && listing.rest.is_none());
    }

    #[tokio::test]
    async fn a_member_that_leaves_and_joins_again_while_a_direct_list_is_sent_comes_once() {
        for chunk in [1, 2, 3] {
            let group = group();
            let reads = Arc::new(AtomicUsize::new(0));
            let app = app().with_list_chunk(chunk);
            let plain = plain_reader(group.clone(), reads.clone());
            let listing = app.listing_once(None, plain, || direct_reader(group.clone())).await.expect("first");
            assert_eq!(reads.load(Ordering::Relaxed), 1, "one plain read, then reads with seqs");
            let mut got = listing.page.items;
            assert_eq!(got, [7, 3, 9][..chunk as usize], "the first chunk, chunk {chunk}");
            let mut rest = listing.rest.expect("more than a chunk");
            // Every member given so far leaves and joins again, and 5 joins.
            {
                let mut g = group.lock().expect("group");
                for (at, user) in got.iter().enumerate() {
                    g.direct.retain(|(_, u)| u != user);
                    g.direct.push((10 + at as u64, *user));
                }
                g.direct.push((20, 5));
            }
            while let Some(chunk) = rest.next().await {
                got.extend(chunk.expect("read"));
            }
            assert_eq!(got, vec![7, 3, 9, 1, 5], "each member once, chunk {chunk}");
        }
    }

    #[tokio::test]
    async fn an_effective_list_whose_second_part_fails_is_an_error_and_ends_there() {
        let failing = || -> Others<u64> {
            Box::new(|_, _| Box::pin(async { Err(StoreError::Unavailable("the store went away".into())) }))
        };
        let listing =
            app().with_list_chunk(4).direct_first(direct_reader(group()), failing()).await.expect("direct part");
        let mut rest = listing.rest.expect("the others");
        assert!(matches!(rest.next().await, Some(Err(Error::Unavailable(_)))));
        assert!(rest.next().await.is_none(), "nothing after the failure");
        let short = app().with_list_chunk(5).direct_first(direct_reader(group()), failing()).await;
        assert!(matches!(short, Err(Error::Unavailable(_))), "a failure within the first chunk is the answer's");
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
