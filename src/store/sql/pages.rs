//! What the two SQL backends share when they read a page of a list: the lower bound of the
//! keyset query and the decoding of the rows it returns (id and sequence number).

use super::RowError;
use crate::domain::{Page, PageRequest};

/// The bound of `WHERE seq > bound`, or `None` when the page starts past every sequence number
/// a `BIGINT`/`INTEGER` column can hold (so it is empty without asking the database). Sequence
/// numbers start at 1, so "from the start" is `seq > 0`.
pub(crate) fn after_bound(page: PageRequest) -> Option<i64> {
    match page.after() {
        None => Some(0),
        Some(cursor) => i64::try_from(cursor.seq()).ok(),
    }
}

/// The `LIMIT` of the keyset query: one row more than the page holds, which says whether a
/// next page exists.
pub(crate) fn fetch_limit(page: PageRequest) -> i64 {
    i64::from(page.limit()) + 1
}

/// The page of `rows` (raw id, sequence number) read with `fetch_limit(page)`.
pub(crate) fn decode_page<T>(
    rows: Vec<(String, i64)>,
    page: PageRequest,
    parse: fn(String) -> Result<T, RowError>,
) -> Result<Page<T>, RowError> {
    let rows = rows
        .into_iter()
        .map(|(id, seq)| {
            let seq = u64::try_from(seq).map_err(|_| RowError("a stored sequence number is negative".into()))?;
            Ok((parse(id)?, seq))
        })
        .collect::<Result<Vec<_>, RowError>>()?;
    Ok(Page::from_rows(rows, page.limit()))
}

/// The page of `rows` (raw id, sequence number, the item's creation sequence number) read with
/// `fetch_limit(page)`: each item with its creation `seq`.
pub(crate) fn decode_page_with_seq<T>(
    rows: Vec<(String, i64, i64)>,
    page: PageRequest,
    parse: fn(String) -> Result<T, RowError>,
) -> Result<Page<(T, u64)>, RowError> {
    let seq = |n: i64| u64::try_from(n).map_err(|_| RowError("a stored sequence number is negative".into()));
    let rows = rows
        .into_iter()
        .map(|(id, at, created)| Ok(((parse(id)?, seq(created)?), seq(at)?)))
        .collect::<Result<Vec<_>, RowError>>()?;
    Ok(Page::from_rows(rows, page.limit()))
}

/// How many users by `seq` a page of a group's effective members scans before it reads the
/// other way. Scanning the users after the bound and keeping the members reads about
/// `limit × users / members` users; reading every membership below the group and sorting their
/// users reads `members` rows. A scan of √(limit × users) users fills its page exactly when
/// the members are at least about that many, so the scan's result tells which way is cheaper
/// (no count first), and each costs at most about that many rows, whatever the group: ~3,200
/// for pages of 100 among 100,000 users. A scan that fills no page was wasted, at most that
/// much again.
pub(crate) fn scan_window(page: PageRequest, last_user_seq: i64) -> i64 {
    let users = last_user_seq.max(0) as f64;
    let threshold = (f64::from(page.limit()) * users).sqrt().ceil() as i64;
    threshold.max(fetch_limit(page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_window_is_the_root_of_page_size_times_users_and_never_below_a_page() {
        let page = |limit| PageRequest::new(None, limit).expect("a page size within bounds");
        assert_eq!(scan_window(page(100), 100_000), 3163);
        assert_eq!(scan_window(page(1), 16), 4);
        assert_eq!(scan_window(page(1000), 3), 1001, "at least the rows a page reads");
        assert_eq!(scan_window(page(10), -5), 11, "no users");
    }
}
