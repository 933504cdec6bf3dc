//! Reads numbers typed or pasted by a person, in the interface language's format, and
//! says when the text could mean something else.
//!
//! Rules (documented for users in the README):
//! - white space around the text is ignored, and so are spaces, no-break spaces and
//!   narrow no-break spaces between digit groups (`18 938,78`);
//! - empty text is "no value" (`Ok(None)`), never zero;
//! - a sign may be `-`, `−` (U+2212) or `+`; `(5)` is −5, as in accounting tables;
//! - a trailing `%` marks a percent;
//! - full-width digits (`１２３`) are read as digits;
//! - Vietnamese groups with `.` and writes the decimal comma; English the other way;
//! - when both `.` and `,` appear, the last one is the decimal mark whatever the
//!   language, and a warning says the text was read in the other language's format;
//! - a single separator followed by exactly three digits (`1.234`, `12,345`) is read in
//!   the interface language's way, with a warning that it could be the other;
//! - a group mark followed by other than three digits (`13.2` in Vietnamese) can only be
//!   a decimal mark, and is read so, with a warning;
//! - anything else (`1,2,3`, `,`, `1e5`, `inf`, `NaN`, letters) is an error.
//!
//! Pure; never panics, never returns a non-finite value.

use std::fmt;

use crate::core::text::numfmt::Locale;

/// Longest text accepted, in characters.
pub const MAX_LEN: usize = 64;

/// A number read from text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParsedNumber {
    /// The value read (a percent is kept as written: `5,5%` is 5.5).
    pub value: f64,
    /// True when the text ended with `%`.
    pub percent: bool,
    /// Set when the text could also mean something else.
    pub ambiguity: Option<Ambiguity>,
}

/// Why a reading may not be what the person meant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ambiguity {
    /// One separator with three digits after it: read one way, could be the other.
    CouldBe(f64),
    /// Read in the other language's format (`1,234.56` typed in Vietnamese).
    OtherLocaleFormat,
    /// A group mark that could only be a decimal mark (`13.2` typed in Vietnamese).
    DecimalMarkSwapped,
}

/// Why text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberParseError {
    /// Longer than [`MAX_LEN`].
    TooLong,
    /// Not a number in any accepted form.
    Malformed,
    /// Too large to hold.
    OutOfRange,
}

impl fmt::Display for NumberParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberParseError::TooLong => "text too long for a number",
            NumberParseError::Malformed => "not a number",
            NumberParseError::OutOfRange => "number out of range",
        })
    }
}

impl std::error::Error for NumberParseError {}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{202F}'
}

/// Reads `text` as a number in `locale`'s format. `Ok(None)` for empty text.
pub fn parse_number(text: &str, locale: Locale) -> Result<Option<ParsedNumber>, NumberParseError> {
    if text.chars().count() > MAX_LEN {
        return Err(NumberParseError::TooLong);
    }
    let trimmed = text.trim_matches(is_space);
    if trimmed.is_empty() {
        return Ok(None);
    }
    // Full-width digits and signs to ASCII.
    let mut s: String = trimmed
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            '−' | '－' => '-',
            '＋' => '+',
            '％' => '%',
            '，' => ',',
            '．' => '.',
            other => other,
        })
        .collect();
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') {
        negative = true;
        s = s[1..s.len() - 1].trim_matches(is_space).to_string();
    }
    let percent = s.ends_with('%');
    if percent {
        s.pop();
        s = s.trim_end_matches(is_space).to_string();
    }
    if let Some(rest) = s.strip_prefix('-') {
        if negative {
            return Err(NumberParseError::Malformed);
        }
        negative = true;
        s = rest.trim_start_matches(is_space).to_string();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start_matches(is_space).to_string();
    }
    let body = remove_group_spaces(&s)?;
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumberParseError::Malformed);
    }
    if !body.starts_with(|c: char| c.is_ascii_digit())
        || !body.ends_with(|c: char| c.is_ascii_digit())
    {
        return Err(NumberParseError::Malformed);
    }
    let (value, ambiguity) = read_separators(&body, locale)?;
    let value = if negative { -value } else { value };
    if !value.is_finite() {
        return Err(NumberParseError::OutOfRange);
    }
    Ok(Some(ParsedNumber {
        value,
        percent,
        ambiguity,
    }))
}

/// Drops spaces used as group separators; a space anywhere else is an error.
fn remove_group_spaces(s: &str) -> Result<String, NumberParseError> {
    if !s.contains(is_space) {
        return Ok(s.to_string());
    }
    let parts: Vec<&str> = s.split(is_space).collect();
    let ok = parts.iter().enumerate().all(|(i, p)| {
        let digits_before_mark = p.split(['.', ',']).next().unwrap_or("");
        if i == 0 {
            !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit())
        } else {
            digits_before_mark.len() == 3 && digits_before_mark.chars().all(|c| c.is_ascii_digit())
        }
    });
    if ok {
        Ok(parts.concat())
    } else {
        Err(NumberParseError::Malformed)
    }
}

fn groups_valid(int_part: &str, mark: char) -> bool {
    let groups: Vec<&str> = int_part.split(mark).collect();
    match groups.split_first() {
        Some((first, rest)) => {
            !first.is_empty()
                && first.len() <= 3
                && rest
                    .iter()
                    .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
        }
        None => false,
    }
}

fn to_f64(int_digits: &str, frac_digits: &str) -> Result<f64, NumberParseError> {
    let text = if frac_digits.is_empty() {
        int_digits.to_string()
    } else {
        format!("{int_digits}.{frac_digits}")
    };
    text.parse::<f64>()
        .map_err(|_| NumberParseError::Malformed)
        .and_then(|v| {
            if v.is_finite() {
                Ok(v)
            } else {
                Err(NumberParseError::OutOfRange)
            }
        })
}

fn read_separators(
    body: &str,
    locale: Locale,
) -> Result<(f64, Option<Ambiguity>), NumberParseError> {
    let (group, decimal) = match locale {
        Locale::Vi => ('.', ','),
        Locale::En => (',', '.'),
    };
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let strip = |s: &str, mark: char| s.replace(mark, "");
    match (dots, commas) {
        (0, 0) => Ok((to_f64(body, "")?, None)),
        (d, c) if d > 0 && c > 0 => {
            // Both marks: the last one is the decimal mark.
            let last = body.rfind(['.', ',']).ok_or(NumberParseError::Malformed)?;
            let mark = body[last..]
                .chars()
                .next()
                .ok_or(NumberParseError::Malformed)?;
            let other = if mark == '.' { ',' } else { '.' };
            let (int_part, frac) = (&body[..last], &body[last + 1..]);
            if int_part.contains(mark) || !groups_valid(int_part, other) {
                return Err(NumberParseError::Malformed);
            }
            let value = to_f64(&strip(int_part, other), frac)?;
            let ambiguity = (mark != decimal).then_some(Ambiguity::OtherLocaleFormat);
            Ok((value, ambiguity))
        }
        _ => {
            let mark = if dots > 0 { '.' } else { ',' };
            let count = dots.max(commas);
            if count > 1 {
                // Several of one mark: only valid as grouping.
                if !groups_valid(body, mark) {
                    return Err(NumberParseError::Malformed);
                }
                let value = to_f64(&strip(body, mark), "")?;
                let ambiguity = (mark != group).then_some(Ambiguity::OtherLocaleFormat);
                return Ok((value, ambiguity));
            }
            let (int_part, frac) = body.split_once(mark).ok_or(NumberParseError::Malformed)?;
            let as_decimal = to_f64(int_part, frac)?;
            let could_group = frac.len() == 3 && int_part.len() <= 3;
            if mark == decimal {
                let ambiguity = could_group
                    .then(|| to_f64(&format!("{int_part}{frac}"), "").ok())
                    .flatten()
                    .map(Ambiguity::CouldBe);
                Ok((as_decimal, ambiguity))
            } else if could_group {
                let as_group = to_f64(&format!("{int_part}{frac}"), "")?;
                Ok((as_group, Some(Ambiguity::CouldBe(as_decimal))))
            } else {
                Ok((as_decimal, Some(Ambiguity::DecimalMarkSwapped)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn reads(text: &str, locale: Locale, value: f64, percent: bool, ambiguity: Option<Ambiguity>) {
        let parsed = parse_number(text, locale)
            .expect("parses")
            .expect("a value");
        assert_eq!(
            parsed,
            ParsedNumber {
                value,
                percent,
                ambiguity
            },
            "{text:?}"
        );
    }

    #[track_caller]
    fn rejects(text: &str, locale: Locale) {
        assert!(
            parse_number(text, locale).is_err(),
            "{text:?} should be rejected"
        );
    }

    #[test]
    fn reads_vietnamese_numbers() {
        let vi = Locale::Vi;
        reads("18.938,78", vi, 18938.78, false, None);
        reads("1.234.567,8", vi, 1234567.8, false, None);
        reads("18 938,78", vi, 18938.78, false, None);
        reads("18\u{00A0}938,78", vi, 18938.78, false, None);
        reads("18\u{202F}938,78", vi, 18938.78, false, None);
        reads("13,2", vi, 13.2, false, None);
        reads("5,5%", vi, 5.5, true, None);
        reads("−5", vi, -5.0, false, None);
        reads("(5)", vi, -5.0, false, None);
        reads("１２３", vi, 123.0, false, None);
        reads(" 5", vi, 5.0, false, None);
        reads("5 ", vi, 5.0, false, None);
        reads("+7", vi, 7.0, false, None);
    }

    #[test]
    fn flags_ambiguous_input() {
        let vi = Locale::Vi;
        reads("1.234", vi, 1234.0, false, Some(Ambiguity::CouldBe(1.234)));
        reads(
            "12,345",
            vi,
            12.345,
            false,
            Some(Ambiguity::CouldBe(12345.0)),
        );
        reads(
            "1,234.56",
            vi,
            1234.56,
            false,
            Some(Ambiguity::OtherLocaleFormat),
        );
        reads("13.2", vi, 13.2, false, Some(Ambiguity::DecimalMarkSwapped));
        let en = Locale::En;
        reads("1.234", en, 1.234, false, Some(Ambiguity::CouldBe(1234.0)));
        reads("13.2", en, 13.2, false, None);
        reads(
            "18.938,78",
            en,
            18938.78,
            false,
            Some(Ambiguity::OtherLocaleFormat),
        );
        reads("1,234,567", en, 1234567.0, false, None);
    }

    #[test]
    fn empty_is_none_and_garbage_is_an_error() {
        assert_eq!(parse_number("", Locale::Vi), Ok(None));
        assert_eq!(parse_number("   ", Locale::Vi), Ok(None));
        for bad in [
            "1,2,3",
            ",",
            ".",
            "NaN",
            "inf",
            "Infinity",
            "1e400",
            "1e5",
            "abc",
            "5-",
            "--5",
            "(-5)",
            "1..2",
            "1.2.3,4,5",
            "%",
        ] {
            rejects(bad, Locale::Vi);
        }
        rejects(&"9".repeat(MAX_LEN + 1), Locale::En);
    }
}
