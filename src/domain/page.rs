//! Pages of a list (an extension of ours): the request for one page, the page, and the opaque
//! cursor that marks where the next one starts. The cursor's text is base64url of a sequence
//! number; nothing outside this file reads or builds that text.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// Largest page a caller may ask for (the spec's `limit` maximum).
pub const MAX_PAGE: u32 = 1000;

/// A position in a list: the sequence number of the last item a page held. Every list is
/// ordered by a sequence number that only grows (creation order for groups, join order for
/// memberships), so "after this position" still means the same place when the item that had
/// it is deleted, and items added later land after every position handed out before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cursor(u64);

impl Cursor {
    pub fn from_seq(seq: u64) -> Self {
        Self(seq)
    }

    pub fn seq(self) -> u64 {
        self.0
    }

    /// Reads a cursor as `Display` writes it: 11 base64url characters (no padding) of the
    /// sequence number as 8 big-endian bytes. Anything else is `None`. Every string the spec's
    /// `Cursor` pattern admits decodes, so a schema-valid cursor is never refused; one that
    /// names a position past every item simply gives an empty page.
    pub fn parse(raw: &str) -> Option<Self> {
        if raw.len() != 11 {
            return None;
        }
        let bytes: [u8; 8] = URL_SAFE_NO_PAD.decode(raw).ok()?.try_into().ok()?;
        Some(Self(u64::from_be_bytes(bytes)))
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&URL_SAFE_NO_PAD.encode(self.0.to_be_bytes()))
    }
}

/// Which page to read: at most `limit` items (1..=`MAX_PAGE`), after `after` or from the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    after: Option<Cursor>,
    limit: u32,
}

impl PageRequest {
    /// `None` when `limit` is outside 1..=`MAX_PAGE`.
    pub fn new(after: Option<Cursor>, limit: u32) -> Option<Self> {
        (1..=MAX_PAGE).contains(&limit).then_some(Self { after, limit })
    }

    /// The first page, as large as a page may be: a whole list, for the tests' short lists.
    #[cfg(test)]
    pub(crate) fn largest_first() -> Self {
        Self { after: None, limit: MAX_PAGE }
    }

    pub fn after(self) -> Option<Cursor> {
        self.after
    }

    pub fn limit(self) -> u32 {
        self.limit
    }
}

/// Some items of a list, in its order, and where the next page starts (`None`: nothing follows,
/// or the whole list was asked for).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<Cursor>,
}

impl<T> Page<T> {
    /// A whole list: nothing follows it.
    pub fn whole(items: Vec<T>) -> Self {
        Self { items, next: None }
    }

    /// The page of `rows` (item and sequence number, in sequence order) when up to `limit + 1`
    /// rows were read: the extra row only says that more follow, and the next page starts after
    /// the last row kept.
    pub fn from_rows(mut rows: Vec<(T, u64)>, limit: u32) -> Self {
        let limit = limit as usize;
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next = more.then(|| rows.last().map(|(_, seq)| Cursor::from_seq(*seq))).flatten();
        Self { items: rows.into_iter().map(|(item, _)| item).collect(), next }
    }

    /// The same page with each item passed through `f`.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next: self.next }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_as_the_position_it_was_written_from() {
        for seq in [0, 1, 100, u64::from(u32::MAX) + 7, u64::MAX] {
            let text = Cursor::from_seq(seq).to_string();
            assert_eq!(text.len(), 11, "{text}");
            assert_eq!(Cursor::parse(&text), Some(Cursor::from_seq(seq)));
        }
        assert_eq!(Cursor::from_seq(100).to_string(), "AAAAAAAAAGQ", "as in the spec's Link example");
    }

    #[test]
    fn text_that_is_not_a_cursor_is_refused() {
        for bad in ["", "AAAAAAAAAG", "AAAAAAAAAGQA", "AAAAAAAAAG=", "AAAAAAAAA+Q", "AAAAAAAAAGR"] {
            assert_eq!(Cursor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_page_size_outside_one_to_the_maximum_is_refused() {
        assert!(PageRequest::new(None, 0).is_none());
        assert!(PageRequest::new(None, MAX_PAGE + 1).is_none());
        assert_eq!(PageRequest::new(None, MAX_PAGE).map(PageRequest::limit), Some(MAX_PAGE));
    }

    #[test]
    fn a_page_has_a_next_cursor_only_when_an_extra_row_was_read() {
        let full = Page::from_rows(vec![("a", 3), ("b", 5), ("c", 9)], 2);
        assert_eq!((full.items, full.next), (vec!["a", "b"], Some(Cursor::from_seq(5))));
        let last = Page::from_rows(vec![("a", 3), ("b", 5)], 2);
        assert_eq!((last.items, last.next), (vec!["a", "b"], None));
    }
}
