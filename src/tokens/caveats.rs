//! The caveats a named invite carries (Onezone 20.02's `time`, `consumer` and `ip`): each one's
//! first-party caveat text in the macaroon, and the JSON array of caveat objects the token's
//! record keeps and the API shows. One value, `TokenCaveat`, has both forms, so that the text
//! re-derived from the stored JSON is byte for byte the text minted from the request.

use std::net::IpAddr;

use ipnet::IpNet;
use serde_json::{json, Value};

/// The longest id a `consumer` whitelist entry may name (ids are at most 64 characters).
const MAX_CONSUMER_ID: usize = 64;

/// A caveat of a named invite token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenCaveat {
    /// `time < valid_until`: the token works before that unix second.
    Time { valid_until: u64 },
    /// `consumer = usr-a|grp-b`: any one of these may use it (never empty).
    Consumer(Vec<ConsumerId>),
    /// `ip = 10.0.0.0/8|2001:db8::/32`: the client's address must be in one of these (never empty).
    Ip(Vec<IpNet>),
}

/// An entry of a `consumer` whitelist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsumerId {
    /// `usr-<id>`
    User(String),
    /// `grp-<id>`
    Group(String),
}

/// Why a caveat cannot be made; the sentence names the caveat, never the value sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CaveatError {
    #[error("A {0} caveat needs a non-empty whitelist.")]
    EmptyWhitelist(&'static str),
    #[error("An ip caveat's whitelist holds an entry that is neither an IP address nor a CIDR block.")]
    BadAddress,
    #[error("A consumer caveat's whitelist holds an entry that is not usr-<id> or grp-<id>.")]
    BadConsumer,
    #[error("A time caveat needs validUntil, and only a time caveat takes it.")]
    TimeMembers,
    #[error("The caveat type {0:?} is not supported; use time, consumer or ip.")]
    UnknownType(String),
    #[error("The stored caveats do not parse.")]
    Stored,
}

impl ConsumerId {
    /// `usr-<id>` or `grp-<id>`, the id 1 to 64 characters of `[A-Za-z0-9_-]` (so that neither
    /// `|` nor white space can make the caveat's text ambiguous).
    pub fn parse(entry: &str) -> Result<ConsumerId, CaveatError> {
        let valid = |id: &str| {
            !id.is_empty()
                && id.len() <= MAX_CONSUMER_ID
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        };
        match (entry.strip_prefix("usr-"), entry.strip_prefix("grp-")) {
            (Some(id), _) if valid(id) => Ok(ConsumerId::User(id.to_owned())),
            (_, Some(id)) if valid(id) => Ok(ConsumerId::Group(id.to_owned())),
            _ => Err(CaveatError::BadConsumer),
        }
    }

    fn text(&self) -> String {
        match self {
            ConsumerId::User(id) => format!("usr-{id}"),
            ConsumerId::Group(id) => format!("grp-{id}"),
        }
    }
}

/// An address or block of an `ip` whitelist: a CIDR block (`10.0.0.0/8`, `2001:db8::/32`) or a
/// single address (`192.0.2.7`, which is its own /32 or /128). An IPv4 block written as IPv6
/// (`::ffff:192.0.2.0/120`, at least /96) is that IPv4 block (`192.0.2.0/24`), since a client's
/// address is compared as IPv4 when it is one.
pub fn parse_ip_entry(entry: &str) -> Result<IpNet, CaveatError> {
    let net = match entry.parse::<IpNet>() {
        Ok(net) => net,
        Err(_) => entry.parse::<IpAddr>().map(IpNet::from).map_err(|_| CaveatError::BadAddress)?,
    };
    Ok(match net {
        IpNet::V6(v6) if v6.prefix_len() >= 96 => match v6.addr().to_ipv4_mapped() {
            Some(v4) => IpNet::new(IpAddr::V4(v4), v6.prefix_len() - 96).unwrap_or(net),
            None => net,
        },
        _ => net,
    })
}

impl TokenCaveat {
    /// A caveat from its API parts (`type`, `validUntil`, `whitelist`), as the request has them.
    pub fn from_parts(kind: &str, valid_until: Option<u64>, whitelist: Option<&[String]>) -> Result<Self, CaveatError> {
        match (kind, valid_until, whitelist) {
            ("time", Some(valid_until), None) => Ok(TokenCaveat::Time { valid_until }),
            ("time", ..) => Err(CaveatError::TimeMembers),
            ("consumer" | "ip", Some(_), _) => Err(CaveatError::TimeMembers),
            ("consumer", None, whitelist) => {
                let whitelist = whitelist.filter(|w| !w.is_empty()).ok_or(CaveatError::EmptyWhitelist("consumer"))?;
                Ok(TokenCaveat::Consumer(whitelist.iter().map(|e| ConsumerId::parse(e)).collect::<Result<_, _>>()?))
            }
            ("ip", None, whitelist) => {
                let whitelist = whitelist.filter(|w| !w.is_empty()).ok_or(CaveatError::EmptyWhitelist("ip"))?;
                Ok(TokenCaveat::Ip(whitelist.iter().map(|e| parse_ip_entry(e)).collect::<Result<_, _>>()?))
            }
            (other, ..) => Err(CaveatError::UnknownType(other.chars().take(20).collect())),
        }
    }

    /// The first-party caveat's text in the macaroon, in Onezone 20.02's form.
    pub fn text(&self) -> String {
        match self {
            TokenCaveat::Time { valid_until } => format!("time < {valid_until}"),
            TokenCaveat::Consumer(whitelist) => {
                format!("consumer = {}", whitelist.iter().map(ConsumerId::text).collect::<Vec<_>>().join("|"))
            }
            TokenCaveat::Ip(whitelist) => {
                format!("ip = {}", whitelist.iter().map(IpNet::to_string).collect::<Vec<_>>().join("|"))
            }
        }
    }

    /// The caveat as the API shows it (a 20.02 caveat object).
    pub fn to_json(&self) -> Value {
        match self {
            TokenCaveat::Time { valid_until } => json!({"type": "time", "validUntil": valid_until}),
            TokenCaveat::Consumer(whitelist) => {
                json!({"type": "consumer", "whitelist": whitelist.iter().map(ConsumerId::text).collect::<Vec<_>>()})
            }
            TokenCaveat::Ip(whitelist) => {
                json!({"type": "ip", "whitelist": whitelist.iter().map(IpNet::to_string).collect::<Vec<_>>()})
            }
        }
    }

    /// The type's name as the API has it.
    pub fn kind(&self) -> &'static str {
        match self {
            TokenCaveat::Time { .. } => "time",
            TokenCaveat::Consumer(_) => "consumer",
            TokenCaveat::Ip(_) => "ip",
        }
    }
}

/// The caveats as the token's record keeps them: a JSON array of caveat objects, `[]` for none.
pub fn caveats_to_json(caveats: &[TokenCaveat]) -> String {
    Value::Array(caveats.iter().map(TokenCaveat::to_json).collect()).to_string()
}

/// The caveats a record keeps, in their order. Only `caveats_to_json` writes that text, so a
/// failure here is a broken record (`Stored`).
pub fn caveats_from_json(stored: &str) -> Result<Vec<TokenCaveat>, CaveatError> {
    let value: Value = serde_json::from_str(stored).map_err(|_| CaveatError::Stored)?;
    let items = value.as_array().ok_or(CaveatError::Stored)?;
    items
        .iter()
        .map(|item| {
            let kind = item.get("type").and_then(Value::as_str).ok_or(CaveatError::Stored)?;
            let valid_until = item.get("validUntil").map(|v| v.as_u64().ok_or(CaveatError::Stored)).transpose()?;
            let whitelist = match item.get("whitelist") {
                None => None,
                Some(list) => Some(
                    list.as_array()
                        .ok_or(CaveatError::Stored)?
                        .iter()
                        .map(|e| e.as_str().map(str::to_owned).ok_or(CaveatError::Stored))
                        .collect::<Result<Vec<_>, _>>()?,
                ),
            };
            TokenCaveat::from_parts(kind, valid_until, whitelist.as_deref()).map_err(|_| CaveatError::Stored)
        })
        .collect()
}

/// The earliest deadline of the `time` caveats, if any: the record keeps it so that a list of
/// live invites can leave expired ones out without reading the caveats.
pub fn valid_until(caveats: &[TokenCaveat]) -> Option<u64> {
    caveats
        .iter()
        .filter_map(|c| match c {
            TokenCaveat::Time { valid_until } => Some(*valid_until),
            _ => None,
        })
        .min()
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_ipv4_block_written_as_ipv6_is_that_ipv4_block() {
        let parse = |entry: &str| parse_ip_entry(entry).unwrap().to_string();
        assert_eq!(parse("::ffff:127.0.0.1"), "127.0.0.1/32");
        assert_eq!(parse("::ffff:10.0.0.0/104"), "10.0.0.0/8");
        assert_eq!(parse("2001:db8::/32"), "2001:db8::/32");
        assert_eq!(parse("::ffff:0:0/95"), "::ffff:0.0.0.0/95", "wider than the mapped block: as written");
    }

    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn each_caveat_has_onezones_text_form() {
        assert_eq!(TokenCaveat::Time { valid_until: 1_893_456_000 }.text(), "time < 1893456000");
        let consumer = TokenCaveat::from_parts("consumer", None, Some(&strings(&["usr-a1", "grp-b_2"]))).unwrap();
        assert_eq!(consumer.text(), "consumer = usr-a1|grp-b_2");
        let ip = TokenCaveat::from_parts("ip", None, Some(&strings(&["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"])));
        assert_eq!(ip.unwrap().text(), "ip = 10.0.0.0/8|2001:db8::/32|192.0.2.7/32");
    }

    #[test]
    fn caveats_survive_their_stored_form_unchanged() {
        let caveats = vec![
            TokenCaveat::Time { valid_until: 5 },
            TokenCaveat::from_parts("ip", None, Some(&strings(&["::1", "127.0.0.0/8"]))).unwrap(),
            TokenCaveat::from_parts("consumer", None, Some(&strings(&["usr-x"]))).unwrap(),
        ];
        let stored = caveats_to_json(&caveats);
        assert_eq!(caveats_from_json(&stored).unwrap(), caveats);
        assert_eq!(caveats_to_json(&caveats_from_json(&stored).unwrap()), stored);
        assert_eq!(caveats_from_json("[]").unwrap(), vec![]);
        assert_eq!(caveats_from_json("{}"), Err(CaveatError::Stored));
    }

    #[test]
    fn bad_caveats_are_refused_each_with_its_reason() {
        let refuse = |kind, until, list: Option<&[&str]>| {
            TokenCaveat::from_parts(kind, until, list.map(strings).as_deref()).unwrap_err()
        };
        assert_eq!(refuse("ip", None, Some(&[])), CaveatError::EmptyWhitelist("ip"));
        assert_eq!(refuse("consumer", None, None), CaveatError::EmptyWhitelist("consumer"));
        assert_eq!(refuse("ip", None, Some(&["10.0.0.0/33"])), CaveatError::BadAddress);
        assert_eq!(refuse("ip", None, Some(&["example.org"])), CaveatError::BadAddress);
        assert_eq!(refuse("consumer", None, Some(&["usr-"])), CaveatError::BadConsumer);
        assert_eq!(refuse("consumer", None, Some(&["prv-x"])), CaveatError::BadConsumer);
        assert_eq!(refuse("consumer", None, Some(&["usr-a|usr-b"])), CaveatError::BadConsumer);
        assert_eq!(refuse("time", None, None), CaveatError::TimeMembers);
        assert_eq!(refuse("time", Some(1), Some(&["x"])), CaveatError::TimeMembers);
        assert_eq!(refuse("asn", None, None), CaveatError::UnknownType("asn".into()));
    }

    #[test]
    fn the_earliest_deadline_is_the_records_valid_until() {
        let caveats = [TokenCaveat::Time { valid_until: 9 }, TokenCaveat::Time { valid_until: 7 }];
        assert_eq!(valid_until(&caveats), Some(7));
        assert_eq!(valid_until(&[]), None);
    }
}
