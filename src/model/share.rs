//! A timeline carried whole by a link or a file: the link's fragment holds it compressed
//! (`u1.` + base64url of the raw-deflated JSON), so a static host serves it; the file is the
//! JSON of `geodata/authored/timelines/`. Reading either never trusts its input: sizes are
//! bounded before and after decompression, and what is wrong is named.

use super::atlas::Timeline;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

/// What a link's payload starts with: the codec's version.
pub const LINK_PREFIX: &str = "u1.";
/// The fragment key that holds a timeline: `#timeline=u1.…`.
pub const FRAGMENT_KEY: &str = "timeline";
/// The longest payload a link made here carries: longer links are cut by mail and chat
/// programs, so a larger timeline is shared as a file.
pub const MAX_LINK_CHARS: usize = 16_000;
/// The most a link's payload may unpack to, and the largest file that is read.
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// Why a link or a file gives no timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The timeline is too large for a link.
    TooLargeForLink { chars: usize },
    /// The payload is not of this codec.
    NotALink,
    /// A payload of another version of the codec.
    Version(String),
    /// The payload is longer than any link made here.
    LinkTooLong { chars: usize },
    /// The payload is not base64url or not deflate.
    Damaged(String),
    /// It unpacks (or the file is) larger than [`MAX_JSON_BYTES`].
    TooBig,
    /// It is JSON, or text, but not a timeline.
    NotATimeline(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLargeForLink { chars } => write!(
                f,
                "the timeline is too large for a link ({chars} characters, at most {MAX_LINK_CHARS}): download it as a file instead"
            ),
            ShareError::NotALink => write!(f, "the link carries no timeline of this atlas"),
            ShareError::Version(v) => write!(
                f,
                "the link was made by another version of the atlas ('{v}'; this one reads '{LINK_PREFIX}')"
            ),
            ShareError::LinkTooLong { chars } => write!(
                f,
                "the link's timeline is {chars} characters long, more than any link the atlas makes"
            ),
            ShareError::Damaged(why) => write!(f, "the link is damaged ({why})"),
            ShareError::TooBig => write!(
                f,
                "the timeline is larger than {} KiB",
                MAX_JSON_BYTES / 1024
            ),
            ShareError::NotATimeline(why) => write!(f, "it is not a timeline: {why}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The JSON of a timeline as a file holds it.
pub fn to_file(timeline: &Timeline) -> String {
    serde_json::to_string_pretty(timeline).unwrap_or_default()
}

/// A timeline read from a file's text.
pub fn from_file(text: &str) -> Result<Timeline, ShareError> {
    if text.len() > MAX_JSON_BYTES {
        return Err(ShareError::TooBig);
    }
    parse(text)
}

fn parse(text: &str) -> Result<Timeline, ShareError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ShareError::NotATimeline(format!("not JSON ({e})")))?;
    if value.get("timelines").is_some() {
        return Err(ShareError::NotATimeline(
            "it is a whole atlas; open one timeline's file".into(),
        ));
    }
    serde_json::from_value(value).map_err(|e| ShareError::NotATimeline(e.to_string()))
}

/// The payload of a link that carries `timeline`.
pub fn to_link(timeline: &Timeline) -> Result<String, ShareError> {
    let json = serde_json::to_vec(timeline).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let link = format!("{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
    if link.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLargeForLink { chars: link.len() });
    }
    Ok(link)
}

/// The timeline a link's payload carries.
pub fn from_link(payload: &str) -> Result<Timeline, ShareError> {
    let Some(body) = payload.strip_prefix(LINK_PREFIX) else {
        return Err(match payload.split_once('.') {
            Some((v, _))
                if v.len() <= 4
                    && v.starts_with('u')
                    && v.len() > 1
                    && v[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                ShareError::Version(format!("{v}."))
            }
            _ => ShareError::NotALink,
        });
    };
    if payload.len() > MAX_LINK_CHARS {
        return Err(ShareError::LinkTooLong {
            chars: payload.len(),
        });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| ShareError::Damaged(format!("not base64url: {e}")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooBig,
            _ => ShareError::Damaged("its compressed data is broken".into()),
        })?;
    let text = String::from_utf8(json)
        .map_err(|_| ShareError::Damaged("it unpacks to text that is not UTF-8".into()))?;
    parse(&text)
}

/// The payload of the `timeline` key of a fragment (`#timeline=u1.…`), if it has one.
pub fn payload_of_fragment(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|kv| kv.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}
