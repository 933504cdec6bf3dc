//! The part of the view that lives in the URL query, so a link opens the same view on a
//! static host with no rewrite rules: the model, the open indicator, its start year and
//! assumptions, the exchange rate it assumes (`tg=`), the as-of date (`ngay=`) and the
//! language. `?mo=kon-tum-2021-2025&ct=grdp_constant&nam=2023&gd=2024:10&ngay=2024-12-31&lang=en`
//! An embed parameter asks for a compact view for a portal's iframe:
//! `?nhung=can-dat&ct=grdp_constant` (one indicator's "what is needed" panel) or
//! `?nhung=nhom&nhom=<group id>` (one group of the dashboard).
//! The ranges typed on assumptions and the seed of the runs travel too, so a shared view
//! gives the same chance: `kh=grdp_constant:2025:6,5:9,5;chain:icor:2025:5:7&hg=42`
//! (`kh`, khoảng: `<data-input-id>:<low>:<high>` as typed, one end may be empty; `hg`,
//! hạt giống: the seed).
//!
//! Pure codec: decoding never fails (unknown or malformed parts are dropped, and a
//! dropped range or seed is listed in [`ViewLink::problems`] so the app can say so) and
//! never panics; encoding percent-escapes everything but unreserved characters.

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
    /// Ranges typed on assumptions: (the assumption's `data-input-id`, low end, high
    /// end), as typed (`kh`).
    pub ranges: Vec<(String, String, String)>,
    /// The seed of the runs behind a chance (`hg`).
    pub seed: Option<u64>,
    /// What of the link could not be read (only filled by [`decode`]).
    pub problems: Vec<LinkProblem>,
    /// The exchange rate (VND per USD) typed for the open indicator, as typed (`tg=`).
    pub exchange_rate: Option<String>,
    /// The as-of date (`ngay=YYYY-MM-DD`): the view as it stood on that day; absent
    /// means today.
    pub as_of: Option<Day>,
    /// Why the link's `ngay=` could not be read (the text as given, cut to 40
    /// characters, and the reason); today is used instead.
    pub as_of_error: Option<(String, DayError)>,
}

/// A part of a link that was dropped because it could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// This many ranges of `kh` could not be read.
    BadRanges(usize),
    /// The seed `hg` is not a whole number from 0 to 2⁶⁴ − 1.
    BadSeed,
}

impl ViewLink {
    /// The link without what is typed into boxes (assumptions, chain inputs, ranges, the
    /// exchange rate): the view a person moves between by clicking. Two links with the same
    /// view differ only by typing, which the app writes to the address bar once the person
    /// pauses rather than on every keystroke.
    pub fn view_only(&self) -> ViewLink {
        ViewLink {
            inputs: Vec::new(),
            chain: Vec::new(),
            ranges: Vec::new(),
            exchange_rate: None,
            ..self.clone()
        }
    }
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkProblem::BadRanges(n) => write!(f, "{n} unreadable range(s)"),
            LinkProblem::BadSeed => write!(f, "unreadable seed"),
        }
    }
}

/// Most ranges a link carries.
pub const MAX_LINK_RANGES: usize = 80;

/// Whether `id` can be the `data-input-id` of a ranged assumption in a link.
fn range_id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':'))
}

/// One range of `kh`: `<id>:<low>:<high>`, the id itself holding colons.
fn read_range(item: &str) -> Option<(String, String, String)> {
    let mut parts = item.rsplitn(3, ':');
    let high = parts.next()?;
    let low = parts.next()?;
    let id = parts.next()?;
    let end_ok = |t: &str| t.len() <= 64;
    let some_end = !(low.trim().is_empty() && high.trim().is_empty());
    (range_id_ok(id) && end_ok(low) && end_ok(high) && some_end)
        .then(|| (id.to_string(), low.to_string(), high.to_string()))
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
    if !link.ranges.is_empty() {
        let clean = |t: &str| t.replace([';', ':'], "");
        let list: Vec<String> = link
            .ranges
            .iter()
            .map(|(id, lo, hi)| format!("{id}:{}:{}", clean(lo), clean(hi)))
            .collect();
        parts.push(format!("kh={}", escape(&list.join(";"))));
    }
    if let Some(seed) = link.seed {
        parts.push(format!("hg={seed}"));
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
            "kh" => {
                let mut bad = 0;
                link.ranges = value
                    .split(';')
                    .filter(|item| !item.is_empty())
                    .filter_map(|item| {
                        let r = read_range(item);
                        if r.is_none() {
                            bad += 1;
                        }
                        r
                    })
                    .take(MAX_LINK_RANGES)
                    .collect();
                if bad > 0 {
                    link.problems.push(LinkProblem::BadRanges(bad));
                }
            }
            "hg" => match value.trim().parse::<u64>() {
                Ok(seed) => link.seed = Some(seed),
                Err(_) => link.problems.push(LinkProblem::BadSeed),
            },
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
    fn the_view_leaves_out_only_what_is_typed() {
        let link = decode("?mo=kon-tum-2021-2025&ct=grdp_constant&nam=2023&nhip=muc&gd=2024%3A10&kb=g_services%3A2024%3A5&tg=25000&lang=en&ngay=2025-06-01");
        assert_eq!(
            encode(&link.view_only()),
            "?mo=kon-tum-2021-2025&ct=grdp_constant&nam=2023&nhip=muc&ngay=2025-06-01&lang=en"
        );
        // Typing changes the link, not its view.
        let typed = decode("?mo=kon-tum-2021-2025&ct=grdp_constant&nam=2023&nhip=muc&gd=2024%3A11&lang=en&ngay=2025-06-01");
        assert_ne!(encode(&typed), encode(&link));
        assert_eq!(typed.view_only(), link.view_only());
        // Opening another target changes the view.
        let other = decode("?mo=kon-tum-2021-2025&ct=grdp_per_capita&gd=2024%3A10");
        assert_ne!(other.view_only(), link.view_only());
    }

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

    #[track_caller]
    fn ranges_of(query: &str, want: &[(&str, &str, &str)]) {
        let got = decode(query).ranges;
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "{query}");
    }

    #[test]
    fn ranges_and_the_seed_round_trip() {
        let link = ViewLink {
            indicator: Some("grdp_constant".into()),
            ranges: vec![
                ("grdp_constant:2025".into(), "6,5".into(), "9,5".into()),
                (
                    "quarter:growth:industry:4".into(),
                    "4".into(),
                    String::new(),
                ),
            ],
            seed: Some(42),
            ..ViewLink::default()
        };
        let query = encode(&link);
        assert_eq!(
            query,
            "?ct=grdp_constant&kh=grdp_constant%3A2025%3A6,5%3A9,5%3Bquarter%3Agrowth%3Aindustry%3A4%3A4%3A&hg=42"
        );
        assert_eq!(decode(&query), link);
        // A colon or semicolon typed in an end is dropped so the link stays readable.
        let odd = ViewLink {
            ranges: vec![("a:1".into(), "1;2".into(), "3:4".into())],
            ..ViewLink::default()
        };
        ranges_of(&encode(&odd), &[("a:1", "12", "34")]);
        assert_eq!(decode("?hg=18446744073709551615").seed, Some(u64::MAX));
    }

    #[test]
    fn bad_ranges_and_seeds_are_dropped_and_said() {
        ranges_of(
            "?kh=grdp_constant:2025:6:9",
            &[("grdp_constant:2025", "6", "9")],
        );
        ranges_of("?kh=chain:icor:2025:5:7", &[("chain:icor:2025", "5", "7")]);
        let link = decode("?kh=%3Cb%3E:1:2;nocolon;x:1:2;y::;z:1&hg=-3");
        assert_eq!(link.ranges, vec![("x".into(), "1".into(), "2".into())]);
        // `<b>` (bad id), `nocolon`, `y` (both ends empty), `z:1` (no id) are dropped.
        assert_eq!(
            link.problems,
            vec![LinkProblem::BadRanges(4), LinkProblem::BadSeed]
        );
        assert_eq!(link.seed, None);
        assert_eq!(decode("?hg=abc").problems, vec![LinkProblem::BadSeed]);
        assert_eq!(decode("?hg=99999999999999999999").seed, None);
        let long = format!("?kh=a:{}:1", "9".repeat(65));
        assert_eq!(decode(&long).problems, vec![LinkProblem::BadRanges(1)]);
        let many: Vec<String> = (0..200).map(|i| format!("a{i}:1:2")).collect();
        let query = format!("?kh={}", many.join(";"));
        assert_eq!(decode(&query).ranges.len(), MAX_LINK_RANGES);
        assert_eq!(decode("?kh=").ranges, Vec::new());
        assert!(decode("?kh=").problems.is_empty());
        assert_eq!(LinkProblem::BadSeed.to_string(), "unreadable seed");
    }
}
