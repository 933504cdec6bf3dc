//! The part of the view that lives in the URL query, so a link opens the same view on a
//! static host with no rewrite rules: the model, the open indicator, its start year and
//! assumptions, the exchange rate it assumes (`tg=`), the as-of date (`ngay=`) and the
//! language. `?mo=kon-tum-2021-2025&ct=grdp_constant&nam=2023&gd=2024:10&ngay=2024-12-31&lang=en`
//! An embed parameter asks for a compact view for a portal's iframe:
//! `?nhung=can-dat&ct=grdp_constant` (one indicator's "what is needed" panel) or
//! `?nhung=nhom&nhom=<group id>` (one group of the dashboard).
//!
//! Pure codec: decoding never fails (unknown or malformed parts are dropped) and never
//! panics; encoding percent-escapes everything but unreserved characters.

use crate::core::model::as_of::{Day, DayError};
use crate::core::model::YEARS;
use crate::core::text::numfmt::Locale;

/// What a link says about the view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewLink {
    /// Model id.
    pub model: Option<String>,
    /// Open indicator id.
    pub indicator: Option<String>,
    /// Start year of the open indicator.
    pub start_year: Option<i32>,
    /// The open indicator's status rests on the levels, not the stated growth rates
    /// (`nhip=muc`).
    pub level_pace: bool,
    /// Assumptions of the open indicator: (year, text as typed).
    pub inputs: Vec<(i32, String)>,
    /// Growth-chain inputs: (input id, year, text as typed).
    pub chain: Vec<(String, i32, String)>,
    /// Interface language (`lang=vi`, `lang=en`).
    pub lang: Option<Locale>,
    /// Id of the open draft (kept in this browser; another browser ignores it).
    pub draft: Option<String>,
    /// Embed mode: the compact view a portal's iframe asked for, if any.
    pub embed: Option<EmbedView>,
    /// The exchange rate (VND per USD) typed for the open indicator, as typed (`tg=`).
    pub exchange_rate: Option<String>,
    /// The as-of date (`ngay=YYYY-MM-DD`): the view as it stood on that day; absent
    /// means today.
    pub as_of: Option<Day>,
    /// Why the link's `ngay=` could not be read (the text as given, cut to 40
    /// characters, and the reason); today is used instead.
    pub as_of_error: Option<(String, DayError)>,
}

/// The compact view of embed mode (`nhung`, "embed").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedView {
    /// `nhung=can-dat`: the "what is needed" panel of the open indicator (`ct`).
    Needs,
    /// `nhung=nhom&nhom=<id>`: one group of the dashboard.
    Group(String),
}

/// Longest query accepted, in bytes; longer ones are ignored whole.
pub const MAX_QUERY: usize = 4096;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Writes the query string (with its leading `?`, or empty when there is nothing to say).
pub fn encode(link: &ViewLink) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &link.model {
        parts.push(format!("mo={}", escape(m)));
    }
    if let Some(i) = &link.indicator {
        parts.push(format!("ct={}", escape(i)));
    }
    if let Some(y) = link.start_year {
        parts.push(format!("nam={y}"));
    }
    if link.level_pace {
        parts.push("nhip=muc".to_string());
    }
    if !link.inputs.is_empty() {
        let list: Vec<String> = link
            .inputs
            .iter()
            .map(|(y, t)| format!("{y}:{}", t.replace(';', "")))
            .collect();
        parts.push(format!("gd={}", escape(&list.join(";"))));
    }
    if !link.chain.is_empty() {
        let list: Vec<String> = link
            .chain
            .iter()
            .map(|(id, y, t)| format!("{id}:{y}:{}", t.replace(';', "")))
            .collect();
        parts.push(format!("kb={}", escape(&list.join(";"))));
    }
    if let Some(rate) = &link.exchange_rate {
        parts.push(format!("tg={}", escape(rate)));
    }
    if let Some(day) = link.as_of {
        parts.push(format!("ngay={day}"));
    }
    if let Some(l) = link.lang {
        parts.push(format!("lang={}", l.code()));
    }
    if let Some(d) = &link.draft {
        parts.push(format!("nhap={}", escape(d)));
    }
    match &link.embed {
        Some(EmbedView::Needs) => parts.push("nhung=can-dat".to_string()),
        Some(EmbedView::Group(g)) => parts.push(format!("nhung=nhom&nhom={}", escape(g))),
        None => {}
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Reads a query string (with or without the leading `?`).
pub fn decode(query: &str) -> ViewLink {
    let mut link = ViewLink::default();
    if query.len() > MAX_QUERY {
        return link;
    }
    let mut embed_kind = None;
    let mut embed_group = None;
    for pair in query.trim_start_matches('?').split('&') {
        let Some((key, raw)) = pair.split_once('=') else {
            continue;
        };
        let Some(value) = unescape(raw) else { continue };
        let id_like = |v: &str| {
            !v.is_empty()
                && v.len() <= 100
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        match key {
            "mo" if id_like(&value) => link.model = Some(value),
            "ct" if id_like(&value) => link.indicator = Some(value),
            "nam" => link.start_year = value.parse().ok().filter(|y| YEARS.contains(y)),
            "nhip" => link.level_pace = value == "muc",
            "gd" => {
                link.inputs = value
                    .split(';')
                    .filter_map(|item| {
                        let (y, t) = item.split_once(':')?;
                        let y: i32 = y.parse().ok().filter(|y| YEARS.contains(y))?;
                        (!t.trim().is_empty() && t.len() <= 64).then(|| (y, t.to_string()))
                    })
                    .take(20)
                    .collect();
            }
            "kb" => {
                link.chain = value
                    .split(';')
                    .filter_map(|item| {
                        let mut parts = item.splitn(3, ':');
                        let id = parts.next()?;
                        let y: i32 = parts.next()?.parse().ok().filter(|y| YEARS.contains(y))?;
                        let t = parts.next()?;
                        let id_ok = !id.is_empty()
                            && id.len() <= 40
                            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                        (id_ok && !t.trim().is_empty() && t.len() <= 64)
                            .then(|| (id.to_string(), y, t.to_string()))
                    })
                    .take(80)
                    .collect();
            }
            "tg" => {
                link.exchange_rate =
                    (!value.trim().is_empty() && value.len() <= 64).then_some(value)
            }
            "ngay" => match Day::parse(value.trim()) {
                Ok(day) => {
                    link.as_of = Some(day);
                    link.as_of_error = None;
                }
                Err(e) => {
                    link.as_of = None;
                    link.as_of_error = Some((value.chars().take(40).collect(), e));
                }
            },
            "lang" => link.lang = Locale::from_code(&value),
            "nhap" if id_like(&value) => link.draft = Some(value),
            "nhung" if value == "can-dat" || value == "nhom" => embed_kind = Some(value),
            "nhom" if id_like(&value) => embed_group = Some(value),
            _ => {}
        }
    }
    link.embed = match (embed_kind.as_deref(), embed_group) {
        (Some("can-dat"), _) => Some(EmbedView::Needs),
        (Some("nhom"), Some(group)) => Some(EmbedView::Group(group)),
        _ => None,
    };
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let link = ViewLink {
            model: Some("kon-tum-2021-2025".into()),
            indicator: Some("grdp_constant".into()),
            start_year: Some(2023),
            level_pace: true,
            inputs: vec![(2024, "10".into()), (2025, "13,5 %".into())],
            chain: vec![("g_services".into(), 2024, "5".into())],
            lang: Some(Locale::En),
            draft: None,
            embed: None,
            ..ViewLink::default()
        };
        let query = encode(&link);
        assert_eq!(
            query,
            "?mo=kon-tum-2021-2025&ct=grdp_constant&nam=2023&nhip=muc&gd=2024%3A10%3B2025%3A13,5%20%25&kb=g_services%3A2024%3A5&lang=en"
        );
        assert!(!decode("?nhip=x").level_pace);
        assert_eq!(decode(&query), link);
        assert_eq!(encode(&ViewLink::default()), "");
        let with_draft = ViewLink {
            draft: Some("m5k2a-1f3c".into()),
            ..ViewLink::default()
        };
        assert_eq!(encode(&with_draft), "?nhap=m5k2a-1f3c");
        assert_eq!(decode("?nhap=m5k2a-1f3c"), with_draft);
    }

    #[test]
    fn the_as_of_date_and_the_exchange_rate_round_trip() {
        let link = ViewLink {
            model: Some("kon-tum-2021-2025".into()),
            indicator: Some("grdp_constant".into()),
            as_of: Day::parse("2024-12-31").ok(),
            ..ViewLink::default()
        };
        let query = encode(&link);
        assert_eq!(
            query,
            "?mo=kon-tum-2021-2025&ct=grdp_constant&ngay=2024-12-31"
        );
        assert_eq!(decode(&query), link);
        let usd = ViewLink {
            model: Some("quang-ngai-2026-2030-cong-khai".into()),
            indicator: Some("grdp_per_capita".into()),
            exchange_rate: Some("26.000".into()),
            ..ViewLink::default()
        };
        let query = encode(&usd);
        assert_eq!(
            query,
            "?mo=quang-ngai-2026-2030-cong-khai&ct=grdp_per_capita&tg=26.000"
        );
        assert_eq!(decode(&query), usd);
        assert_eq!(
            decode("?tg=26%20000").exchange_rate.as_deref(),
            Some("26 000")
        );
        assert_eq!(decode("?tg=%20").exchange_rate, None);
        assert_eq!(
            decode(&format!("?tg={}", "9".repeat(65))).exchange_rate,
            None
        );
    }

    #[test]
    fn a_bad_as_of_date_is_reported_not_used() {
        let check = |query: &str, given: &str, e: DayError| {
            let link = decode(query);
            assert_eq!(link.as_of, None, "{query}");
            assert_eq!(link.as_of_error, Some((given.to_string(), e)), "{query}");
            assert_eq!(link.indicator.as_deref(), Some("grdp_constant"), "{query}");
        };
        check(
            "?ct=grdp_constant&ngay=2025-02-30",
            "2025-02-30",
            DayError::NoSuchDay,
        );
        check(
            "?ct=grdp_constant&ngay=31%2F12%2F2024",
            "31/12/2024",
            DayError::Shape,
        );
        check("?ngay=&ct=grdp_constant", "", DayError::Shape);
        check(
            "?ct=grdp_constant&ngay=h%C3%B4m-nay",
            "hôm-nay",
            DayError::Shape,
        );
        let long = "x".repeat(300);
        let link = decode(&format!("?ct=grdp_constant&ngay={long}"));
        assert_eq!(link.as_of_error.map(|(t, _)| t.chars().count()), Some(40));
        // The last `ngay=` wins, as for the other parameters.
        let link = decode("?ngay=bad&ngay=2024-12-31");
        assert_eq!(
            (link.as_of.map(|d| d.to_string()), link.as_of_error),
            (Some("2024-12-31".into()), None)
        );
    }

    #[test]
    fn embed_views_round_trip() {
        let needs = ViewLink {
            indicator: Some("grdp_constant".into()),
            embed: Some(EmbedView::Needs),
            ..ViewLink::default()
        };
        assert_eq!(encode(&needs), "?ct=grdp_constant&nhung=can-dat");
        assert_eq!(decode(&encode(&needs)), needs);
        let group = ViewLink {
            embed: Some(EmbedView::Group("kinh_te".into())),
            ..ViewLink::default()
        };
        assert_eq!(encode(&group), "?nhung=nhom&nhom=kinh_te");
        assert_eq!(decode("nhom=kinh_te&nhung=nhom"), group);
        assert_eq!(
            decode("?nhung=nhom").embed,
            None,
            "a group embed names its group"
        );
        assert_eq!(decode("?nhung=khac&nhom=a").embed, None);
        assert_eq!(decode("?nhung=nhom&nhom=%3Cb%3E").embed, None);
    }

    #[test]
    fn drops_hostile_or_malformed_parts() {
        let link = decode("?ct=%3Cscript%3E&nam=99999&gd=abc:1;2024:&lang=fr&mo=%ZZ&x=1");
        assert_eq!(link, ViewLink::default());
        assert_eq!(decode(&"a".repeat(MAX_QUERY + 1)), ViewLink::default());
        assert_eq!(
            decode("ct=grdp_constant").indicator.as_deref(),
            Some("grdp_constant")
        );
    }
}
