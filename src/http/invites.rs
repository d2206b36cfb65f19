//! Named tokens, join records and origins at the edge (issue 13): the generated models of
//! Onezone 20.02's token API converted by hand into the service's values and back. A bad value
//! the spec's schema cannot rule out (a caveat missing its member, an address that does not
//! parse) becomes a 400 here, with a sentence that names the member, never the value.

use std::collections::HashMap;

use oz_groups_api::models;
use serde_json::Value;
use swagger::OneOf2;

use super::convert;
use crate::domain::{Error, GroupId, Name};
use crate::service::{InviteKind, InviteView, NamedTokenView, NewNamedToken};
use crate::store::{JoinRecord, Joiner, NamedTokenUpdate, Origin};
use crate::tokens::TokenCaveat;

/// POST `/user/tokens/named`'s body as the service takes it.
pub fn new_named_token(body: models::NamedTokenCreateRequest) -> Result<NewNamedToken, Error> {
    let invite = body.r#type.invite_token;
    let kind = match invite.invite_type {
        models::InviteTokenTypeInviteType::UserJoinGroup => InviteKind::User,
        models::InviteTokenTypeInviteType::GroupJoinGroup => InviteKind::Group,
    };
    // A group id that cannot be one names no group: 404, as in a path.
    let group = GroupId::parse(&invite.group_id).ok_or(Error::NotFound)?;
    let caveats = body.caveats.unwrap_or_default().into_iter().map(caveat).collect::<Result<_, _>>()?;
    Ok(NewNamedToken {
        name: Name::parse(&body.name, "name")?,
        kind,
        group,
        caveats,
        privileges: body.privileges.as_deref().map(convert::privilege_set),
        usage_limit: body.usage_limit.map(usage_limit).transpose()?.flatten(),
        custom_metadata: metadata_text(body.custom_metadata.unwrap_or_default())?,
        revoked: body.revoked.unwrap_or(false),
    })
}

/// PATCH `/tokens/named/{id}`'s body as the store's update.
pub fn named_token_update(body: models::NamedTokenUpdateRequest) -> Result<NamedTokenUpdate, Error> {
    Ok(NamedTokenUpdate {
        name: body.name.as_deref().map(|n| Name::parse(n, "name")).transpose()?.map(|n| n.as_str().to_owned()),
        revoked: body.revoked,
        custom_metadata: body.custom_metadata.map(metadata_text).transpose()?,
    })
}

/// `usageLimit`: `Some(n)` for n >= 1, `None` for `"infinity"`; anything else is 400 (the
/// schema says so too; this keeps the rule where the value is read).
fn usage_limit(limit: models::UsageLimit) -> Result<Option<u32>, Error> {
    match OneOf2::from(limit) {
        OneOf2::A(n) => u32::try_from(n)
            .ok()
            .filter(|n| *n >= 1)
            .map(Some)
            .ok_or_else(|| Error::InvalidRequest("The usageLimit must be at least 1, or \"infinity\".".into())),
        OneOf2::B(models::UsageLimitOneOf::Infinity) => Ok(None),
    }
}

fn usage_limit_model(max_uses: Option<u32>) -> models::UsageLimit {
    match max_uses {
        // The spec's integer is an int32; a stored limit beyond it (none is made) shows as its maximum.
        Some(n) => OneOf2::A(i32::try_from(n).unwrap_or(i32::MAX)).into(),
        None => OneOf2::B(models::UsageLimitOneOf::Infinity).into(),
    }
}

fn caveat(model: models::Caveat) -> Result<TokenCaveat, Error> {
    let kind = match model.r#type {
        models::CaveatType::Time => "time",
        models::CaveatType::Consumer => "consumer",
        models::CaveatType::Ip => "ip",
    };
    // The schema bounds validUntil to 0..=253402300799.
    let valid_until = model.valid_until.map(|t| u64::try_from(t).unwrap_or(0));
    TokenCaveat::from_parts(kind, valid_until, model.whitelist.as_deref())
        .map_err(|e| Error::InvalidRequest(e.to_string()))
}

fn caveat_model(caveat: &TokenCaveat) -> models::Caveat {
    let (kind, valid_until, whitelist) = match caveat {
        TokenCaveat::Time { valid_until } => {
            (models::CaveatType::Time, Some(i64::try_from(*valid_until).unwrap_or(i64::MAX)), None)
        }
        TokenCaveat::Consumer(_) => (models::CaveatType::Consumer, None, Some(whitelist_of(caveat))),
        TokenCaveat::Ip(_) => (models::CaveatType::Ip, None, Some(whitelist_of(caveat))),
    };
    models::Caveat { r#type: kind, valid_until, whitelist }
}

/// A whitelist's entries as the API shows them (the caveat's own JSON form is the one source).
fn whitelist_of(caveat: &TokenCaveat) -> Vec<String> {
    let json = caveat.to_json();
    let entries = json.get("whitelist").and_then(Value::as_array).into_iter().flatten();
    entries.filter_map(|e| e.as_str().map(str::to_owned)).collect()
}

/// `customMetadata` as the record keeps it: the object's JSON text.
fn metadata_text(object: HashMap<String, Value>) -> Result<String, Error> {
    serde_json::to_string(&object).map_err(|e| Error::internal(format!("custom metadata does not serialize: {e}")))
}

fn metadata_model(text: &str) -> Result<HashMap<String, Value>, Error> {
    serde_json::from_str(text).map_err(|e| Error::internal(format!("stored custom metadata does not parse: {e}")))
}

/// The members a named token and an invite share: subject, type, caveats, metadata, revoked.
struct Common {
    /// The issuer; `None` for invites minted before issuers were recorded.
    subject: Option<models::TokenSubject>,
    kind: models::TokenType,
    caveats: Vec<models::Caveat>,
    metadata: models::TokenMetadata,
}

fn common(view: &InviteView) -> Result<Common, Error> {
    let record = &view.record;
    let (kind, group, privileges) = InviteKind::of(&record.grant)
        .ok_or_else(|| Error::internal(format!("token {} is not an invite", record.id)))?;
    let invite_type = match kind {
        InviteKind::User => models::InviteTokenTypeInviteType::UserJoinGroup,
        InviteKind::Group => models::InviteTokenTypeInviteType::GroupJoinGroup,
    };
    Ok(Common {
        subject: record
            .issuer
            .as_ref()
            .map(|i| models::TokenSubject::new(models::TokenSubjectType::User, i.to_string())),
        kind: models::TokenType::new(models::InviteTokenType::new(invite_type, group.to_string())),
        caveats: view.caveats.iter().map(caveat_model).collect(),
        metadata: models::TokenMetadata::new(
            i64::try_from(record.created_at).unwrap_or(i64::MAX),
            usage_limit_model(record.max_uses),
            record.uses,
            convert::privilege_list(privileges),
            metadata_model(&record.custom_metadata)?,
        ),
    })
}

pub fn named_token_model(view: NamedTokenView) -> Result<models::NamedToken, Error> {
    let Common { subject, kind, caveats, metadata } = common(&view.invite)?;
    let record = view.invite.record;
    let name = record.name.ok_or_else(|| Error::internal(format!("token {} has no name", record.id)))?;
    let subject = subject.ok_or_else(|| Error::internal(format!("named token {} has no issuer", record.id)))?;
    Ok(models::NamedToken::new(record.id, name, subject, kind, caveats, metadata, record.revoked, view.token))
}

pub fn invite_model(view: InviteView) -> Result<models::Invite, Error> {
    let Common { subject, kind, caveats, metadata } = common(&view)?;
    let record = view.record;
    let mut invite = models::Invite::new(record.id, kind, caveats, metadata, record.revoked);
    invite.name = record.name;
    invite.subject = subject;
    Ok(invite)
}

pub fn join_record_model(join: JoinRecord) -> models::JoinRecord {
    let joiner = match join.joiner {
        Joiner::User(user) => models::Joiner::new(models::JoinerType::User, user.to_string()),
        Joiner::Group(group) => models::Joiner::new(models::JoinerType::Group, group.to_string()),
    };
    models::JoinRecord::new(
        join.token_id,
        join.group.to_string(),
        joiner,
        convert::privilege_list(join.privileges),
        i64::try_from(join.joined_at).unwrap_or(i64::MAX),
    )
}

pub fn origin_model(origin: Origin) -> models::Origin {
    match origin {
        Origin::Created => models::Origin::new(models::OriginOrigin::Created),
        Origin::Invite { token, issuer } => models::Origin {
            token_id: Some(token),
            issuer: issuer.map(|i| i.to_string()),
            ..models::Origin::new(models::OriginOrigin::Invite)
        },
        Origin::Added { by } => {
            models::Origin { added_by: Some(by.to_string()), ..models::Origin::new(models::OriginOrigin::Added) }
        }
        Origin::Unknown => models::Origin::new(models::OriginOrigin::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_usage_limit_is_a_positive_integer_or_infinity() {
        assert_eq!(usage_limit(OneOf2::A(5).into()), Ok(Some(5)));
        assert_eq!(usage_limit(OneOf2::B(models::UsageLimitOneOf::Infinity).into()), Ok(None));
        for bad in [0, -1] {
            assert!(matches!(usage_limit(OneOf2::A(bad).into()), Err(Error::InvalidRequest(_))), "{bad}");
        }
        let shown = serde_json::to_value(usage_limit_model(None)).unwrap();
        assert_eq!(shown, serde_json::json!("infinity"));
        assert_eq!(serde_json::to_value(usage_limit_model(Some(3))).unwrap(), serde_json::json!(3));
    }

    #[test]
    fn a_caveat_reads_from_and_shows_as_its_20_02_object() {
        let body: models::Caveat =
            serde_json::from_value(serde_json::json!({"type": "ip", "whitelist": ["10.0.0.0/8", "::1"]})).unwrap();
        let parsed = caveat(body).unwrap();
        let shown = serde_json::to_value(caveat_model(&parsed)).unwrap();
        assert_eq!(shown, serde_json::json!({"type": "ip", "whitelist": ["10.0.0.0/8", "::1/128"]}));
        let bad: models::Caveat =
            serde_json::from_value(serde_json::json!({"type": "ip", "whitelist": ["x/99"]})).unwrap();
        assert!(matches!(caveat(bad), Err(Error::InvalidRequest(_))));
        let half: models::Caveat = serde_json::from_value(serde_json::json!({"type": "time"})).unwrap();
        assert!(matches!(caveat(half), Err(Error::InvalidRequest(_))));
    }
}
