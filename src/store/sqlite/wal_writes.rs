//! The writer's VFS: the platform's own, except that the write-ahead log's writes are gathered in
//! memory and reach the file in 64 KiB pieces when SQLite syncs it (or reads, sizes, truncates or
//! closes it), instead of two calls per page.
//!
//! Why: SQLite writes each log frame as two calls (its 24-byte header, then the page), and on
//! ext4 each call costs the kernel a page-cache lookup, a dirtying and a journal check whatever
//! its size, so a batch's commit paid for about twice as many calls as pages (docs/benchmark.md,
//! "The log's writes gathered"). Why it is safe: a commit's frames are only published to other
//! connections (the log index's header) after SQLite syncs the log (the writer runs
//! `synchronous=FULL`), and the sync writes the gathered bytes first; a frame not yet synced was
//! never durable, so a crash loses nothing that was promised. Anything that reads, sizes or
//! truncates the log, or any file control, first writes what is gathered, so the file always
//! reads as SQLite wrote it. Only the writer's connection uses this VFS: the readers and the
//! checkpointer never write the log.

use std::ffi::{c_char, c_int, c_void, CStr};
use std::mem::{align_of, size_of};
use std::ptr;
use std::sync::OnceLock;

use rusqlite::ffi;

/// The name the writer's connection opens its database with.
const VFS_NAME: &CStr = c"oz-gathered-log";

/// The most bytes passed to the real VFS's write at once.
const PIECE: usize = 64 << 10;

/// Past this many gathered bytes, they are written at once (a batch's frames are far fewer).
const MAX_GATHERED: usize = 8 << 20;

/// Registers the VFS (once per process) over the default one; its name for `open_with_flags_and_vfs`.
pub(super) fn register() -> Result<&'static CStr, String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            // SAFETY: `sqlite3_vfs_find(NULL)` returns the default VFS, which lives as long as
            // the process; the copy made here is leaked, so it does too, as SQLite requires.
            unsafe {
                let real = ffi::sqlite3_vfs_find(ptr::null());
                if real.is_null() {
                    return Err("SQLite has no default VFS".into());
                }
                let mut vfs = *real;
                vfs.zName = VFS_NAME.as_ptr();
                vfs.szOsFile = state_offset((*real).szOsFile) + size_of::<Gathered>() as c_int;
                vfs.xOpen = Some(open);
                vfs.pNext = ptr::null_mut();
                REAL_VFS.set(Real(real)).map_err(|_| "the VFS is registered twice".to_string())?;
                let leaked = Box::leak(Box::new(vfs));
                match ffi::sqlite3_vfs_register(leaked, 0) {
                    ffi::SQLITE_OK => Ok(()),
                    code => Err(format!("cannot register the SQLite VFS (code {code})")),
                }
            }
        })
        .clone()
        .map(|()| VFS_NAME)
}

/// The default VFS this one wraps.
struct Real(*mut ffi::sqlite3_vfs);
// SAFETY: a registered VFS is immutable and shared by every thread, as SQLite itself shares it.
unsafe impl Send for Real {}
unsafe impl Sync for Real {}
static REAL_VFS: OnceLock<Real> = OnceLock::new();

/// Where a file's `Gathered` sits: after the real VFS's own file structure, which starts at the
/// file's address, so that every method not overridden here is the real one, called with the
/// same pointer.
fn state_offset(real_size: c_int) -> c_int {
    let align = align_of::<Gathered>() as c_int;
    (real_size + align - 1) / align * align
}

/// A log file's state: the real methods, this file's methods (the real ones with the log's
/// overridden), and the bytes written but not yet passed on, which start at `start`.
struct Gathered {
    real: *const ffi::sqlite3_io_methods,
    methods: ffi::sqlite3_io_methods,
    bytes: Vec<u8>,
    start: i64,
    #[cfg(test)]
    passed_on: usize,
}

/// Where the `Gathered` of a file of this VFS is (initialised only for the log).
///
/// # Safety
/// `file` was opened by this VFS.
unsafe fn state_of(file: *mut ffi::sqlite3_file) -> *mut Gathered {
    let real_size = (*REAL_VFS.get().expect("registered before any open").0).szOsFile;
    (file as *mut u8).add(state_offset(real_size) as usize) as *mut Gathered
}

/// # Safety
/// `file` is a file this VFS opened for the log: its `Gathered` is initialised.
unsafe fn gathered<'a>(file: *mut ffi::sqlite3_file) -> &'a mut Gathered {
    &mut *state_of(file)
}

unsafe extern "C" fn open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let real = REAL_VFS.get().expect("registered before any open").0;
    let Some(real_open) = (*real).xOpen else { return ffi::SQLITE_CANTOPEN };
    let code = real_open(real, name, file, flags, out_flags);
    if code != ffi::SQLITE_OK || flags & ffi::SQLITE_OPEN_WAL == 0 || (*file).pMethods.is_null() {
        // Anything but the log is the real VFS's file, unchanged.
        return code;
    }
    let real_methods = (*file).pMethods;
    let mut methods = *real_methods;
    methods.xClose = Some(close);
    methods.xRead = Some(read);
    methods.xWrite = Some(write);
    methods.xTruncate = Some(truncate);
    methods.xSync = Some(sync);
    methods.xFileSize = Some(file_size);
    methods.xFileControl = Some(file_control);
    if methods.iVersion >= 3 {
        methods.xFetch = Some(fetch);
    }
    let state = state_of(file);
    ptr::write(
        state,
        Gathered {
            real: real_methods,
            methods,
            bytes: Vec::new(),
            start: 0,
            #[cfg(test)]
            passed_on: 0,
        },
    );
    (*file).pMethods = &(*state).methods;
    code
}

/// Passes the gathered bytes on to the real file. On failure they are dropped: SQLite takes the
/// error as the log's, fails the transaction, and publishes none of its frames.
unsafe fn pass_on(file: *mut ffi::sqlite3_file) -> c_int {
    let state = gathered(file);
    if state.bytes.is_empty() {
        return ffi::SQLITE_OK;
    }
    let bytes = std::mem::take(&mut state.bytes);
    #[cfg(test)]
    {
        state.passed_on += 1;
    }
    let Some(real_write) = (*state.real).xWrite else { return ffi::SQLITE_IOERR_WRITE };
    let mut code = ffi::SQLITE_OK;
    let mut offset = state.start;
    // The unix VFS writes at most 0x1ffff bytes a call (it masks the length; SQLite itself never
    // writes more than a page), so the bytes go in pieces of 64 KiB: still one call where there
    // were about thirty.
    for piece in bytes.chunks(PIECE) {
        code = real_write(file, piece.as_ptr() as *const c_void, piece.len() as c_int, offset);
        if code != ffi::SQLITE_OK {
            break;
        }
        offset += piece.len() as i64;
    }
    // Keep the allocation for the next batch.
    let state = gathered(file);
    state.bytes = bytes;
    state.bytes.clear();
    code
}

/// Passes the gathered bytes on, then (if that worked) runs `then` with the real methods: what
/// every method that reads, sizes, syncs or otherwise looks at the file does first.
unsafe fn after_pass_on(file: *mut ffi::sqlite3_file, then: impl FnOnce(&ffi::sqlite3_io_methods) -> c_int) -> c_int {
    let code = pass_on(file);
    if code != ffi::SQLITE_OK {
        return code;
    }
    then(&*gathered(file).real)
}

unsafe extern "C" fn write(file: *mut ffi::sqlite3_file, data: *const c_void, amount: c_int, offset: i64) -> c_int {
    let state = gathered(file);
    let follows = !state.bytes.is_empty() && offset == state.start + state.bytes.len() as i64;
    if !follows {
        // Not the next bytes (a frame written again in place, a new header): what is gathered
        // goes first, so that the file sees the writes in SQLite's order.
        let code = pass_on(file);
        if code != ffi::SQLITE_OK {
            return code;
        }
        gathered(file).start = offset;
    }
    let state = gathered(file);
    state.bytes.extend_from_slice(std::slice::from_raw_parts(data as *const u8, amount as usize));
    if state.bytes.len() >= MAX_GATHERED {
        return pass_on(file);
    }
    ffi::SQLITE_OK
}

unsafe extern "C" fn read(file: *mut ffi::sqlite3_file, out: *mut c_void, amount: c_int, offset: i64) -> c_int {
    let state = gathered(file);
    let end = state.start + state.bytes.len() as i64;
    if !state.bytes.is_empty() && offset < end && offset + i64::from(amount) > state.start {
        let code = pass_on(file);
        if code != ffi::SQLITE_OK {
            return code;
        }
    }
    match (*gathered(file).real).xRead {
        Some(real_read) => real_read(file, out, amount, offset),
        None => ffi::SQLITE_IOERR_READ,
    }
}

unsafe extern "C" fn sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    after_pass_on(file, |real| match real.xSync {
        Some(real_sync) => real_sync(file, flags),
        None => ffi::SQLITE_IOERR_FSYNC,
    })
}

unsafe extern "C" fn truncate(file: *mut ffi::sqlite3_file, size: i64) -> c_int {
    after_pass_on(file, |real| match real.xTruncate {
        Some(real_truncate) => real_truncate(file, size),
        None => ffi::SQLITE_IOERR_TRUNCATE,
    })
}

unsafe extern "C" fn file_size(file: *mut ffi::sqlite3_file, size: *mut i64) -> c_int {
    after_pass_on(file, |real| match real.xFileSize {
        Some(real_size) => real_size(file, size),
        None => ffi::SQLITE_IOERR_FSTAT,
    })
}

unsafe extern "C" fn file_control(file: *mut ffi::sqlite3_file, op: c_int, arg: *mut c_void) -> c_int {
    after_pass_on(file, |real| match real.xFileControl {
        Some(real_control) => real_control(file, op, arg),
        None => ffi::SQLITE_NOTFOUND,
    })
}

unsafe extern "C" fn fetch(file: *mut ffi::sqlite3_file, offset: i64, amount: c_int, out: *mut *mut c_void) -> c_int {
    after_pass_on(file, |real| match real.xFetch {
        Some(real_fetch) => real_fetch(file, offset, amount, out),
        None => {
            *out = ptr::null_mut();
            ffi::SQLITE_OK
        }
    })
}

unsafe extern "C" fn close(file: *mut ffi::sqlite3_file) -> c_int {
    let written = pass_on(file);
    let state = state_of(file).read();
    // The real close must see the real methods, as if this VFS had never been there.
    (*file).pMethods = state.real;
    let closed = match (*state.real).xClose {
        Some(real_close) => real_close(file),
        None => ffi::SQLITE_OK,
    };
    drop(state);
    if written != ffi::SQLITE_OK {
        written
    } else {
        closed
    }
}

/// How many times a log file's gathered bytes were passed on to the real file, for the tests.
#[cfg(test)]
pub(super) fn passed_on(conn: &rusqlite::Connection) -> Option<usize> {
    // SAFETY: the log's file pointer comes from SQLite itself (`SQLITE_FCNTL_JOURNAL_POINTER`
    // gives the log's in WAL mode); it is this VFS's only if its methods are a `Gathered`'s.
    unsafe {
        let mut file: *mut ffi::sqlite3_file = ptr::null_mut();
        let code = ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            ffi::SQLITE_FCNTL_JOURNAL_POINTER,
            &mut file as *mut _ as *mut c_void,
        );
        if code != ffi::SQLITE_OK || file.is_null() || (*file).pMethods.is_null() {
            return None;
        }
        let state = state_of(file);
        ptr::eq((*file).pMethods, ptr::addr_of!((*state).methods)).then(|| (*state).passed_on)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::{Connection, OpenFlags};

    use super::{passed_on, register};

    /// A connection through this VFS in the writer's modes, and a plain one beside it.
    fn pair(path: &std::path::Path) -> (Connection, Connection) {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let gathered = Connection::open_with_flags_and_vfs(path, flags, register().expect("registers")).expect("opens");
        gathered.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)).expect("WAL");
        gathered.pragma_update(None, "synchronous", "FULL").expect("FULL");
        gathered.execute_batch("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY, v BLOB NOT NULL)").expect("table");
        let plain = Connection::open(path).expect("a plain connection opens");
        (gathered, plain)
    }

    fn rows(conn: &Connection) -> (i64, i64) {
        conn.query_row("SELECT COUNT(*), COALESCE(SUM(length(v)), 0) FROM t", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("counts")
    }

    fn intact(conn: &Connection) {
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("checks");
        assert_eq!(check, "ok");
    }

    #[test]
    fn each_commit_reaches_the_log_in_one_write_and_other_connections_read_it() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("gathered.db");
        let (gathered, plain) = pair(&path);
        let before = passed_on(&gathered).expect("the log is this VFS's file");
        for commit in 1..=10i64 {
            let tx = gathered.unchecked_transaction().expect("begins");
            // 40 rows of 1,000 bytes: about ten pages, each its own frame.
            for _ in 0..40 {
                tx.execute("INSERT INTO t (v) VALUES (zeroblob(1000))", []).expect("inserts");
            }
            tx.commit().expect("commits");
            assert_eq!(passed_on(&gathered), Some(before + commit as usize), "one write per commit");
            assert_eq!(rows(&plain), (40 * commit, 40_000 * commit), "the plain connection sees commit {commit}");
        }
        intact(&plain);
        assert_eq!(passed_on(&plain), None, "the plain connection's log is the real VFS's");
    }

    #[test]
    fn a_transaction_that_spills_reads_its_own_frames_back_and_a_rollback_leaves_nothing() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("spill.db");
        let (gathered, plain) = pair(&path);
        // A cache of 8 pages: a transaction of hundreds spills frames into the log before its
        // commit, and reads them back through the log when it needs those pages again.
        gathered.pragma_update(None, "cache_size", 8).expect("a small cache");
        let tx = gathered.unchecked_transaction().expect("begins");
        for i in 0..500i64 {
            tx.execute("INSERT INTO t (k, v) VALUES (?1, randomblob(900))", [i]).expect("inserts");
        }
        let changed: i64 = tx.query_row("SELECT COUNT(*) FROM t WHERE k % 7 = 0", [], |r| r.get(0)).expect("reads");
        assert_eq!(changed, 72);
        tx.execute("UPDATE t SET v = zeroblob(900) WHERE k % 7 = 0", []).expect("rewrites pages in place");
        tx.commit().expect("commits");
        assert_eq!(rows(&plain), (500, 450_000));
        let zeroed: i64 =
            plain.query_row("SELECT COUNT(*) FROM t WHERE v = zeroblob(900)", [], |r| r.get(0)).expect("reads");
        assert_eq!(zeroed, 72);

        let tx = gathered.unchecked_transaction().expect("begins");
        for i in 500..1000i64 {
            tx.execute("INSERT INTO t (k, v) VALUES (?1, randomblob(900))", [i]).expect("inserts");
        }
        tx.rollback().expect("rolls back");
        assert_eq!(rows(&plain), (500, 450_000), "nothing of the rolled-back transaction");
        intact(&plain);
        intact(&gathered);
    }

    #[test]
    fn what_was_committed_is_there_after_the_connection_closes_and_after_a_checkpoint() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("close.db");
        {
            let (gathered, _plain) = pair(&path);
            gathered.execute("INSERT INTO t (v) VALUES (zeroblob(5000))", []).expect("inserts");
            gathered.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).expect("checkpoints");
            gathered.execute("INSERT INTO t (v) VALUES (zeroblob(3000))", []).expect("inserts");
        }
        let (gathered, plain) = pair(&path);
        assert_eq!(rows(&plain), (2, 8_000));
        assert_eq!(rows(&gathered), (2, 8_000));
        intact(&plain);
    }
}
