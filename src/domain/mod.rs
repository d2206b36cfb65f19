//! The domain: ids, names, group types, privileges and the one error enum. Pure: no I/O, no
//! HTTP, no serde. Values are parsed once at the edge ("parse, don't validate") and carried in
//! these types from then on.

mod error;
mod page;
mod privilege;
mod zone;

pub use error::Error;
pub use page::{Cursor, Page, PageRequest, MAX_PAGE};
pub use privilege::{Privilege, PrivilegeSet};
pub use zone::{ZoneChange, ZoneHolder, ZonePrivilege, ZonePrivilegeSet};

use std::fmt;

/// Longest name or alias, in characters (contract §4).
pub const MAX_NAME_CHARS: usize = 50;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// The text is shared: a copy of an id (a store's index, a join record, an answer) costs
        /// a reference count, not an allocation. Equality, order and hash are the text's.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(std::sync::Arc<str>);

        impl $name {
            /// A fresh id: 32 lower-case hex digits, the first 12 the time it was made
            /// ([`time_ordered_hex`]).
            pub fn generate() -> Self {
                Self(time_ordered_hex(10).into())
            }

            /// Parses an id from a path or a store. Ids are 1–64 characters of `[A-Za-z0-9_-]`;
            /// anything else cannot name an existing object.
            pub fn parse(raw: &str) -> Option<Self> {
                Self::well_formed(raw).then(|| Self(raw.into()))
            }

            /// `parse` of a string the caller owns (a store's row).
            pub fn parse_owned(raw: String) -> Option<Self> {
                Self::well_formed(&raw).then(|| Self(raw.into()))
            }

            fn well_formed(raw: &str) -> bool {
                !raw.is_empty()
                    && raw.len() <= 64
                    && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a user.
    UserId
);
id_type!(
    /// Identifies a group.
    GroupId
);

/// A fresh identifier: the milliseconds since the Unix epoch (48 bits, 12 hex digits), then
/// `random_bytes` from the operating system's generator, all in lower-case hex. Users and groups
/// take 10 random bytes (32 digits in all, the shape of Onezone's ids), token identifiers 16 (the
/// contract asks at least 128 random bits). Identifiers made close in time sort close together,
/// so each B-tree index keyed by them (a token's row and its join records, a user's memberships)
/// takes a new entry into one of a few recently written pages instead of a random page, which
/// cut the durable SQLite join's server CPU by about two fifths (docs/benchmark.md). An id tells
/// when it was made, to the millisecond, and nothing more; the random bits keep it unguessable.
/// UUIDv7 has this layout with only 74 random bits, and the `uuid` crate's monotonic counter
/// makes the ids of one millisecond predictable from each other.
pub fn time_ordered_hex(random_bytes: usize) -> String {
    use rand::RngCore;
    use std::fmt::Write;
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as u64 & ((1 << 48) - 1));
    let mut random = vec![0u8; random_bytes];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let mut id = String::with_capacity(12 + 2 * random_bytes);
    let _ = write!(id, "{millis:012x}");
    for b in random {
        let _ = write!(id, "{b:02x}");
    }
    id
}

/// A group or user name, or a user alias: 1–50 characters, none of them a control character,
/// a bidirectional control (which makes text display in another order than it is stored, so
/// `admin\u{202E}nimda` reads as someone else), an invisible or format character (zero-width
/// space, joiner, word joiner, BOM, soft hyphen, tags: general category Cf), or a line or
/// paragraph separator; and at least one of them visible, not white space or a blank filler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name(String);

/// The bidirectional controls of Unicode's Bidi_Control property (UAX #9): embeddings and
/// overrides, isolates, the marks, and the Arabic letter mark. All are Cf as well; they get
/// their own message because they are the ones used to disguise a name.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that draw nothing without being white space: the Hangul fillers and the blank
/// Braille pattern, the usual ways to make a name look empty.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}')
}

/// Format characters (Cf: zero-width space and joiners, word joiner, BOM, soft hyphen, tags,
/// ...), and the line and paragraph separators, which break a line as a newline does.
fn is_invisible(c: char) -> bool {
    use unicode_properties::{GeneralCategory as G, UnicodeGeneralCategory};
    matches!(c.general_category(), G::Format | G::LineSeparator | G::ParagraphSeparator)
}

impl Name {
    /// A name given by a caller (API, CLI). `what` names the field in the error sentence
    /// ("name", "alias").
    pub fn parse(raw: &str, what: &str) -> Result<Self, Error> {
        let name = Self::parse_stored(raw, what)?;
        refuse_disguises(raw, what)?;
        Ok(name)
    }

    /// A name read back from a store: only the rules names have always had (length, no
    /// control character), so that a name stored before the later rules stays readable.
    pub fn parse_stored(raw: &str, what: &str) -> Result<Self, Error> {
        let chars = raw.chars().count();
        if chars == 0 || chars > MAX_NAME_CHARS {
            return Err(Error::InvalidRequest(format!("The {what} must be 1 to {MAX_NAME_CHARS} characters long.")));
        }
        if raw.chars().any(char::is_control) {
            return Err(Error::InvalidRequest(format!("The {what} must not contain control characters.")));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The rules a caller's name, alias or login follows beyond length and control characters: no
/// bidirectional control, no invisible or format character, not blank only.
fn refuse_disguises(raw: &str, what: &str) -> Result<(), Error> {
    let refuse = |why: &str| Err(Error::InvalidRequest(format!("The {what} must not {why}.")));
    if raw.chars().any(is_bidi_control) {
        return refuse(
            "contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)",
        );
    }
    if raw.chars().any(is_invisible) {
        return refuse("contain invisible or format characters (such as a zero-width space or joiner)");
    }
    if raw.chars().all(is_blank) {
        return refuse("consist of white space only");
    }
    Ok(())
}

/// Longest login, in characters: a name (50) with room for the `-2`, `-3` … that makes a
/// login derived from a name unique (migration 0005, `App::create_user`).
pub const MAX_LOGIN_CHARS: usize = 64;

/// A user's login (contract §4): unique among users, set when the user is created, and the
/// user name of HTTP Basic authentication. It follows the rules of `Name` (up to 64 characters)
/// and has no colon, which ends the user name in `Authorization: Basic` (RFC 7617 §2).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Login(String);

impl Login {
    /// A login given by a caller (the CLI's `user add LOGIN`).
    pub fn parse(raw: &str) -> Result<Self, Error> {
        let login = Self::parse_stored(raw)?;
        refuse_disguises(raw, "login")?;
        if raw.contains(':') {
            return Err(Error::InvalidRequest("The login must not contain a colon.".into()));
        }
        Ok(login)
    }

    /// A login read back from a store, or derived from a stored name: length and no control
    /// character only, as `Name::parse_stored` (a name of old may hold a colon; its user then
    /// cannot use Basic authentication until renamed by hand).
    pub fn parse_stored(raw: &str) -> Result<Self, Error> {
        let chars = raw.chars().count();
        if chars == 0 || chars > MAX_LOGIN_CHARS {
            return Err(Error::InvalidRequest(format!("The login must be 1 to {MAX_LOGIN_CHARS} characters long.")));
        }
        if raw.chars().any(char::is_control) {
            return Err(Error::InvalidRequest("The login must not contain control characters.".into()));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The kind of a group (Onezone's four types). New groups are `Role` unless told otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupType {
    Organization,
    Unit,
    Team,
    #[default]
    Role,
}

impl GroupType {
    pub const ALL: [GroupType; 4] = [Self::Organization, Self::Unit, Self::Team, Self::Role];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Unit => "unit",
            Self::Team => "team",
            Self::Role => "role",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw)
    }
}

/// A group as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: GroupId,
    pub name: Name,
    pub kind: GroupType,
}

/// A user as the API shows it. What it may do across the zone is not here: zone privileges
/// change at any time and are read from the store where an operation needs one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    /// Unique; the Basic-auth user name.
    pub login: Login,
    pub name: Name,
    pub alias: Option<Name>,
}

/// The membership rule of every `/groups/{id}/...` operation (contract §2): a caller holding the
/// zone privilege the operation accepts (`zone_bypass`) passes; a caller who is not a member gets
/// `NotFound`, exactly as for a group that does not exist, so that group ids cannot be probed; a
/// member lacking `needed` gets `Forbidden`.
pub fn check_access(
    zone_bypass: bool,
    membership: Option<PrivilegeSet>,
    needed: Option<Privilege>,
) -> Result<(), Error> {
    if zone_bypass {
        return Ok(());
    }
    let privileges = membership.ok_or(Error::NotFound)?;
    match needed {
        Some(p) if !privileges.contains(p) => {
            Err(Error::Forbidden(format!("You lack the {} privilege in this group.", p.as_str())))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_follows_the_name_rules_up_to_64_characters_and_has_no_colon() {
        assert_eq!(Login::parse("alice").map(|l| l.as_str().to_owned()), Ok("alice".to_owned()));
        assert!(Login::parse(&"x".repeat(MAX_LOGIN_CHARS)).is_ok());
        for bad in ["", "a:b", "ad\u{202E}min", "a\u{200B}b", "   ", "a\tb"] {
            assert!(matches!(Login::parse(bad), Err(Error::InvalidRequest(_))), "{bad:?}");
        }
        assert!(Login::parse(&"x".repeat(MAX_LOGIN_CHARS + 1)).is_err());
        // A login derived from an old name may hold a colon; it still reads back.
        assert!(Login::parse_stored("a:b").is_ok());
    }

    #[test]
    fn names_of_one_to_fifty_printable_characters_are_accepted() {
        assert!(Name::parse("a", "name").is_ok());
        assert!(Name::parse(&"ż".repeat(50), "name").is_ok());
    }

    #[test]
    fn empty_long_or_control_character_names_are_rejected() {
        assert!(Name::parse("", "name").is_err());
        assert!(Name::parse(&"a".repeat(51), "name").is_err());
        assert!(Name::parse("tab\there", "name").is_err());
        assert!(Name::parse("nul\0", "name").is_err());
    }

    fn refusal(raw: &str) -> String {
        match Name::parse(raw, "alias") {
            Err(Error::InvalidRequest(why)) => why,
            other => panic!("{raw:?} should be refused, got {other:?}"),
        }
    }

    #[test]
    fn names_with_bidirectional_controls_are_rejected_naming_the_field() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            let why = refusal(&format!("admin{c}nimda"));
            assert!(why.starts_with("The alias must not contain bidirectional"), "U+{:04X}: {why}", c as u32);
        }
    }

    #[test]
    fn names_with_invisible_or_format_characters_are_rejected() {
        // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, an invisible
        // operator, a tag character (outside the BMP), and the line and paragraph separators.
        for c in [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{2062}',
            '\u{E0041}',
            '\u{2028}',
            '\u{2029}',
        ] {
            let why = refusal(&format!("bob{c}"));
            assert!(why.contains("invisible or format characters"), "U+{:04X}: {why}", c as u32);
        }
    }

    #[test]
    fn names_of_white_space_or_blank_fillers_only_are_rejected() {
        for raw in [" ", "   ", "\u{00A0}", "\u{3000}\u{2003}", "\u{3164}", "\u{2800}\u{2800}", " \u{115F}\u{1160} "] {
            assert_eq!(refusal(raw), "The alias must not consist of white space only.", "{raw:?}");
        }
    }

    #[test]
    fn names_with_inner_spaces_accents_scripts_and_emoji_are_accepted() {
        for raw in
            ["Research team", " padded ", "Zespół badawczy", "研究チーム", "فريق البحث", "שלום", "team 🚀", "a\u{0301}"]
        {
            assert!(Name::parse(raw, "name").is_ok(), "{raw:?}");
        }
    }

    #[test]
    fn a_stored_name_from_before_the_character_rules_still_reads_back() {
        assert!(Name::parse_stored("old\u{202E}name", "name").is_ok());
        assert!(Name::parse_stored(" ", "name").is_ok());
        assert!(Name::parse_stored("tab\there", "name").is_err());
    }

    #[test]
    fn fresh_ids_are_hex_begin_with_their_time_and_sort_by_it() {
        let now = || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as u64;
        let before = now();
        let first = UserId::generate();
        std::thread::sleep(std::time::Duration::from_millis(3));
        let later = GroupId::generate();
        let after = now();
        for id in [first.as_str(), later.as_str()] {
            assert_eq!(id.len(), 32, "{id}");
            assert!(id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{id}");
            let millis = u64::from_str_radix(&id[..12], 16).unwrap();
            assert!((before..=after).contains(&millis), "{id}: {millis} not in {before}..={after}");
        }
        assert!(first.as_str() < later.as_str(), "{first} then {later}");
        assert_eq!(time_ordered_hex(16).len(), 44);
        // The rest is random: a thousand ids of the same millisecond or two never repeat.
        let many: std::collections::HashSet<String> = (0..1000).map(|_| time_ordered_hex(10)).collect();
        assert_eq!(many.len(), 1000);
    }

    #[test]
    fn ids_are_url_safe_and_bounded() {
        assert!(GroupId::parse(GroupId::generate().as_str()).is_some());
        assert!(GroupId::parse("").is_none());
        assert!(GroupId::parse("a/b").is_none());
        assert!(GroupId::parse(&"a".repeat(65)).is_none());
    }

    #[test]
    fn a_non_member_cannot_tell_a_group_exists() {
        assert_eq!(check_access(false, None, Some(Privilege::ViewData)), Err(Error::NotFound));
        assert_eq!(check_access(false, None, None), Err(Error::NotFound));
    }

    #[test]
    fn a_member_without_the_privilege_is_forbidden_and_a_zone_privilege_holder_passes() {
        let view = Some(PrivilegeSet::default_member());
        assert!(matches!(check_access(false, view, Some(Privilege::Remove)), Err(Error::Forbidden(_))));
        assert_eq!(check_access(false, view, Some(Privilege::ViewData)), Ok(()));
        assert_eq!(check_access(false, view, None), Ok(()));
        assert_eq!(check_access(true, None, Some(Privilege::Remove)), Ok(()));
    }

    #[test]
    fn group_types_round_trip_through_their_wire_names() {
        for t in GroupType::ALL {
            assert_eq!(GroupType::parse(t.as_str()), Some(t));
        }
        assert_eq!(GroupType::parse("club"), None);
        assert_eq!(GroupType::default(), GroupType::Role);
    }
}
