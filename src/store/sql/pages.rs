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
