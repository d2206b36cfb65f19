#![allow(unused_qualifications)]
#[cfg(not(feature = "validate"))]
use validator::Validate;

#[cfg(any(feature = "client", feature = "server"))]
use crate::header;
use crate::models;
#[cfg(feature = "validate")]
use serde_valid::Validate;

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AccessToken {
    /// An access token of the calling user.
    #[serde(rename = "token")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 4096),))]
    #[cfg_attr(feature = "validate", validate(max_length = 4096))]
    pub token: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for AccessToken {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for AccessToken {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl AccessToken {
    #[allow(clippy::new_without_default)]
    pub fn new(token: String) -> AccessToken {
        AccessToken { token }
    }
}

/// Converts the AccessToken value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("token".to_string()), Some(self.token.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AccessToken value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AccessToken {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub token: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AccessToken".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "token" => intermediate_rep
                        .token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing AccessToken".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AccessToken {
            token: intermediate_rep
                .token
                .into_iter()
                .next()
                .ok_or_else(|| "token missing in AccessToken".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AccessToken> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<AccessToken>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AccessToken>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for AccessToken - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<AccessToken> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <AccessToken as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into AccessToken - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<AccessToken>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<AccessToken>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<AccessToken>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<AccessToken> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <AccessToken as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into AccessToken - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// A user's alias, up to 50 characters, under the rules of `Name`, unique among users; the empty string when the user has none. In an update, the empty string clears it.
#[derive(Debug, Clone, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Alias(
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^(?:[^\x00-\x1F\x7F-\x9F\xAD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]*[^\x00-\x20\x7F-\xA0\xAD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u115F\u1160\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u206F\u2800\u3000\u3164\uFEFF\uFFA0\uFFF9-\uFFFB][^\x00-\x1F\x7F-\x9F\xAD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]*)?$"
        )
    )]
    String,
);

impl std::convert::From<String> for Alias {
    fn from(x: String) -> Self {
        Alias(x)
    }
}

impl std::convert::From<Alias> for String {
    fn from(x: Alias) -> Self {
        x.0
    }
}

impl std::ops::Deref for Alias {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Alias {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Alias {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Alias {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}
impl std::fmt::Display for Alias {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.clone())
    }
}

impl std::str::FromStr for Alias {
    type Err = ::std::convert::Infallible;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Alias(x.to_owned()))
    }
}

// Methods for converting between header::IntoHeaderValue<Alias> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Alias>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Alias>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Alias - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Alias> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Alias as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Alias - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Alias>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Alias>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Alias>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Alias> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Alias as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Alias - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// A caveat (Onezone 20.02): `time` with `validUntil` (unix seconds; the token works before it), `consumer` with a `whitelist` of `usr-<id>` (for a `userJoinGroup` token) or `grp-<id>` (for a `groupJoinGroup` token) of whom any one may use it, or `ip` with a `whitelist` of IP addresses and CIDR blocks (IPv4 or IPv6) the client's address must be in. `validUntil` goes with `time` only, `whitelist` with the other two.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Caveat {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    pub r#type: models::CaveatType,

    #[serde(rename = "validUntil")]
    #[cfg_attr(not(feature = "validate"), validate(range(min = 0i64, max = 253402300799i64),))]
    #[cfg_attr(feature = "validate", validate(minimum = 0i64))]
    #[cfg_attr(feature = "validate", validate(maximum = 253402300799i64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<i64>,

    #[serde(rename = "whitelist")]
    #[cfg_attr(not(feature = "validate"), validate(length(min = 1, max = 64),))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whitelist: Option<Vec<String>>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Caveat {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Caveat {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl Caveat {
    #[allow(clippy::new_without_default)]
    pub fn new(r#type: models::CaveatType) -> Caveat {
        Caveat { r#type, valid_until: None, whitelist: None }
    }
}

/// Converts the Caveat value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for Caveat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type type in query parameter serialization
            self.valid_until.as_ref().map(|valid_until| ["validUntil".to_string(), valid_until.to_string()].join(",")),
            self.whitelist.as_ref().map(|whitelist| {
                ["whitelist".to_string(), whitelist.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")]
                    .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Caveat value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Caveat {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r#type: Vec<models::CaveatType>,
            pub valid_until: Vec<i64>,
            pub whitelist: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Caveat".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::CaveatType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "validUntil" => intermediate_rep
                        .valid_until
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "whitelist" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in Caveat".to_string(),
                        )
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing Caveat".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Caveat {
            r#type: intermediate_rep.r#type.into_iter().next().ok_or_else(|| "type missing in Caveat".to_string())?,
            valid_until: intermediate_rep.valid_until.into_iter().next(),
            whitelist: intermediate_rep.whitelist.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Caveat> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Caveat>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Caveat>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Caveat - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Caveat> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Caveat as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Caveat - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Caveat>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Caveat>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Caveat>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Caveat> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Caveat as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Caveat - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum CaveatType {
    #[serde(rename = "time")]
    Time,
    #[serde(rename = "consumer")]
    Consumer,
    #[serde(rename = "ip")]
    Ip,
}

impl std::fmt::Display for CaveatType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            CaveatType::Time => write!(f, "time"),
            CaveatType::Consumer => write!(f, "consumer"),
            CaveatType::Ip => write!(f, "ip"),
        }
    }
}

impl std::str::FromStr for CaveatType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "time" => std::result::Result::Ok(CaveatType::Time),
            "consumer" => std::result::Result::Ok(CaveatType::Consumer),
            "ip" => std::result::Result::Ok(CaveatType::Ip),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<CaveatType> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<CaveatType>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<CaveatType>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for CaveatType - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<CaveatType> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <CaveatType as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into CaveatType - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<CaveatType>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<CaveatType>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<CaveatType>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<CaveatType> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <CaveatType as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into CaveatType - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// An account at an identity provider linked to the user (Onezone rc11). This server stores none.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConnectedAccount {
    #[serde(rename = "accountId")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 256),))]
    #[cfg_attr(feature = "validate", validate(max_length = 256))]
    pub account_id: String,

    #[serde(rename = "providerId")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 256),))]
    #[cfg_attr(feature = "validate", validate(max_length = 256))]
    pub provider_id: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for ConnectedAccount {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for ConnectedAccount {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl ConnectedAccount {
    #[allow(clippy::new_without_default)]
    pub fn new(account_id: String, provider_id: String) -> ConnectedAccount {
        ConnectedAccount { account_id, provider_id }
    }
}

/// Converts the ConnectedAccount value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConnectedAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("accountId".to_string()),
            Some(self.account_id.to_string()),
            Some("providerId".to_string()),
            Some(self.provider_id.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConnectedAccount value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConnectedAccount {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub account_id: Vec<String>,
            pub provider_id: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConnectedAccount".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "accountId" => intermediate_rep
                        .account_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "providerId" => intermediate_rep
                        .provider_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing ConnectedAccount".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConnectedAccount {
            account_id: intermediate_rep
                .account_id
                .into_iter()
                .next()
                .ok_or_else(|| "accountId missing in ConnectedAccount".to_string())?,
            provider_id: intermediate_rep
                .provider_id
                .into_iter()
                .next()
                .ok_or_else(|| "providerId missing in ConnectedAccount".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConnectedAccount> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<ConnectedAccount>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConnectedAccount>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for ConnectedAccount - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<ConnectedAccount> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ConnectedAccount as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into ConnectedAccount - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<ConnectedAccount>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<ConnectedAccount>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<ConnectedAccount>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<ConnectedAccount> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <ConnectedAccount as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into ConnectedAccount - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// An opaque position in a list (copy it from a page's `next` member or `Link` header; do not build one).
#[derive(Debug, Clone, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Cursor(
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    String,
);

impl std::convert::From<String> for Cursor {
    fn from(x: String) -> Self {
        Cursor(x)
    }
}

impl std::convert::From<Cursor> for String {
    fn from(x: Cursor) -> Self {
        x.0
    }
}

impl std::ops::Deref for Cursor {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Cursor {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Cursor {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Cursor {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}
impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.clone())
    }
}

impl std::str::FromStr for Cursor {
    type Err = ::std::convert::Infallible;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Cursor(x.to_owned()))
    }
}

// Methods for converting between header::IntoHeaderValue<Cursor> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Cursor>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Cursor>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Cursor - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Cursor> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Cursor as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Cursor - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Cursor>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Cursor>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Cursor>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Cursor> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Cursor as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Cursor - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct EffectiveGroupList {
    /// Ids of the groups the user belongs to directly or through nested groups.
    #[serde(rename = "effective_groups")]
    #[cfg_attr(feature = "validate", validate)]
    pub effective_groups: Vec<models::Id>,

    /// Only on a page (a request with `limit` or `after`, an extension of ours) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries. A whole list, as Onezone returns it, never has it.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_EFFECTIVEGROUPLIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for EffectiveGroupList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for EffectiveGroupList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_EFFECTIVEGROUPLIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl EffectiveGroupList {
    #[allow(clippy::new_without_default)]
    pub fn new(effective_groups: Vec<models::Id>) -> EffectiveGroupList {
        EffectiveGroupList { effective_groups, next: None }
    }
}

/// Converts the EffectiveGroupList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for EffectiveGroupList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("effective_groups".to_string()),
            Some(self.effective_groups.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a EffectiveGroupList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for EffectiveGroupList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub effective_groups: Vec<Vec<models::Id>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing EffectiveGroupList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "effective_groups" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in EffectiveGroupList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err("Unexpected key while parsing EffectiveGroupList".to_string())
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(EffectiveGroupList {
            effective_groups: intermediate_rep
                .effective_groups
                .into_iter()
                .next()
                .ok_or_else(|| "effective_groups missing in EffectiveGroupList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<EffectiveGroupList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<EffectiveGroupList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<EffectiveGroupList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for EffectiveGroupList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<EffectiveGroupList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <EffectiveGroupList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into EffectiveGroupList - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<EffectiveGroupList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<EffectiveGroupList>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<EffectiveGroupList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<EffectiveGroupList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <EffectiveGroupList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into EffectiveGroupList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Error {
    /// Machine-readable error code.
    #[serde(rename = "error")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(max = 64),
           regex(path = *RE_ERROR_ERROR),
        ))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[a-z_]+$"))]
    pub error: String,

    /// One human sentence.
    #[serde(rename = "error_description")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 1024),))]
    #[cfg_attr(feature = "validate", validate(max_length = 1024))]
    pub error_description: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Error {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Error {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_ERROR_ERROR: regex::Regex = regex::Regex::new(r"^[a-z_]+$").unwrap();
}

impl Error {
    #[allow(clippy::new_without_default)]
    pub fn new(error: String, error_description: String) -> Error {
        Error { error, error_description }
    }
}

/// Converts the Error value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("error".to_string()),
            Some(self.error.to_string()),
            Some("error_description".to_string()),
            Some(self.error_description.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Error value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Error {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub error: Vec<String>,
            pub error_description: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Error".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "error" => intermediate_rep
                        .error
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "error_description" => intermediate_rep
                        .error_description
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Error".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Error {
            error: intermediate_rep.error.into_iter().next().ok_or_else(|| "error missing in Error".to_string())?,
            error_description: intermediate_rep
                .error_description
                .into_iter()
                .next()
                .ok_or_else(|| "error_description missing in Error".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Error> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Error>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Error>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Error - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Error> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Error as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Error - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Error>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Error>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Error>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Error> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Error as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Error - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Group {
    #[serde(rename = "groupId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_GROUP_GROUP_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub group_id: String,

    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_GROUP_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    pub name: String,

    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    pub r#type: models::GroupType,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Group {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Group {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_GROUP_GROUP_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_GROUP_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}

impl Group {
    #[allow(clippy::new_without_default)]
    pub fn new(group_id: String, name: String, r#type: models::GroupType) -> Group {
        Group { group_id, name, r#type }
    }
}

/// Converts the Group value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("groupId".to_string()),
            Some(self.group_id.to_string()),
            Some("name".to_string()),
            Some(self.name.to_string()),
            // Skipping non-primitive type type in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Group value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Group {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub group_id: Vec<String>,
            pub name: Vec<String>,
            pub r#type: Vec<models::GroupType>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Group".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "groupId" => intermediate_rep
                        .group_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::GroupType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Group".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Group {
            group_id: intermediate_rep
                .group_id
                .into_iter()
                .next()
                .ok_or_else(|| "groupId missing in Group".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in Group".to_string())?,
            r#type: intermediate_rep.r#type.into_iter().next().ok_or_else(|| "type missing in Group".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Group> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Group>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Group>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Group - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Group> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Group as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Group - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Group>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Group>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Group>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Group> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Group as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Group - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GroupCreateRequest {
    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_GROUPCREATEREQUEST_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    pub name: String,

    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<models::GroupType>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for GroupCreateRequest {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for GroupCreateRequest {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_GROUPCREATEREQUEST_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}

impl GroupCreateRequest {
    #[allow(clippy::new_without_default)]
    pub fn new(name: String) -> GroupCreateRequest {
        GroupCreateRequest { name, r#type: None }
    }
}

/// Converts the GroupCreateRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for GroupCreateRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("name".to_string()),
            Some(self.name.to_string()),
            // Skipping non-primitive type type in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a GroupCreateRequest value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for GroupCreateRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
            pub r#type: Vec<models::GroupType>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing GroupCreateRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::GroupType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err("Unexpected key while parsing GroupCreateRequest".to_string())
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(GroupCreateRequest {
            name: intermediate_rep
                .name
                .into_iter()
                .next()
                .ok_or_else(|| "name missing in GroupCreateRequest".to_string())?,
            r#type: intermediate_rep.r#type.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<GroupCreateRequest> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<GroupCreateRequest>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<GroupCreateRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for GroupCreateRequest - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<GroupCreateRequest> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <GroupCreateRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into GroupCreateRequest - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<GroupCreateRequest>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<GroupCreateRequest>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<GroupCreateRequest>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<GroupCreateRequest> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <GroupCreateRequest as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into GroupCreateRequest - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GroupInviteToken {
    /// Group invite token.
    #[serde(rename = "token")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 4096),))]
    #[cfg_attr(feature = "validate", validate(max_length = 4096))]
    pub token: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for GroupInviteToken {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for GroupInviteToken {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl GroupInviteToken {
    #[allow(clippy::new_without_default)]
    pub fn new(token: String) -> GroupInviteToken {
        GroupInviteToken { token }
    }
}

/// Converts the GroupInviteToken value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for GroupInviteToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("token".to_string()), Some(self.token.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a GroupInviteToken value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for GroupInviteToken {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub token: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing GroupInviteToken".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "token" => intermediate_rep
                        .token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing GroupInviteToken".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(GroupInviteToken {
            token: intermediate_rep
                .token
                .into_iter()
                .next()
                .ok_or_else(|| "token missing in GroupInviteToken".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<GroupInviteToken> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<GroupInviteToken>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<GroupInviteToken>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for GroupInviteToken - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<GroupInviteToken> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <GroupInviteToken as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into GroupInviteToken - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<GroupInviteToken>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<GroupInviteToken>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<GroupInviteToken>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<GroupInviteToken> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <GroupInviteToken as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into GroupInviteToken - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GroupList {
    #[serde(rename = "groups")]
    #[cfg_attr(feature = "validate", validate)]
    pub groups: Vec<models::Id>,

    /// Only on a page (a request with `limit` or `after`, an extension of ours) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries. A whole list, as Onezone returns it, never has it.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_GROUPLIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for GroupList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for GroupList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_GROUPLIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl GroupList {
    #[allow(clippy::new_without_default)]
    pub fn new(groups: Vec<models::Id>) -> GroupList {
        GroupList { groups, next: None }
    }
}

/// Converts the GroupList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for GroupList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("groups".to_string()),
            Some(self.groups.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a GroupList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for GroupList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub groups: Vec<Vec<models::Id>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing GroupList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "groups" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in GroupList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing GroupList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(GroupList {
            groups: intermediate_rep
                .groups
                .into_iter()
                .next()
                .ok_or_else(|| "groups missing in GroupList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<GroupList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<GroupList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<GroupList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for GroupList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<GroupList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <GroupList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into GroupList - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<GroupList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<GroupList>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<GroupList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<GroupList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <GroupList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into GroupList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum GroupType {
    #[serde(rename = "organization")]
    Organization,
    #[serde(rename = "unit")]
    Unit,
    #[serde(rename = "team")]
    Team,
    #[serde(rename = "role")]
    Role,
}

impl std::fmt::Display for GroupType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            GroupType::Organization => write!(f, "organization"),
            GroupType::Unit => write!(f, "unit"),
            GroupType::Team => write!(f, "team"),
            GroupType::Role => write!(f, "role"),
        }
    }
}

impl std::str::FromStr for GroupType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "organization" => std::result::Result::Ok(GroupType::Organization),
            "unit" => std::result::Result::Ok(GroupType::Unit),
            "team" => std::result::Result::Ok(GroupType::Team),
            "role" => std::result::Result::Ok(GroupType::Role),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<GroupType> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<GroupType>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<GroupType>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for GroupType - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<GroupType> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <GroupType as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into GroupType - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<GroupType>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<GroupType>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<GroupType>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<GroupType> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <GroupType as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into GroupType - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GroupUpdateRequest {
    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_GROUPUPDATEREQUEST_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,

    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<models::GroupType>,

    /// Read-only, accepted so that a client may send back the `Group` it fetched (as Onezone rc11's clients do): ignored when it equals the group's id in the path, 400 `invalid_request` when it differs.
    #[serde(rename = "groupId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_GROUPUPDATEREQUEST_GROUP_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for GroupUpdateRequest {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for GroupUpdateRequest {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_GROUPUPDATEREQUEST_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_GROUPUPDATEREQUEST_GROUP_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}

impl GroupUpdateRequest {
    #[allow(clippy::new_without_default)]
    pub fn new() -> GroupUpdateRequest {
        GroupUpdateRequest { name: None, r#type: None, group_id: None }
    }
}

/// Converts the GroupUpdateRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for GroupUpdateRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.name.as_ref().map(|name| ["name".to_string(), name.to_string()].join(",")),
            // Skipping non-primitive type type in query parameter serialization
            self.group_id.as_ref().map(|group_id| ["groupId".to_string(), group_id.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a GroupUpdateRequest value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for GroupUpdateRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
            pub r#type: Vec<models::GroupType>,
            pub group_id: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing GroupUpdateRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::GroupType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "groupId" => intermediate_rep
                        .group_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err("Unexpected key while parsing GroupUpdateRequest".to_string())
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(GroupUpdateRequest {
            name: intermediate_rep.name.into_iter().next(),
            r#type: intermediate_rep.r#type.into_iter().next(),
            group_id: intermediate_rep.group_id.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<GroupUpdateRequest> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<GroupUpdateRequest>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<GroupUpdateRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for GroupUpdateRequest - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<GroupUpdateRequest> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <GroupUpdateRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into GroupUpdateRequest - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<GroupUpdateRequest>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<GroupUpdateRequest>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<GroupUpdateRequest>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<GroupUpdateRequest> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <GroupUpdateRequest as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into GroupUpdateRequest - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Id(
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    String,
);

impl std::convert::From<String> for Id {
    fn from(x: String) -> Self {
        Id(x)
    }
}

impl std::convert::From<Id> for String {
    fn from(x: Id) -> Self {
        x.0
    }
}

impl std::ops::Deref for Id {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Id {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Id {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Id {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}
impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.clone())
    }
}

impl std::str::FromStr for Id {
    type Err = ::std::convert::Infallible;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Id(x.to_owned()))
    }
}

// Methods for converting between header::IntoHeaderValue<Id> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Id>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Id>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Id - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Id> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Id as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Id - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Id>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Id>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Id>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Id> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Id as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Id - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// A live invite of a group: a named token's members without its serialized form; `name` only for a named token (the mint operations make unnamed ones); `subject` (its issuer) only for invites made since issuers are recorded.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Invite {
    #[serde(rename = "id")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_INVITE_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,

    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_INVITE_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,

    #[serde(rename = "subject")]
    #[cfg_attr(feature = "validate", validate)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<models::TokenSubject>,

    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    pub r#type: models::TokenType,

    #[serde(rename = "caveats")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 16),))]
    #[cfg_attr(feature = "validate", validate(max_length = 16))]
    pub caveats: Vec<models::Caveat>,

    #[serde(rename = "metadata")]
    #[cfg_attr(feature = "validate", validate)]
    pub metadata: models::TokenMetadata,

    #[serde(rename = "revoked")]
    pub revoked: bool,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Invite {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Invite {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_INVITE_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_INVITE_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}

impl Invite {
    #[allow(clippy::new_without_default)]
    pub fn new(
        id: String,
        r#type: models::TokenType,
        caveats: Vec<models::Caveat>,
        metadata: models::TokenMetadata,
        revoked: bool,
    ) -> Invite {
        Invite { id, name: None, subject: None, r#type, caveats, metadata, revoked }
    }
}

/// Converts the Invite value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for Invite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("id".to_string()),
            Some(self.id.to_string()),
            self.name.as_ref().map(|name| ["name".to_string(), name.to_string()].join(",")),
            // Skipping non-primitive type subject in query parameter serialization
            // Skipping non-primitive type type in query parameter serialization
            // Skipping non-primitive type caveats in query parameter serialization
            // Skipping non-primitive type metadata in query parameter serialization
            Some("revoked".to_string()),
            Some(self.revoked.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Invite value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Invite {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<String>,
            pub name: Vec<String>,
            pub subject: Vec<models::TokenSubject>,
            pub r#type: Vec<models::TokenType>,
            pub caveats: Vec<Vec<models::Caveat>>,
            pub metadata: Vec<models::TokenMetadata>,
            pub revoked: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Invite".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "subject" => intermediate_rep
                        .subject
                        .push(<models::TokenSubject as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::TokenType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "caveats" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in Invite".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "metadata" => intermediate_rep
                        .metadata
                        .push(<models::TokenMetadata as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "revoked" => intermediate_rep
                        .revoked
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Invite".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Invite {
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in Invite".to_string())?,
            name: intermediate_rep.name.into_iter().next(),
            subject: intermediate_rep.subject.into_iter().next(),
            r#type: intermediate_rep.r#type.into_iter().next().ok_or_else(|| "type missing in Invite".to_string())?,
            caveats: intermediate_rep
                .caveats
                .into_iter()
                .next()
                .ok_or_else(|| "caveats missing in Invite".to_string())?,
            metadata: intermediate_rep
                .metadata
                .into_iter()
                .next()
                .ok_or_else(|| "metadata missing in Invite".to_string())?,
            revoked: intermediate_rep
                .revoked
                .into_iter()
                .next()
                .ok_or_else(|| "revoked missing in Invite".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Invite> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Invite>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Invite>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Invite - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Invite> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Invite as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Invite - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Invite>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Invite>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Invite>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Invite> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Invite as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Invite - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct InviteList {
    #[serde(rename = "invites")]
    #[cfg_attr(feature = "validate", validate)]
    pub invites: Vec<models::Invite>,

    /// Only on a page (a request with `limit` or `after`) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_INVITELIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for InviteList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for InviteList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_INVITELIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl InviteList {
    #[allow(clippy::new_without_default)]
    pub fn new(invites: Vec<models::Invite>) -> InviteList {
        InviteList { invites, next: None }
    }
}

/// Converts the InviteList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for InviteList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type invites in query parameter serialization
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a InviteList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for InviteList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub invites: Vec<Vec<models::Invite>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing InviteList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "invites" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in InviteList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing InviteList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(InviteList {
            invites: intermediate_rep
                .invites
                .into_iter()
                .next()
                .ok_or_else(|| "invites missing in InviteList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<InviteList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<InviteList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<InviteList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for InviteList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<InviteList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <InviteList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into InviteList - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<InviteList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<InviteList>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<InviteList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<InviteList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <InviteList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into InviteList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct InviteTokenType {
    #[serde(rename = "inviteType")]
    #[cfg_attr(feature = "validate", validate)]
    pub invite_type: models::InviteTokenTypeInviteType,

    #[serde(rename = "groupId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_INVITETOKENTYPE_GROUP_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub group_id: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for InviteTokenType {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for InviteTokenType {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_INVITETOKENTYPE_GROUP_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}

impl InviteTokenType {
    #[allow(clippy::new_without_default)]
    pub fn new(invite_type: models::InviteTokenTypeInviteType, group_id: String) -> InviteTokenType {
        InviteTokenType { invite_type, group_id }
    }
}

/// Converts the InviteTokenType value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for InviteTokenType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type inviteType in query parameter serialization
            Some("groupId".to_string()),
            Some(self.group_id.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a InviteTokenType value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for InviteTokenType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub invite_type: Vec<models::InviteTokenTypeInviteType>,
            pub group_id: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing InviteTokenType".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "inviteType" => intermediate_rep.invite_type.push(
                        <models::InviteTokenTypeInviteType as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "groupId" => intermediate_rep
                        .group_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing InviteTokenType".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(InviteTokenType {
            invite_type: intermediate_rep
                .invite_type
                .into_iter()
                .next()
                .ok_or_else(|| "inviteType missing in InviteTokenType".to_string())?,
            group_id: intermediate_rep
                .group_id
                .into_iter()
                .next()
                .ok_or_else(|| "groupId missing in InviteTokenType".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<InviteTokenType> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<InviteTokenType>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<InviteTokenType>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for InviteTokenType - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<InviteTokenType> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <InviteTokenType as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into InviteTokenType - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<InviteTokenType>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<InviteTokenType>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<InviteTokenType>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<InviteTokenType> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <InviteTokenType as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into InviteTokenType - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// `userJoinGroup`: a user joins the group; `groupJoinGroup`: a group joins it as a child.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum InviteTokenTypeInviteType {
    #[serde(rename = "userJoinGroup")]
    UserJoinGroup,
    #[serde(rename = "groupJoinGroup")]
    GroupJoinGroup,
}

impl std::fmt::Display for InviteTokenTypeInviteType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            InviteTokenTypeInviteType::UserJoinGroup => write!(f, "userJoinGroup"),
            InviteTokenTypeInviteType::GroupJoinGroup => write!(f, "groupJoinGroup"),
        }
    }
}

impl std::str::FromStr for InviteTokenTypeInviteType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "userJoinGroup" => std::result::Result::Ok(InviteTokenTypeInviteType::UserJoinGroup),
            "groupJoinGroup" => std::result::Result::Ok(InviteTokenTypeInviteType::GroupJoinGroup),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<InviteTokenTypeInviteType> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<InviteTokenTypeInviteType>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_value: header::IntoHeaderValue<InviteTokenTypeInviteType>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for InviteTokenTypeInviteType - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<InviteTokenTypeInviteType> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <InviteTokenTypeInviteType as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into InviteTokenTypeInviteType - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<InviteTokenTypeInviteType>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<InviteTokenTypeInviteType>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<InviteTokenTypeInviteType>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values : std::vec::Vec<InviteTokenTypeInviteType> = hdr_values
                .split(',')
                .filter_map(|hdr_value| match hdr_value.trim() {
                    "" => std::option::Option::None,
                    hdr_value => std::option::Option::Some({
                        match <InviteTokenTypeInviteType as std::str::FromStr>::from_str(hdr_value) {
                            std::result::Result::Ok(value) => std::result::Result::Ok(value),
                            std::result::Result::Err(err) => std::result::Result::Err(
                                format!("Unable to convert header value '{hdr_value}' into InviteTokenTypeInviteType - {err}"))
                        }
                    })
                }).collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// One admission through an invite token (an extension of ours).
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct JoinRecord {
    #[serde(rename = "tokenId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_JOINRECORD_TOKEN_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub token_id: String,

    /// The token's group (the parent, for a nested join).
    #[serde(rename = "groupId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_JOINRECORD_GROUP_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub group_id: String,

    #[serde(rename = "joiner")]
    #[cfg_attr(feature = "validate", validate)]
    pub joiner: models::Joiner,

    #[serde(rename = "privileges")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 13),))]
    #[cfg_attr(feature = "validate", validate(max_length = 13))]
    pub privileges: Vec<models::Privilege>,

    /// Unix seconds.
    #[serde(rename = "joinedAt")]
    #[cfg_attr(not(feature = "validate"), validate(range(min = 0i64, max = 253402300799i64),))]
    #[cfg_attr(feature = "validate", validate(minimum = 0i64))]
    #[cfg_attr(feature = "validate", validate(maximum = 253402300799i64))]
    pub joined_at: i64,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for JoinRecord {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for JoinRecord {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_JOINRECORD_TOKEN_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_JOINRECORD_GROUP_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}

impl JoinRecord {
    #[allow(clippy::new_without_default)]
    pub fn new(
        token_id: String,
        group_id: String,
        joiner: models::Joiner,
        privileges: Vec<models::Privilege>,
        joined_at: i64,
    ) -> JoinRecord {
        JoinRecord { token_id, group_id, joiner, privileges, joined_at }
    }
}

/// Converts the JoinRecord value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for JoinRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("tokenId".to_string()),
            Some(self.token_id.to_string()),
            Some("groupId".to_string()),
            Some(self.group_id.to_string()),
            // Skipping non-primitive type joiner in query parameter serialization
            // Skipping non-primitive type privileges in query parameter serialization
            Some("joinedAt".to_string()),
            Some(self.joined_at.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a JoinRecord value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for JoinRecord {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub token_id: Vec<String>,
            pub group_id: Vec<String>,
            pub joiner: Vec<models::Joiner>,
            pub privileges: Vec<Vec<models::Privilege>>,
            pub joined_at: Vec<i64>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing JoinRecord".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "tokenId" => intermediate_rep
                        .token_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "groupId" => intermediate_rep
                        .group_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "joiner" => intermediate_rep
                        .joiner
                        .push(<models::Joiner as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "privileges" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in JoinRecord".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "joinedAt" => intermediate_rep
                        .joined_at
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing JoinRecord".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(JoinRecord {
            token_id: intermediate_rep
                .token_id
                .into_iter()
                .next()
                .ok_or_else(|| "tokenId missing in JoinRecord".to_string())?,
            group_id: intermediate_rep
                .group_id
                .into_iter()
                .next()
                .ok_or_else(|| "groupId missing in JoinRecord".to_string())?,
            joiner: intermediate_rep
                .joiner
                .into_iter()
                .next()
                .ok_or_else(|| "joiner missing in JoinRecord".to_string())?,
            privileges: intermediate_rep
                .privileges
                .into_iter()
                .next()
                .ok_or_else(|| "privileges missing in JoinRecord".to_string())?,
            joined_at: intermediate_rep
                .joined_at
                .into_iter()
                .next()
                .ok_or_else(|| "joinedAt missing in JoinRecord".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<JoinRecord> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<JoinRecord>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<JoinRecord>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for JoinRecord - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<JoinRecord> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <JoinRecord as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into JoinRecord - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<JoinRecord>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<JoinRecord>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<JoinRecord>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<JoinRecord> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <JoinRecord as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into JoinRecord - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct JoinRecordList {
    #[serde(rename = "joins")]
    #[cfg_attr(feature = "validate", validate)]
    pub joins: Vec<models::JoinRecord>,

    /// Only on a page (a request with `limit` or `after`) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_JOINRECORDLIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for JoinRecordList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for JoinRecordList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_JOINRECORDLIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl JoinRecordList {
    #[allow(clippy::new_without_default)]
    pub fn new(joins: Vec<models::JoinRecord>) -> JoinRecordList {
        JoinRecordList { joins, next: None }
    }
}

/// Converts the JoinRecordList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for JoinRecordList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type joins in query parameter serialization
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a JoinRecordList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for JoinRecordList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub joins: Vec<Vec<models::JoinRecord>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing JoinRecordList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "joins" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in JoinRecordList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing JoinRecordList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(JoinRecordList {
            joins: intermediate_rep
                .joins
                .into_iter()
                .next()
                .ok_or_else(|| "joins missing in JoinRecordList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<JoinRecordList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<JoinRecordList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<JoinRecordList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for JoinRecordList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<JoinRecordList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <JoinRecordList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into JoinRecordList - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<JoinRecordList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<JoinRecordList>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<JoinRecordList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<JoinRecordList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <JoinRecordList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into JoinRecordList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Who joined, a user (a join) or a group (a nested join).
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Joiner {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    pub r#type: models::JoinerType,

    #[serde(rename = "id")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_JOINER_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Joiner {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Joiner {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_JOINER_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}

impl Joiner {
    #[allow(clippy::new_without_default)]
    pub fn new(r#type: models::JoinerType, id: String) -> Joiner {
        Joiner { r#type, id }
    }
}

/// Converts the Joiner value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for Joiner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type type in query parameter serialization
            Some("id".to_string()),
            Some(self.id.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Joiner value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Joiner {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r#type: Vec<models::JoinerType>,
            pub id: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Joiner".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::JoinerType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Joiner".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Joiner {
            r#type: intermediate_rep.r#type.into_iter().next().ok_or_else(|| "type missing in Joiner".to_string())?,
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in Joiner".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Joiner> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Joiner>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Joiner>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Joiner - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Joiner> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Joiner as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Joiner - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Joiner>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Joiner>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Joiner>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Joiner> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Joiner as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Joiner - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum JoinerType {
    #[serde(rename = "user")]
    User,
    #[serde(rename = "group")]
    Group,
}

impl std::fmt::Display for JoinerType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            JoinerType::User => write!(f, "user"),
            JoinerType::Group => write!(f, "group"),
        }
    }
}

impl std::str::FromStr for JoinerType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "user" => std::result::Result::Ok(JoinerType::User),
            "group" => std::result::Result::Ok(JoinerType::Group),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<JoinerType> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<JoinerType>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<JoinerType>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for JoinerType - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<JoinerType> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <JoinerType as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into JoinerType - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<JoinerType>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<JoinerType>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<JoinerType>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<JoinerType> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <JoinerType as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into JoinerType - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// A user's login: unique, set when the user is created (`oz-groups user add LOGIN`), and the user name of HTTP Basic authentication. Read-only over the API.
#[derive(Debug, Clone, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Login(
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[^\x00-\x1F\x7F-\x9F]+$"))]
    String,
);

impl std::convert::From<String> for Login {
    fn from(x: String) -> Self {
        Login(x)
    }
}

impl std::convert::From<Login> for String {
    fn from(x: Login) -> Self {
        x.0
    }
}

impl std::ops::Deref for Login {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Login {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Login {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Login {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}
impl std::fmt::Display for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.clone())
    }
}

impl std::str::FromStr for Login {
    type Err = ::std::convert::Infallible;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Login(x.to_owned()))
    }
}

// Methods for converting between header::IntoHeaderValue<Login> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Login>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Login>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Login - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Login> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Login as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Login - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Login>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Login>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Login>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Login> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Login as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Login - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
#[derive(Debug, Clone, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Name(
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\x00-\x1F\x7F-\x9F\xAD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]*[^\x00-\x20\x7F-\xA0\xAD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u115F\u1160\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u206F\u2800\u3000\u3164\uFEFF\uFFA0\uFFF9-\uFFFB][^\x00-\x1F\x7F-\x9F\xAD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]*$"
        )
    )]
    String,
);

impl std::convert::From<String> for Name {
    fn from(x: String) -> Self {
        Name(x)
    }
}

impl std::convert::From<Name> for String {
    fn from(x: Name) -> Self {
        x.0
    }
}

impl std::ops::Deref for Name {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Name {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Name {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Name {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}
impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.clone())
    }
}

impl std::str::FromStr for Name {
    type Err = ::std::convert::Infallible;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Name(x.to_owned()))
    }
}

// Methods for converting between header::IntoHeaderValue<Name> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Name>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Name>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Name - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Name> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Name as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Name - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Name>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Name>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Name>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Name> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Name as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Name - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// A named token as Onezone 20.02 shows it, with its serialized form.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct NamedToken {
    #[serde(rename = "id")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_NAMEDTOKEN_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,

    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_NAMEDTOKEN_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    pub name: String,

    #[serde(rename = "subject")]
    #[cfg_attr(feature = "validate", validate)]
    pub subject: models::TokenSubject,

    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    pub r#type: models::TokenType,

    #[serde(rename = "caveats")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 16),))]
    #[cfg_attr(feature = "validate", validate(max_length = 16))]
    pub caveats: Vec<models::Caveat>,

    #[serde(rename = "metadata")]
    #[cfg_attr(feature = "validate", validate)]
    pub metadata: models::TokenMetadata,

    #[serde(rename = "revoked")]
    pub revoked: bool,

    /// The serialized token.
    #[serde(rename = "token")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 4096),))]
    #[cfg_attr(feature = "validate", validate(max_length = 4096))]
    pub token: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for NamedToken {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for NamedToken {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_NAMEDTOKEN_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_NAMEDTOKEN_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}

impl NamedToken {
    #[allow(clippy::new_without_default)]
    pub fn new(
        id: String,
        name: String,
        subject: models::TokenSubject,
        r#type: models::TokenType,
        caveats: Vec<models::Caveat>,
        metadata: models::TokenMetadata,
        revoked: bool,
        token: String,
    ) -> NamedToken {
        NamedToken { id, name, subject, r#type, caveats, metadata, revoked, token }
    }
}

/// Converts the NamedToken value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for NamedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("id".to_string()),
            Some(self.id.to_string()),
            Some("name".to_string()),
            Some(self.name.to_string()),
            // Skipping non-primitive type subject in query parameter serialization
            // Skipping non-primitive type type in query parameter serialization
            // Skipping non-primitive type caveats in query parameter serialization
            // Skipping non-primitive type metadata in query parameter serialization
            Some("revoked".to_string()),
            Some(self.revoked.to_string()),
            Some("token".to_string()),
            Some(self.token.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a NamedToken value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for NamedToken {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<String>,
            pub name: Vec<String>,
            pub subject: Vec<models::TokenSubject>,
            pub r#type: Vec<models::TokenType>,
            pub caveats: Vec<Vec<models::Caveat>>,
            pub metadata: Vec<models::TokenMetadata>,
            pub revoked: Vec<bool>,
            pub token: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing NamedToken".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "subject" => intermediate_rep
                        .subject
                        .push(<models::TokenSubject as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::TokenType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "caveats" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in NamedToken".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "metadata" => intermediate_rep
                        .metadata
                        .push(<models::TokenMetadata as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "revoked" => intermediate_rep
                        .revoked
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "token" => intermediate_rep
                        .token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing NamedToken".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(NamedToken {
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in NamedToken".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in NamedToken".to_string())?,
            subject: intermediate_rep
                .subject
                .into_iter()
                .next()
                .ok_or_else(|| "subject missing in NamedToken".to_string())?,
            r#type: intermediate_rep
                .r#type
                .into_iter()
                .next()
                .ok_or_else(|| "type missing in NamedToken".to_string())?,
            caveats: intermediate_rep
                .caveats
                .into_iter()
                .next()
                .ok_or_else(|| "caveats missing in NamedToken".to_string())?,
            metadata: intermediate_rep
                .metadata
                .into_iter()
                .next()
                .ok_or_else(|| "metadata missing in NamedToken".to_string())?,
            revoked: intermediate_rep
                .revoked
                .into_iter()
                .next()
                .ok_or_else(|| "revoked missing in NamedToken".to_string())?,
            token: intermediate_rep
                .token
                .into_iter()
                .next()
                .ok_or_else(|| "token missing in NamedToken".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<NamedToken> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<NamedToken>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<NamedToken>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for NamedToken - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<NamedToken> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <NamedToken as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into NamedToken - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<NamedToken>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<NamedToken>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<NamedToken>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<NamedToken> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <NamedToken as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into NamedToken - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct NamedTokenCreateRequest {
    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_NAMEDTOKENCREATEREQUEST_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    pub name: String,

    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    pub r#type: models::TokenType,

    #[serde(rename = "caveats")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 16),))]
    #[cfg_attr(feature = "validate", validate(max_length = 16))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveats: Option<Vec<models::Caveat>>,

    /// What the joining user or group gets in the group; `[group_view_data]` when absent.
    #[serde(rename = "privileges")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 13),))]
    #[cfg_attr(feature = "validate", validate(max_length = 13))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privileges: Option<Vec<models::Privilege>>,

    #[serde(rename = "usageLimit")]
    #[cfg_attr(feature = "validate", validate)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_limit: Option<models::UsageLimit>,

    /// Any JSON object the owner attaches to the token (Onezone 20.02's `customMetadata`).
    #[serde(rename = "customMetadata")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 64),))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_metadata: Option<std::collections::HashMap<String, serde_json::Value>>,

    /// Create it revoked (false when absent).
    #[serde(rename = "revoked")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for NamedTokenCreateRequest {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for NamedTokenCreateRequest {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_NAMEDTOKENCREATEREQUEST_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}

impl NamedTokenCreateRequest {
    #[allow(clippy::new_without_default)]
    pub fn new(name: String, r#type: models::TokenType) -> NamedTokenCreateRequest {
        NamedTokenCreateRequest {
            name,
            r#type,
            caveats: None,
            privileges: None,
            usage_limit: None,
            custom_metadata: None,
            revoked: None,
        }
    }
}

/// Converts the NamedTokenCreateRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for NamedTokenCreateRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("name".to_string()),
            Some(self.name.to_string()),
            // Skipping non-primitive type type in query parameter serialization
            // Skipping non-primitive type caveats in query parameter serialization
            // Skipping non-primitive type privileges in query parameter serialization
            // Skipping non-primitive type usageLimit in query parameter serialization
            // Skipping map customMetadata in query parameter serialization
            self.revoked.as_ref().map(|revoked| ["revoked".to_string(), revoked.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a NamedTokenCreateRequest value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for NamedTokenCreateRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
            pub r#type: Vec<models::TokenType>,
            pub caveats: Vec<Vec<models::Caveat>>,
            pub privileges: Vec<Vec<models::Privilege>>,
            pub usage_limit: Vec<models::UsageLimit>,
            pub custom_metadata: Vec<std::collections::HashMap<String, serde_json::Value>>,
            pub revoked: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing NamedTokenCreateRequest".to_string())
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r#type
                        .push(<models::TokenType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "caveats" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in NamedTokenCreateRequest".to_string(),
                        )
                    }
                    "privileges" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in NamedTokenCreateRequest".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "usageLimit" => intermediate_rep
                        .usage_limit
                        .push(<models::UsageLimit as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "customMetadata" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in NamedTokenCreateRequest".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "revoked" => intermediate_rep
                        .revoked
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing NamedTokenCreateRequest".to_string(),
                        )
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(NamedTokenCreateRequest {
            name: intermediate_rep
                .name
                .into_iter()
                .next()
                .ok_or_else(|| "name missing in NamedTokenCreateRequest".to_string())?,
            r#type: intermediate_rep
                .r#type
                .into_iter()
                .next()
                .ok_or_else(|| "type missing in NamedTokenCreateRequest".to_string())?,
            caveats: intermediate_rep.caveats.into_iter().next(),
            privileges: intermediate_rep.privileges.into_iter().next(),
            usage_limit: intermediate_rep.usage_limit.into_iter().next(),
            custom_metadata: intermediate_rep.custom_metadata.into_iter().next(),
            revoked: intermediate_rep.revoked.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<NamedTokenCreateRequest> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<NamedTokenCreateRequest>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<NamedTokenCreateRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for NamedTokenCreateRequest - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<NamedTokenCreateRequest> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <NamedTokenCreateRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into NamedTokenCreateRequest - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<NamedTokenCreateRequest>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<NamedTokenCreateRequest>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<NamedTokenCreateRequest>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<NamedTokenCreateRequest> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <NamedTokenCreateRequest as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into NamedTokenCreateRequest - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct NamedTokenCreateResponse {
    #[serde(rename = "tokenId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_NAMEDTOKENCREATERESPONSE_TOKEN_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub token_id: String,

    /// The serialized token.
    #[serde(rename = "token")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 4096),))]
    #[cfg_attr(feature = "validate", validate(max_length = 4096))]
    pub token: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for NamedTokenCreateResponse {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for NamedTokenCreateResponse {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_NAMEDTOKENCREATERESPONSE_TOKEN_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}

impl NamedTokenCreateResponse {
    #[allow(clippy::new_without_default)]
    pub fn new(token_id: String, token: String) -> NamedTokenCreateResponse {
        NamedTokenCreateResponse { token_id, token }
    }
}

/// Converts the NamedTokenCreateResponse value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for NamedTokenCreateResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("tokenId".to_string()),
            Some(self.token_id.to_string()),
            Some("token".to_string()),
            Some(self.token.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a NamedTokenCreateResponse value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for NamedTokenCreateResponse {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub token_id: Vec<String>,
            pub token: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing NamedTokenCreateResponse".to_string())
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "tokenId" => intermediate_rep
                        .token_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "token" => intermediate_rep
                        .token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing NamedTokenCreateResponse".to_string(),
                        )
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(NamedTokenCreateResponse {
            token_id: intermediate_rep
                .token_id
                .into_iter()
                .next()
                .ok_or_else(|| "tokenId missing in NamedTokenCreateResponse".to_string())?,
            token: intermediate_rep
                .token
                .into_iter()
                .next()
                .ok_or_else(|| "token missing in NamedTokenCreateResponse".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<NamedTokenCreateResponse> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<NamedTokenCreateResponse>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_value: header::IntoHeaderValue<NamedTokenCreateResponse>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for NamedTokenCreateResponse - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<NamedTokenCreateResponse> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <NamedTokenCreateResponse as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into NamedTokenCreateResponse - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<NamedTokenCreateResponse>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<NamedTokenCreateResponse>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<NamedTokenCreateResponse>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values : std::vec::Vec<NamedTokenCreateResponse> = hdr_values
                .split(',')
                .filter_map(|hdr_value| match hdr_value.trim() {
                    "" => std::option::Option::None,
                    hdr_value => std::option::Option::Some({
                        match <NamedTokenCreateResponse as std::str::FromStr>::from_str(hdr_value) {
                            std::result::Result::Ok(value) => std::result::Result::Ok(value),
                            std::result::Result::Err(err) => std::result::Result::Err(
                                format!("Unable to convert header value '{hdr_value}' into NamedTokenCreateResponse - {err}"))
                        }
                    })
                }).collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct NamedTokenUpdateRequest {
    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_NAMEDTOKENUPDATEREQUEST_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,

    #[serde(rename = "revoked")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,

    /// Any JSON object the owner attaches to the token (Onezone 20.02's `customMetadata`).
    #[serde(rename = "customMetadata")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 64),))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_metadata: Option<std::collections::HashMap<String, serde_json::Value>>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for NamedTokenUpdateRequest {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for NamedTokenUpdateRequest {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_NAMEDTOKENUPDATEREQUEST_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}

impl NamedTokenUpdateRequest {
    #[allow(clippy::new_without_default)]
    pub fn new() -> NamedTokenUpdateRequest {
        NamedTokenUpdateRequest { name: None, revoked: None, custom_metadata: None }
    }
}

/// Converts the NamedTokenUpdateRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for NamedTokenUpdateRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.name.as_ref().map(|name| ["name".to_string(), name.to_string()].join(",")),
            self.revoked.as_ref().map(|revoked| ["revoked".to_string(), revoked.to_string()].join(",")),
            // Skipping map customMetadata in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a NamedTokenUpdateRequest value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for NamedTokenUpdateRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
            pub revoked: Vec<bool>,
            pub custom_metadata: Vec<std::collections::HashMap<String, serde_json::Value>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing NamedTokenUpdateRequest".to_string())
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "revoked" => intermediate_rep
                        .revoked
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "customMetadata" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in NamedTokenUpdateRequest".to_string(),
                        )
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing NamedTokenUpdateRequest".to_string(),
                        )
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(NamedTokenUpdateRequest {
            name: intermediate_rep.name.into_iter().next(),
            revoked: intermediate_rep.revoked.into_iter().next(),
            custom_metadata: intermediate_rep.custom_metadata.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<NamedTokenUpdateRequest> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<NamedTokenUpdateRequest>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<NamedTokenUpdateRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for NamedTokenUpdateRequest - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<NamedTokenUpdateRequest> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <NamedTokenUpdateRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into NamedTokenUpdateRequest - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<NamedTokenUpdateRequest>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<NamedTokenUpdateRequest>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<NamedTokenUpdateRequest>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<NamedTokenUpdateRequest> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <NamedTokenUpdateRequest as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into NamedTokenUpdateRequest - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct NestedGroupList {
    /// Ids of the direct child groups, in the order they joined.
    #[serde(rename = "nested_groups")]
    #[cfg_attr(feature = "validate", validate)]
    pub nested_groups: Vec<models::Id>,

    /// Only on a page (a request with `limit` or `after`, an extension of ours) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries. A whole list, as Onezone returns it, never has it.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_NESTEDGROUPLIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for NestedGroupList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for NestedGroupList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_NESTEDGROUPLIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl NestedGroupList {
    #[allow(clippy::new_without_default)]
    pub fn new(nested_groups: Vec<models::Id>) -> NestedGroupList {
        NestedGroupList { nested_groups, next: None }
    }
}

/// Converts the NestedGroupList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for NestedGroupList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("nested_groups".to_string()),
            Some(self.nested_groups.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a NestedGroupList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for NestedGroupList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub nested_groups: Vec<Vec<models::Id>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing NestedGroupList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "nested_groups" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in NestedGroupList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing NestedGroupList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(NestedGroupList {
            nested_groups: intermediate_rep
                .nested_groups
                .into_iter()
                .next()
                .ok_or_else(|| "nested_groups missing in NestedGroupList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<NestedGroupList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<NestedGroupList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<NestedGroupList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for NestedGroupList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<NestedGroupList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <NestedGroupList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into NestedGroupList - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<NestedGroupList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<NestedGroupList>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<NestedGroupList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<NestedGroupList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <NestedGroupList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into NestedGroupList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// How a direct member got into its group (an extension of ours): `tokenId` and `issuer` for `invite` (`issuer` absent for invites made before issuers were recorded), `addedBy` for `added`.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Origin {
    #[serde(rename = "origin")]
    #[cfg_attr(feature = "validate", validate)]
    pub origin: models::OriginOrigin,

    #[serde(rename = "tokenId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_ORIGIN_TOKEN_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_id: Option<String>,

    #[serde(rename = "issuer")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_ORIGIN_ISSUER),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,

    #[serde(rename = "addedBy")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_ORIGIN_ADDED_BY),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added_by: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Origin {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Origin {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_ORIGIN_TOKEN_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_ORIGIN_ISSUER: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_ORIGIN_ADDED_BY: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}

impl Origin {
    #[allow(clippy::new_without_default)]
    pub fn new(origin: models::OriginOrigin) -> Origin {
        Origin { origin, token_id: None, issuer: None, added_by: None }
    }
}

/// Converts the Origin value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type origin in query parameter serialization
            self.token_id.as_ref().map(|token_id| ["tokenId".to_string(), token_id.to_string()].join(",")),
            self.issuer.as_ref().map(|issuer| ["issuer".to_string(), issuer.to_string()].join(",")),
            self.added_by.as_ref().map(|added_by| ["addedBy".to_string(), added_by.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Origin value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Origin {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub origin: Vec<models::OriginOrigin>,
            pub token_id: Vec<String>,
            pub issuer: Vec<String>,
            pub added_by: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Origin".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "origin" => intermediate_rep
                        .origin
                        .push(<models::OriginOrigin as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "tokenId" => intermediate_rep
                        .token_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "issuer" => intermediate_rep
                        .issuer
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "addedBy" => intermediate_rep
                        .added_by
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Origin".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Origin {
            origin: intermediate_rep.origin.into_iter().next().ok_or_else(|| "origin missing in Origin".to_string())?,
            token_id: intermediate_rep.token_id.into_iter().next(),
            issuer: intermediate_rep.issuer.into_iter().next(),
            added_by: intermediate_rep.added_by.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Origin> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Origin>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Origin>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for Origin - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Origin> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Origin as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Origin - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Origin>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Origin>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Origin>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Origin> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Origin as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Origin - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum OriginOrigin {
    #[serde(rename = "created")]
    Created,
    #[serde(rename = "invite")]
    Invite,
    #[serde(rename = "added")]
    Added,
    #[serde(rename = "unknown")]
    Unknown,
}

impl std::fmt::Display for OriginOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            OriginOrigin::Created => write!(f, "created"),
            OriginOrigin::Invite => write!(f, "invite"),
            OriginOrigin::Added => write!(f, "added"),
            OriginOrigin::Unknown => write!(f, "unknown"),
        }
    }
}

impl std::str::FromStr for OriginOrigin {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "created" => std::result::Result::Ok(OriginOrigin::Created),
            "invite" => std::result::Result::Ok(OriginOrigin::Invite),
            "added" => std::result::Result::Ok(OriginOrigin::Added),
            "unknown" => std::result::Result::Ok(OriginOrigin::Unknown),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<OriginOrigin> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<OriginOrigin>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<OriginOrigin>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for OriginOrigin - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<OriginOrigin> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <OriginOrigin as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into OriginOrigin - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<OriginOrigin>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<OriginOrigin>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<OriginOrigin>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<OriginOrigin> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <OriginOrigin as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into OriginOrigin - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ParentGroupList {
    /// Ids of the direct parent groups, in the order they were joined.
    #[serde(rename = "parent_groups")]
    #[cfg_attr(feature = "validate", validate)]
    pub parent_groups: Vec<models::Id>,

    /// Only on a page (a request with `limit` or `after`, an extension of ours) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries. A whole list, as Onezone returns it, never has it.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_PARENTGROUPLIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for ParentGroupList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for ParentGroupList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_PARENTGROUPLIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl ParentGroupList {
    #[allow(clippy::new_without_default)]
    pub fn new(parent_groups: Vec<models::Id>) -> ParentGroupList {
        ParentGroupList { parent_groups, next: None }
    }
}

/// Converts the ParentGroupList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for ParentGroupList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("parent_groups".to_string()),
            Some(self.parent_groups.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ParentGroupList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ParentGroupList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub parent_groups: Vec<Vec<models::Id>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ParentGroupList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "parent_groups" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in ParentGroupList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing ParentGroupList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ParentGroupList {
            parent_groups: intermediate_rep
                .parent_groups
                .into_iter()
                .next()
                .ok_or_else(|| "parent_groups missing in ParentGroupList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ParentGroupList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<ParentGroupList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ParentGroupList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for ParentGroupList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<ParentGroupList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ParentGroupList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into ParentGroupList - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<ParentGroupList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<ParentGroupList>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<ParentGroupList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<ParentGroupList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <ParentGroupList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into ParentGroupList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum Privilege {
    #[serde(rename = "group_view_data")]
    GroupViewData,
    #[serde(rename = "group_change_data")]
    GroupChangeData,
    #[serde(rename = "group_invite_user")]
    GroupInviteUser,
    #[serde(rename = "group_remove_user")]
    GroupRemoveUser,
    #[serde(rename = "group_set_privileges")]
    GroupSetPrivileges,
    #[serde(rename = "group_remove")]
    GroupRemove,
    #[serde(rename = "group_invite_group")]
    GroupInviteGroup,
    #[serde(rename = "group_join_group")]
    GroupJoinGroup,
    #[serde(rename = "group_remove_group")]
    GroupRemoveGroup,
    #[serde(rename = "group_join_space")]
    GroupJoinSpace,
    #[serde(rename = "group_create_space")]
    GroupCreateSpace,
    #[serde(rename = "group_leave_space")]
    GroupLeaveSpace,
    #[serde(rename = "group_create_space_token")]
    GroupCreateSpaceToken,
}

impl std::fmt::Display for Privilege {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Privilege::GroupViewData => write!(f, "group_view_data"),
            Privilege::GroupChangeData => write!(f, "group_change_data"),
            Privilege::GroupInviteUser => write!(f, "group_invite_user"),
            Privilege::GroupRemoveUser => write!(f, "group_remove_user"),
            Privilege::GroupSetPrivileges => write!(f, "group_set_privileges"),
            Privilege::GroupRemove => write!(f, "group_remove"),
            Privilege::GroupInviteGroup => write!(f, "group_invite_group"),
            Privilege::GroupJoinGroup => write!(f, "group_join_group"),
            Privilege::GroupRemoveGroup => write!(f, "group_remove_group"),
            Privilege::GroupJoinSpace => write!(f, "group_join_space"),
            Privilege::GroupCreateSpace => write!(f, "group_create_space"),
            Privilege::GroupLeaveSpace => write!(f, "group_leave_space"),
            Privilege::GroupCreateSpaceToken => write!(f, "group_create_space_token"),
        }
    }
}

impl std::str::FromStr for Privilege {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "group_view_data" => std::result::Result::Ok(Privilege::GroupViewData),
            "group_change_data" => std::result::Result::Ok(Privilege::GroupChangeData),
            "group_invite_user" => std::result::Result::Ok(Privilege::GroupInviteUser),
            "group_remove_user" => std::result::Result::Ok(Privilege::GroupRemoveUser),
            "group_set_privileges" => std::result::Result::Ok(Privilege::GroupSetPrivileges),
            "group_remove" => std::result::Result::Ok(Privilege::GroupRemove),
            "group_invite_group" => std::result::Result::Ok(Privilege::GroupInviteGroup),
            "group_join_group" => std::result::Result::Ok(Privilege::GroupJoinGroup),
            "group_remove_group" => std::result::Result::Ok(Privilege::GroupRemoveGroup),
            "group_join_space" => std::result::Result::Ok(Privilege::GroupJoinSpace),
            "group_create_space" => std::result::Result::Ok(Privilege::GroupCreateSpace),
            "group_leave_space" => std::result::Result::Ok(Privilege::GroupLeaveSpace),
            "group_create_space_token" => std::result::Result::Ok(Privilege::GroupCreateSpaceToken),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<Privilege> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Privilege>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Privilege>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for Privilege - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Privilege> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Privilege as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into Privilege - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Privilege>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Privilege>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Privilege>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Privilege> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Privilege as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Privilege - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Privileges {
    #[serde(rename = "privileges")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 13),))]
    #[cfg_attr(feature = "validate", validate(max_length = 13))]
    pub privileges: Vec<models::Privilege>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for Privileges {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for Privileges {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl Privileges {
    #[allow(clippy::new_without_default)]
    pub fn new(privileges: Vec<models::Privilege>) -> Privileges {
        Privileges { privileges }
    }
}

/// Converts the Privileges value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for Privileges {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type privileges in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Privileges value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Privileges {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub privileges: Vec<Vec<models::Privilege>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Privileges".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "privileges" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in Privileges".to_string(),
                        )
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing Privileges".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Privileges {
            privileges: intermediate_rep
                .privileges
                .into_iter()
                .next()
                .ok_or_else(|| "privileges missing in Privileges".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Privileges> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Privileges>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Privileges>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for Privileges - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Privileges> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Privileges as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into Privileges - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<Privileges>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<Privileges>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<Privileges>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<Privileges> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <Privileges as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into Privileges - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TokenList {
    /// Ids of the caller's named tokens, in creation order.
    #[serde(rename = "tokens")]
    #[cfg_attr(feature = "validate", validate)]
    pub tokens: Vec<models::Id>,

    /// Only on a page (a request with `limit` or `after`, an extension of ours) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries. A whole list, as Onezone returns it, never has it.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_TOKENLIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for TokenList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for TokenList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_TOKENLIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl TokenList {
    #[allow(clippy::new_without_default)]
    pub fn new(tokens: Vec<models::Id>) -> TokenList {
        TokenList { tokens, next: None }
    }
}

/// Converts the TokenList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for TokenList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("tokens".to_string()),
            Some(self.tokens.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TokenList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TokenList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub tokens: Vec<Vec<models::Id>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TokenList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "tokens" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in TokenList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing TokenList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TokenList {
            tokens: intermediate_rep
                .tokens
                .into_iter()
                .next()
                .ok_or_else(|| "tokens missing in TokenList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TokenList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for TokenList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<TokenList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TokenList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into TokenList - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<TokenList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<TokenList>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<TokenList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<TokenList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <TokenList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into TokenList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TokenMetadata {
    /// Unix seconds.
    #[serde(rename = "creationTime")]
    #[cfg_attr(not(feature = "validate"), validate(range(min = 0i64, max = 253402300799i64),))]
    #[cfg_attr(feature = "validate", validate(minimum = 0i64))]
    #[cfg_attr(feature = "validate", validate(maximum = 253402300799i64))]
    pub creation_time: i64,

    #[serde(rename = "usageLimit")]
    #[cfg_attr(feature = "validate", validate)]
    pub usage_limit: models::UsageLimit,

    #[serde(rename = "usageCount")]
    #[cfg_attr(not(feature = "validate"), validate(range(min = 0u32, max = 2147483647u32),))]
    #[cfg_attr(feature = "validate", validate(minimum = 0u32))]
    #[cfg_attr(feature = "validate", validate(maximum = 2147483647u32))]
    pub usage_count: u32,

    #[serde(rename = "privileges")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 13),))]
    #[cfg_attr(feature = "validate", validate(max_length = 13))]
    pub privileges: Vec<models::Privilege>,

    /// Any JSON object the owner attaches to the token (Onezone 20.02's `customMetadata`).
    #[serde(rename = "custom")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 64),))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    pub custom: std::collections::HashMap<String, serde_json::Value>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for TokenMetadata {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for TokenMetadata {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl TokenMetadata {
    #[allow(clippy::new_without_default)]
    pub fn new(
        creation_time: i64,
        usage_limit: models::UsageLimit,
        usage_count: u32,
        privileges: Vec<models::Privilege>,
        custom: std::collections::HashMap<String, serde_json::Value>,
    ) -> TokenMetadata {
        TokenMetadata { creation_time, usage_limit, usage_count, privileges, custom }
    }
}

/// Converts the TokenMetadata value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for TokenMetadata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("creationTime".to_string()),
            Some(self.creation_time.to_string()),
            // Skipping non-primitive type usageLimit in query parameter serialization
            Some("usageCount".to_string()),
            Some(self.usage_count.to_string()),
            // Skipping non-primitive type privileges in query parameter serialization
            // Skipping map custom in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TokenMetadata value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TokenMetadata {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub creation_time: Vec<i64>,
            pub usage_limit: Vec<models::UsageLimit>,
            pub usage_count: Vec<u32>,
            pub privileges: Vec<Vec<models::Privilege>>,
            pub custom: Vec<std::collections::HashMap<String, serde_json::Value>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TokenMetadata".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "creationTime" => intermediate_rep
                        .creation_time
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "usageLimit" => intermediate_rep
                        .usage_limit
                        .push(<models::UsageLimit as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "usageCount" => intermediate_rep
                        .usage_count
                        .push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "privileges" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in TokenMetadata".to_string(),
                        )
                    }
                    "custom" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in TokenMetadata".to_string(),
                        )
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing TokenMetadata".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TokenMetadata {
            creation_time: intermediate_rep
                .creation_time
                .into_iter()
                .next()
                .ok_or_else(|| "creationTime missing in TokenMetadata".to_string())?,
            usage_limit: intermediate_rep
                .usage_limit
                .into_iter()
                .next()
                .ok_or_else(|| "usageLimit missing in TokenMetadata".to_string())?,
            usage_count: intermediate_rep
                .usage_count
                .into_iter()
                .next()
                .ok_or_else(|| "usageCount missing in TokenMetadata".to_string())?,
            privileges: intermediate_rep
                .privileges
                .into_iter()
                .next()
                .ok_or_else(|| "privileges missing in TokenMetadata".to_string())?,
            custom: intermediate_rep
                .custom
                .into_iter()
                .next()
                .ok_or_else(|| "custom missing in TokenMetadata".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TokenMetadata> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenMetadata>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenMetadata>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for TokenMetadata - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<TokenMetadata> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TokenMetadata as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into TokenMetadata - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<TokenMetadata>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<TokenMetadata>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<TokenMetadata>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<TokenMetadata> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <TokenMetadata as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into TokenMetadata - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Whose token it is (its owner, who created it).
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TokenSubject {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "validate", validate)]
    pub r#type: models::TokenSubjectType,

    #[serde(rename = "id")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_TOKENSUBJECT_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for TokenSubject {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for TokenSubject {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_TOKENSUBJECT_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}

impl TokenSubject {
    #[allow(clippy::new_without_default)]
    pub fn new(r#type: models::TokenSubjectType, id: String) -> TokenSubject {
        TokenSubject { r#type, id }
    }
}

/// Converts the TokenSubject value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for TokenSubject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type type in query parameter serialization
            Some("id".to_string()),
            Some(self.id.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TokenSubject value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TokenSubject {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r#type: Vec<models::TokenSubjectType>,
            pub id: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TokenSubject".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep.r#type.push(
                        <models::TokenSubjectType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing TokenSubject".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TokenSubject {
            r#type: intermediate_rep
                .r#type
                .into_iter()
                .next()
                .ok_or_else(|| "type missing in TokenSubject".to_string())?,
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in TokenSubject".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TokenSubject> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenSubject>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenSubject>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for TokenSubject - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<TokenSubject> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TokenSubject as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into TokenSubject - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<TokenSubject>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<TokenSubject>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<TokenSubject>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<TokenSubject> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <TokenSubject as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into TokenSubject - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum TokenSubjectType {
    #[serde(rename = "user")]
    User,
}

impl std::fmt::Display for TokenSubjectType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            TokenSubjectType::User => write!(f, "user"),
        }
    }
}

impl std::str::FromStr for TokenSubjectType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "user" => std::result::Result::Ok(TokenSubjectType::User),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<TokenSubjectType> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenSubjectType>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenSubjectType>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for TokenSubjectType - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<TokenSubjectType> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TokenSubjectType as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into TokenSubjectType - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<TokenSubjectType>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<TokenSubjectType>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<TokenSubjectType>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<TokenSubjectType> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <TokenSubjectType as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into TokenSubjectType - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// The token's type (Onezone 20.02); this server issues named invite tokens only.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TokenType {
    #[serde(rename = "inviteToken")]
    #[cfg_attr(feature = "validate", validate)]
    pub invite_token: models::InviteTokenType,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for TokenType {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for TokenType {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl TokenType {
    #[allow(clippy::new_without_default)]
    pub fn new(invite_token: models::InviteTokenType) -> TokenType {
        TokenType { invite_token }
    }
}

/// Converts the TokenType value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for TokenType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type inviteToken in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TokenType value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TokenType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub invite_token: Vec<models::InviteTokenType>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TokenType".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "inviteToken" => intermediate_rep.invite_token.push(
                        <models::InviteTokenType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?,
                    ),
                    _ => return std::result::Result::Err("Unexpected key while parsing TokenType".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TokenType {
            invite_token: intermediate_rep
                .invite_token
                .into_iter()
                .next()
                .ok_or_else(|| "inviteToken missing in TokenType".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TokenType> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenType>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenType>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for TokenType - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<TokenType> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TokenType as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into TokenType - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<TokenType>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<TokenType>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<TokenType>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<TokenType> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <TokenType as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into TokenType - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// How many joins the invite admits: a positive integer, or `\"infinity\"` (Onezone 20.02).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UsageLimit(swagger::OneOf2<i32, models::UsageLimitOneOf>);

impl std::convert::From<swagger::OneOf2<i32, models::UsageLimitOneOf>> for UsageLimit {
    fn from(x: swagger::OneOf2<i32, models::UsageLimitOneOf>) -> Self {
        UsageLimit(x)
    }
}

impl std::convert::From<UsageLimit> for swagger::OneOf2<i32, models::UsageLimitOneOf> {
    fn from(x: UsageLimit) -> Self {
        x.0
    }
}

impl std::ops::Deref for UsageLimit {
    type Target = swagger::OneOf2<i32, models::UsageLimitOneOf>;
    fn deref(&self) -> &swagger::OneOf2<i32, models::UsageLimitOneOf> {
        &self.0
    }
}

impl std::ops::DerefMut for UsageLimit {
    fn deref_mut(&mut self) -> &mut swagger::OneOf2<i32, models::UsageLimitOneOf> {
        &mut self.0
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for UsageLimit {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for UsageLimit {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}
/// Converts the UsageLimit value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for UsageLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Display for this model is not supported
        write!(f, "")
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a UsageLimit value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl ::std::str::FromStr for UsageLimit {
    type Err = &'static str;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Err("Parsing UsageLimit is not supported")
    }
}

// Methods for converting between header::IntoHeaderValue<UsageLimit> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<UsageLimit>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<UsageLimit>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for UsageLimit - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<UsageLimit> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <UsageLimit as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into UsageLimit - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<UsageLimit>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<UsageLimit>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<UsageLimit>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<UsageLimit> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <UsageLimit as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into UsageLimit - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum UsageLimitOneOf {
    #[serde(rename = "infinity")]
    Infinity,
}

impl std::fmt::Display for UsageLimitOneOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            UsageLimitOneOf::Infinity => write!(f, "infinity"),
        }
    }
}

impl std::str::FromStr for UsageLimitOneOf {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "infinity" => std::result::Result::Ok(UsageLimitOneOf::Infinity),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<UsageLimitOneOf> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<UsageLimitOneOf>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<UsageLimitOneOf>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for UsageLimitOneOf - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<UsageLimitOneOf> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <UsageLimitOneOf as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into UsageLimitOneOf - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<UsageLimitOneOf>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<UsageLimitOneOf>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<UsageLimitOneOf>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<UsageLimitOneOf> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <UsageLimitOneOf as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into UsageLimitOneOf - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// A user as Onezone rc11 shows it. `alias` is the empty string when the user has none; `connectedAccounts` and `emailList` are empty, since this server stores no such data.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct User {
    #[serde(rename = "userId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_USER_USER_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub user_id: String,

    /// A user's login: unique, set when the user is created (`oz-groups user add LOGIN`), and the user name of HTTP Basic authentication. Read-only over the API.
    #[serde(rename = "login")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_USER_LOGIN),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F]+$"))]
    pub login: String,

    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 50),))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    pub name: String,

    /// A user's alias, up to 50 characters, under the rules of `Name`, unique among users; the empty string when the user has none. In an update, the empty string clears it.
    #[serde(rename = "alias")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(max = 50),
           regex(path = *RE_USER_ALIAS),
        ))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^(?:[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*)?$"
        )
    )]
    pub alias: String,

    /// The user's linked identity-provider accounts; always empty here (read-only).
    #[serde(rename = "connectedAccounts")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 100),))]
    #[cfg_attr(feature = "validate", validate(max_length = 100))]
    pub connected_accounts: Vec<models::ConnectedAccount>,

    /// The user's e-mail addresses; always empty here, as this server stores none (read-only).
    #[serde(rename = "emailList")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 100),))]
    #[cfg_attr(feature = "validate", validate(max_length = 100))]
    pub email_list: Vec<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for User {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for User {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_USER_USER_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_USER_LOGIN: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_USER_ALIAS: regex::Regex = regex::Regex::new(r"^(?:[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*)?$").unwrap();
}

impl User {
    #[allow(clippy::new_without_default)]
    pub fn new(
        user_id: String,
        login: String,
        name: String,
        alias: String,
        connected_accounts: Vec<models::ConnectedAccount>,
        email_list: Vec<String>,
    ) -> User {
        User { user_id, login, name, alias, connected_accounts, email_list }
    }
}

/// Converts the User value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("userId".to_string()),
            Some(self.user_id.to_string()),
            Some("login".to_string()),
            Some(self.login.to_string()),
            Some("name".to_string()),
            Some(self.name.to_string()),
            Some("alias".to_string()),
            Some(self.alias.to_string()),
            // Skipping non-primitive type connectedAccounts in query parameter serialization
            Some("emailList".to_string()),
            Some(self.email_list.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a User value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for User {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub user_id: Vec<String>,
            pub login: Vec<String>,
            pub name: Vec<String>,
            pub alias: Vec<String>,
            pub connected_accounts: Vec<Vec<models::ConnectedAccount>>,
            pub email_list: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing User".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "userId" => intermediate_rep
                        .user_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "login" => intermediate_rep
                        .login
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "alias" => intermediate_rep
                        .alias
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "connectedAccounts" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in User".to_string(),
                        )
                    }
                    "emailList" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in User".to_string(),
                        )
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing User".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(User {
            user_id: intermediate_rep.user_id.into_iter().next().ok_or_else(|| "userId missing in User".to_string())?,
            login: intermediate_rep.login.into_iter().next().ok_or_else(|| "login missing in User".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in User".to_string())?,
            alias: intermediate_rep.alias.into_iter().next().ok_or_else(|| "alias missing in User".to_string())?,
            connected_accounts: intermediate_rep
                .connected_accounts
                .into_iter()
                .next()
                .ok_or_else(|| "connectedAccounts missing in User".to_string())?,
            email_list: intermediate_rep
                .email_list
                .into_iter()
                .next()
                .ok_or_else(|| "emailList missing in User".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<User> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<User>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<User>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Invalid header value for User - value: {hdr_value} is invalid {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<User> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <User as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into User - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<User>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<User>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<User>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<User> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <User as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into User - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UserList {
    #[serde(rename = "users")]
    #[cfg_attr(feature = "validate", validate)]
    pub users: Vec<models::Id>,

    /// Only on a page (a request with `limit` or `after`, an extension of ours) that has more items after it: the cursor to pass as `after` for the next page, the same one the `Link` header carries. A whole list, as Onezone returns it, never has it.
    #[serde(rename = "next")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 11, max = 11),
           regex(path = *RE_USERLIST_NEXT),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 11))]
    #[cfg_attr(feature = "validate", validate(max_length = 11))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for UserList {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for UserList {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_USERLIST_NEXT: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$").unwrap();
}

impl UserList {
    #[allow(clippy::new_without_default)]
    pub fn new(users: Vec<models::Id>) -> UserList {
        UserList { users, next: None }
    }
}

/// Converts the UserList value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for UserList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("users".to_string()),
            Some(self.users.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
            self.next.as_ref().map(|next| ["next".to_string(), next.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a UserList value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for UserList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub users: Vec<Vec<models::Id>>,
            pub next: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing UserList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "users" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in UserList".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "next" => intermediate_rep
                        .next
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing UserList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(UserList {
            users: intermediate_rep.users.into_iter().next().ok_or_else(|| "users missing in UserList".to_string())?,
            next: intermediate_rep.next.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<UserList> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<UserList>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<UserList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for UserList - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<UserList> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <UserList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!("Unable to convert header value '{value}' into UserList - {err}"))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<UserList>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<UserList>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<UserList>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<UserList> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <UserList as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into UserList - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// What to change: `name` and/or `alias`. The other members are the read-only ones of `User`, accepted when they equal the caller's (a client may send back what it fetched) and 400 when they differ.
#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UserUpdateRequest {
    /// 1 to 50 characters with no control character, no bidirectional control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), no invisible or format character (general category Cf, such as a zero-width space or joiner) and no line or paragraph separator, and not white space (or blank fillers such as U+3164) only. The pattern states the rule for the Basic Multilingual Plane; the server also refuses the format characters beyond it (tags, U+E0001 to U+E007F, and the like).
    #[serde(rename = "name")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 50),
           regex(path = *RE_USERUPDATEREQUEST_NAME),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$"
        )
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,

    /// A user's alias, up to 50 characters, under the rules of `Name`, unique among users; the empty string when the user has none. In an update, the empty string clears it.
    #[serde(rename = "alias")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(max = 50),
           regex(path = *RE_USERUPDATEREQUEST_ALIAS),
        ))]
    #[cfg_attr(feature = "validate", validate(max_length = 50))]
    #[cfg_attr(
        feature = "validate",
        validate(
            pattern = r"^(?:[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*)?$"
        )
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,

    /// Read-only, accepted so that a client may send back the `User` it fetched (as Onezone rc11's clients do): ignored when it equals the caller's id, 400 `invalid_request` when it differs.
    #[serde(rename = "userId")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_USERUPDATEREQUEST_USER_ID),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[A-Za-z0-9_-]+$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,

    /// Read-only, like `userId`; ignored when it equals the caller's login, 400 when it differs.
    #[serde(rename = "login")]
    #[cfg_attr(not(feature = "validate"), validate(
            length(min = 1, max = 64),
           regex(path = *RE_USERUPDATEREQUEST_LOGIN),
        ))]
    #[cfg_attr(feature = "validate", validate(min_length = 1))]
    #[cfg_attr(feature = "validate", validate(max_length = 64))]
    #[cfg_attr(feature = "validate", validate(pattern = r"^[^\\x00-\\x1F\\x7F-\\x9F]+$"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,

    /// Read-only, like `userId`; ignored when it equals the caller's (empty), 400 when it differs.
    #[serde(rename = "connectedAccounts")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 100),))]
    #[cfg_attr(feature = "validate", validate(max_length = 100))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connected_accounts: Option<Vec<models::ConnectedAccount>>,

    /// Read-only, like `userId`; ignored when it equals the caller's (empty), 400 when it differs.
    #[serde(rename = "emailList")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 100),))]
    #[cfg_attr(feature = "validate", validate(max_length = 100))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_list: Option<Vec<String>>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for UserUpdateRequest {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for UserUpdateRequest {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

lazy_static::lazy_static! {
    static ref RE_USERUPDATEREQUEST_NAME: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_USERUPDATEREQUEST_ALIAS: regex::Regex = regex::Regex::new(r"^(?:[^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*[^\\x00-\\x20\\x7F-\\xA0\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u206F\\u2800\\u3000\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB][^\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*)?$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_USERUPDATEREQUEST_USER_ID: regex::Regex = regex::Regex::new(r"^[A-Za-z0-9_-]+$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_USERUPDATEREQUEST_LOGIN: regex::Regex = regex::Regex::new(r"^[^\\x00-\\x1F\\x7F-\\x9F]+$").unwrap();
}

impl UserUpdateRequest {
    #[allow(clippy::new_without_default)]
    pub fn new() -> UserUpdateRequest {
        UserUpdateRequest {
            name: None,
            alias: None,
            user_id: None,
            login: None,
            connected_accounts: None,
            email_list: None,
        }
    }
}

/// Converts the UserUpdateRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for UserUpdateRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.name.as_ref().map(|name| ["name".to_string(), name.to_string()].join(",")),
            self.alias.as_ref().map(|alias| ["alias".to_string(), alias.to_string()].join(",")),
            self.user_id.as_ref().map(|user_id| ["userId".to_string(), user_id.to_string()].join(",")),
            self.login.as_ref().map(|login| ["login".to_string(), login.to_string()].join(",")),
            // Skipping non-primitive type connectedAccounts in query parameter serialization
            self.email_list.as_ref().map(|email_list| {
                ["emailList".to_string(), email_list.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")]
                    .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a UserUpdateRequest value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for UserUpdateRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
            pub alias: Vec<String>,
            pub user_id: Vec<String>,
            pub login: Vec<String>,
            pub connected_accounts: Vec<Vec<models::ConnectedAccount>>,
            pub email_list: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing UserUpdateRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "alias" => intermediate_rep
                        .alias
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "userId" => intermediate_rep
                        .user_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "login" => intermediate_rep
                        .login
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "connectedAccounts" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in UserUpdateRequest".to_string(),
                        )
                    }
                    "emailList" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in UserUpdateRequest".to_string(),
                        )
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing UserUpdateRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(UserUpdateRequest {
            name: intermediate_rep.name.into_iter().next(),
            alias: intermediate_rep.alias.into_iter().next(),
            user_id: intermediate_rep.user_id.into_iter().next(),
            login: intermediate_rep.login.into_iter().next(),
            connected_accounts: intermediate_rep.connected_accounts.into_iter().next(),
            email_list: intermediate_rep.email_list.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<UserUpdateRequest> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<UserUpdateRequest>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<UserUpdateRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for UserUpdateRequest - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<UserUpdateRequest> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <UserUpdateRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into UserUpdateRequest - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<UserUpdateRequest>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<UserUpdateRequest>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<UserUpdateRequest>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<UserUpdateRequest> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <UserUpdateRequest as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into UserUpdateRequest - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// A zone privilege (Onezone rc11/17.06's names for users and groups).
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum ZonePrivilege {
    #[serde(rename = "view_privileges")]
    ViewPrivileges,
    #[serde(rename = "set_privileges")]
    SetPrivileges,
    #[serde(rename = "list_users")]
    ListUsers,
    #[serde(rename = "list_groups")]
    ListGroups,
    #[serde(rename = "oz_users_delete")]
    OzUsersDelete,
    #[serde(rename = "oz_groups_list_users")]
    OzGroupsListUsers,
    #[serde(rename = "oz_groups_list_groups")]
    OzGroupsListGroups,
    #[serde(rename = "oz_groups_add_members")]
    OzGroupsAddMembers,
    #[serde(rename = "oz_groups_remove_members")]
    OzGroupsRemoveMembers,
}

impl std::fmt::Display for ZonePrivilege {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            ZonePrivilege::ViewPrivileges => write!(f, "view_privileges"),
            ZonePrivilege::SetPrivileges => write!(f, "set_privileges"),
            ZonePrivilege::ListUsers => write!(f, "list_users"),
            ZonePrivilege::ListGroups => write!(f, "list_groups"),
            ZonePrivilege::OzUsersDelete => write!(f, "oz_users_delete"),
            ZonePrivilege::OzGroupsListUsers => write!(f, "oz_groups_list_users"),
            ZonePrivilege::OzGroupsListGroups => write!(f, "oz_groups_list_groups"),
            ZonePrivilege::OzGroupsAddMembers => write!(f, "oz_groups_add_members"),
            ZonePrivilege::OzGroupsRemoveMembers => write!(f, "oz_groups_remove_members"),
        }
    }
}

impl std::str::FromStr for ZonePrivilege {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "view_privileges" => std::result::Result::Ok(ZonePrivilege::ViewPrivileges),
            "set_privileges" => std::result::Result::Ok(ZonePrivilege::SetPrivileges),
            "list_users" => std::result::Result::Ok(ZonePrivilege::ListUsers),
            "list_groups" => std::result::Result::Ok(ZonePrivilege::ListGroups),
            "oz_users_delete" => std::result::Result::Ok(ZonePrivilege::OzUsersDelete),
            "oz_groups_list_users" => std::result::Result::Ok(ZonePrivilege::OzGroupsListUsers),
            "oz_groups_list_groups" => std::result::Result::Ok(ZonePrivilege::OzGroupsListGroups),
            "oz_groups_add_members" => std::result::Result::Ok(ZonePrivilege::OzGroupsAddMembers),
            "oz_groups_remove_members" => std::result::Result::Ok(ZonePrivilege::OzGroupsRemoveMembers),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<ZonePrivilege> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<ZonePrivilege>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ZonePrivilege>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for ZonePrivilege - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<ZonePrivilege> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ZonePrivilege as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into ZonePrivilege - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<ZonePrivilege>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<ZonePrivilege>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<ZonePrivilege>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<ZonePrivilege> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <ZonePrivilege as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into ZonePrivilege - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ZonePrivileges {
    #[serde(rename = "privileges")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 9),))]
    #[cfg_attr(feature = "validate", validate(max_length = 9))]
    pub privileges: Vec<models::ZonePrivilege>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for ZonePrivileges {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for ZonePrivileges {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl ZonePrivileges {
    #[allow(clippy::new_without_default)]
    pub fn new(privileges: Vec<models::ZonePrivilege>) -> ZonePrivileges {
        ZonePrivileges { privileges }
    }
}

/// Converts the ZonePrivileges value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for ZonePrivileges {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type privileges in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ZonePrivileges value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ZonePrivileges {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub privileges: Vec<Vec<models::ZonePrivilege>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ZonePrivileges".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "privileges" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in ZonePrivileges".to_string(),
                        )
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing ZonePrivileges".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ZonePrivileges {
            privileges: intermediate_rep
                .privileges
                .into_iter()
                .next()
                .ok_or_else(|| "privileges missing in ZonePrivileges".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ZonePrivileges> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<ZonePrivileges>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ZonePrivileges>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for ZonePrivileges - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<ZonePrivileges> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ZonePrivileges as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into ZonePrivileges - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<ZonePrivileges>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_values: header::IntoHeaderValue<Vec<ZonePrivileges>>) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<ZonePrivileges>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<ZonePrivileges> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <ZonePrivileges as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into ZonePrivileges - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Validate, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ZonePrivilegesUpdate {
    #[serde(rename = "privileges")]
    #[cfg_attr(not(feature = "validate"), validate(length(max = 9),))]
    #[cfg_attr(feature = "validate", validate(max_length = 9))]
    pub privileges: Vec<models::ZonePrivilege>,

    #[serde(rename = "operation")]
    #[cfg_attr(feature = "validate", validate)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<models::ZonePrivilegesUpdateOperation>,
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMinLength for ZonePrivilegesUpdate {
    fn validate_composited_min_length(
        &self,
        _min_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MinLengthError>> {
        Ok(())
    }
}

#[cfg(feature = "validate")]
impl serde_valid::validation::ValidateCompositedMaxLength for ZonePrivilegesUpdate {
    fn validate_composited_max_length(
        &self,
        _max_length: usize,
    ) -> Result<(), serde_valid::validation::Composited<serde_valid::validation::error::MaxLengthError>> {
        Ok(())
    }
}

impl ZonePrivilegesUpdate {
    #[allow(clippy::new_without_default)]
    pub fn new(privileges: Vec<models::ZonePrivilege>) -> ZonePrivilegesUpdate {
        ZonePrivilegesUpdate { privileges, operation: None }
    }
}

/// Converts the ZonePrivilegesUpdate value to the Query Parameters representation (style=form, explode=false)
/// specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde serializer
impl std::fmt::Display for ZonePrivilegesUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping non-primitive type privileges in query parameter serialization
            // Skipping non-primitive type operation in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ZonePrivilegesUpdate value
/// as specified in <https://swagger.io/docs/specification/serialization/>
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ZonePrivilegesUpdate {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub privileges: Vec<Vec<models::ZonePrivilege>>,
            pub operation: Vec<models::ZonePrivilegesUpdateOperation>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing ZonePrivilegesUpdate".to_string())
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "privileges" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in ZonePrivilegesUpdate".to_string(),
                        )
                    }
                    #[allow(clippy::redundant_clone)]
                    "operation" => intermediate_rep.operation.push(
                        <models::ZonePrivilegesUpdateOperation as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing ZonePrivilegesUpdate".to_string(),
                        )
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ZonePrivilegesUpdate {
            privileges: intermediate_rep
                .privileges
                .into_iter()
                .next()
                .ok_or_else(|| "privileges missing in ZonePrivilegesUpdate".to_string())?,
            operation: intermediate_rep.operation.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ZonePrivilegesUpdate> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<ZonePrivilegesUpdate>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ZonePrivilegesUpdate>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for ZonePrivilegesUpdate - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<ZonePrivilegesUpdate> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ZonePrivilegesUpdate as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    "Unable to convert header value '{value}' into ZonePrivilegesUpdate - {err}"
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<ZonePrivilegesUpdate>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<ZonePrivilegesUpdate>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<ZonePrivilegesUpdate>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values: std::vec::Vec<ZonePrivilegesUpdate> = hdr_values
                    .split(',')
                    .filter_map(|hdr_value| match hdr_value.trim() {
                        "" => std::option::Option::None,
                        hdr_value => std::option::Option::Some({
                            match <ZonePrivilegesUpdate as std::str::FromStr>::from_str(hdr_value) {
                                std::result::Result::Ok(value) => std::result::Result::Ok(value),
                                std::result::Result::Err(err) => std::result::Result::Err(format!(
                                    "Unable to convert header value '{hdr_value}' into ZonePrivilegesUpdate - {err}"
                                )),
                            }
                        }),
                    })
                    .collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}

/// `set` replaces the holder's set, `grant` adds to it, `revoke` takes from it.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, Hash)]
#[cfg_attr(feature = "validate", derive(Validate))]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum ZonePrivilegesUpdateOperation {
    #[serde(rename = "set")]
    Set,
    #[serde(rename = "grant")]
    Grant,
    #[serde(rename = "revoke")]
    Revoke,
}

impl std::fmt::Display for ZonePrivilegesUpdateOperation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            ZonePrivilegesUpdateOperation::Set => write!(f, "set"),
            ZonePrivilegesUpdateOperation::Grant => write!(f, "grant"),
            ZonePrivilegesUpdateOperation::Revoke => write!(f, "revoke"),
        }
    }
}

impl std::str::FromStr for ZonePrivilegesUpdateOperation {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "set" => std::result::Result::Ok(ZonePrivilegesUpdateOperation::Set),
            "grant" => std::result::Result::Ok(ZonePrivilegesUpdateOperation::Grant),
            "revoke" => std::result::Result::Ok(ZonePrivilegesUpdateOperation::Revoke),
            _ => std::result::Result::Err(format!("Value not valid: {s}")),
        }
    }
}

// Methods for converting between header::IntoHeaderValue<ZonePrivilegesUpdateOperation> and hyper::header::HeaderValue

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<ZonePrivilegesUpdateOperation>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_value: header::IntoHeaderValue<ZonePrivilegesUpdateOperation>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match hyper::header::HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                "Invalid header value for ZonePrivilegesUpdateOperation - value: {hdr_value} is invalid {e}"
            )),
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<ZonePrivilegesUpdateOperation> {
    type Error = String;

    fn try_from(hdr_value: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => {
                match <ZonePrivilegesUpdateOperation as std::str::FromStr>::from_str(value) {
                    std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                    std::result::Result::Err(err) => std::result::Result::Err(format!(
                        "Unable to convert header value '{value}' into ZonePrivilegesUpdateOperation - {err}"
                    )),
                }
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert header: {hdr_value:?} to string: {e}"))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<header::IntoHeaderValue<Vec<ZonePrivilegesUpdateOperation>>> for hyper::header::HeaderValue {
    type Error = String;

    fn try_from(
        hdr_values: header::IntoHeaderValue<Vec<ZonePrivilegesUpdateOperation>>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_values: Vec<String> = hdr_values.0.into_iter().map(|hdr_value| hdr_value.to_string()).collect();

        match hyper::header::HeaderValue::from_str(&hdr_values.join(", ")) {
            std::result::Result::Ok(hdr_value) => std::result::Result::Ok(hdr_value),
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to convert {hdr_values:?} into a header - {e}",))
            }
        }
    }
}

#[cfg(any(feature = "client", feature = "server"))]
impl std::convert::TryFrom<hyper::header::HeaderValue> for header::IntoHeaderValue<Vec<ZonePrivilegesUpdateOperation>> {
    type Error = String;

    fn try_from(hdr_values: hyper::header::HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_values.to_str() {
            std::result::Result::Ok(hdr_values) => {
                let hdr_values : std::vec::Vec<ZonePrivilegesUpdateOperation> = hdr_values
                .split(',')
                .filter_map(|hdr_value| match hdr_value.trim() {
                    "" => std::option::Option::None,
                    hdr_value => std::option::Option::Some({
                        match <ZonePrivilegesUpdateOperation as std::str::FromStr>::from_str(hdr_value) {
                            std::result::Result::Ok(value) => std::result::Result::Ok(value),
                            std::result::Result::Err(err) => std::result::Result::Err(
                                format!("Unable to convert header value '{hdr_value}' into ZonePrivilegesUpdateOperation - {err}"))
                        }
                    })
                }).collect::<std::result::Result<std::vec::Vec<_>, String>>()?;

                std::result::Result::Ok(header::IntoHeaderValue(hdr_values))
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!("Unable to parse header: {hdr_values:?} as a string - {e}"))
            }
        }
    }
}
