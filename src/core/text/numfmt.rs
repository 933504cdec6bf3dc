//! Number formatting for the two interface languages.
//!
//! Owns the rules that turn an `f64` into the text a person reads: Vietnamese groups
//! thousands with `.` and writes the decimal comma (`18.938,78`), English the other way
//! round (`18,938.78`). Rounding is half away from zero on the shortest decimal that
//! reads back as the same `f64` (so `1.005` rounds to `1.01`, as a person expects), which
//! is what Chromium's `Intl.NumberFormat` does: the browser and the app agree (checked in
//! `tests/web.rs`).
//! It does no I/O and knows nothing of units or of the screen.

/// The language whose number conventions apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// Vietnamese (tiếng Việt), the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 tag of the locale (`vi-VN`, `en-US`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Vi => "vi-VN",
            Locale::En => "en-US",
        }
    }

    /// The short code used in URLs and storage (`vi`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    /// Reads a short code; anything unknown is `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim() {
            "vi" => Some(Locale::Vi),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    fn separators(self) -> (char, char) {
        match self {
            Locale::Vi => ('.', ','),
            Locale::En => (',', '.'),
        }
    }
}

/// Text shown in place of a number that is not finite (it never should be).
pub const NOT_A_NUMBER: &str = "—";

/// Formats a value that may be missing: [`NOT_A_NUMBER`] when it is, else as
/// [`format_number`] does (a missing value is `None`, never a NaN standing in for one).
pub fn format_optional(value: Option<f64>, locale: Locale, max_fraction_digits: u8) -> String {
    value.map_or_else(
        || NOT_A_NUMBER.to_string(),
        |v| format_number(v, locale, max_fraction_digits),
    )
}

/// Formats `value` with at most `max_fraction_digits` decimals, trailing zeros dropped.
///
/// `format_number(18938.78, Locale::Vi, 2)` is `"18.938,78"`. A value that rounds to zero
/// prints as `0` (never `-0`); a non-finite value prints as [`NOT_A_NUMBER`].
pub fn format_number(value: f64, locale: Locale, max_fraction_digits: u8) -> String {
    format_fixed(value, locale, 0, max_fraction_digits)
}

/// Formats `value` with between `min_fraction_digits` and `max_fraction_digits` decimals.
pub fn format_fixed(
    value: f64,
    locale: Locale,
    min_fraction_digits: u8,
    max_fraction_digits: u8,
) -> String {
    if !value.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    let max = usize::from(max_fraction_digits.min(20));
    let min = usize::from(min_fraction_digits).min(max);
    let (int_digits, mut frac_digits) = round_half_expand(value.abs(), max);
    while frac_digits.len() > min && frac_digits.ends_with('0') {
        frac_digits.pop();
    }
    let is_zero = int_digits.bytes().all(|b| b == b'0') && frac_digits.bytes().all(|b| b == b'0');
    let (group, decimal) = locale.separators();
    let mut out = String::with_capacity(int_digits.len() + frac_digits.len() + 8);
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    let len = int_digits.len();
    for (i, ch) in int_digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if !frac_digits.is_empty() {
        out.push(decimal);
        out.push_str(&frac_digits);
    }
    out
}

/// Rounds a non-negative finite value to `digits` decimals, half away from zero, on its
/// shortest round-trip decimal form. Returns the integer digits and exactly `digits`
/// fraction digits.
fn round_half_expand(value: f64, digits: usize) -> (String, String) {
    // `Display` for f64 writes the shortest decimal that parses back to the same value,
    // never in exponent form: "1.005", "1000000000000000000000", "0.0000001".
    let shortest = format!("{value}");
    let (int_part, frac_part) = shortest.split_once('.').unwrap_or((shortest.as_str(), ""));
    let mut digits_vec: Vec<u8> = int_part
        .bytes()
        .chain(
            frac_part
                .bytes()
                .chain(std::iter::repeat(b'0'))
                .take(digits),
        )
        .map(|b| b.saturating_sub(b'0'))
        .collect();
    let next = frac_part
        .as_bytes()
        .get(digits)
        .map(|b| b.saturating_sub(b'0'))
        .unwrap_or(0);
    if next >= 5 {
        let mut carry = true;
        for d in digits_vec.iter_mut().rev() {
            if !carry {
                break;
            }
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                carry = false;
            }
        }
        if carry {
            digits_vec.insert(0, 1);
        }
    }
    let split = digits_vec.len().saturating_sub(digits);
    let to_text = |ds: &[u8]| ds.iter().map(|d| char::from(b'0' + d)).collect::<String>();
    let int_text = to_text(digits_vec.get(..split).unwrap_or(&[]));
    let frac_text = to_text(digits_vec.get(split..).unwrap_or(&[]));
    let int_text = if int_text.is_empty() {
        "0".to_string()
    } else {
        int_text
    };
    (int_text, frac_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(value: f64, locale: Locale, max: u8, expected: &str) {
        assert_eq!(format_number(value, locale, max), expected, "value {value}");
    }

    #[test]
    fn formats_vietnamese_and_english() {
        check(18938.78, Locale::Vi, 2, "18.938,78");
        check(18938.78, Locale::En, 2, "18,938.78");
        check(1234567.8, Locale::Vi, 2, "1.234.567,8");
        check(4200.0, Locale::Vi, 2, "4.200");
        check(999.0, Locale::Vi, 2, "999");
        check(63.85, Locale::Vi, 2, "63,85");
        check(0.5, Locale::En, 2, "0.5");
        check(-5.25, Locale::Vi, 2, "-5,25");
        check(1e21, Locale::En, 0, "1,000,000,000,000,000,000,000");
    }

    #[test]
    fn rounds_half_away_from_zero_like_intl() {
        check(0.125, Locale::En, 2, "0.13");
        check(2.5, Locale::En, 0, "3");
        check(-2.5, Locale::En, 0, "-3");
        // Rounded as written, not as stored in binary (1.00499999999999989…).
        check(1.005, Locale::En, 2, "1.01");
        check(9.995, Locale::En, 2, "10");
        check(0.045, Locale::Vi, 2, "0,05");
        check(99.999, Locale::Vi, 2, "100");
        check(999999.996, Locale::Vi, 2, "1.000.000");
    }

    #[test]
    fn never_prints_negative_zero_or_nan() {
        check(-0.0, Locale::Vi, 2, "0");
        check(-0.001, Locale::Vi, 2, "0");
        check(f64::NAN, Locale::Vi, 2, NOT_A_NUMBER);
        assert_eq!(format_optional(None, Locale::Vi, 2), NOT_A_NUMBER);
        assert_eq!(format_optional(Some(-5.25), Locale::Vi, 2), "-5,25");
        check(f64::INFINITY, Locale::En, 2, NOT_A_NUMBER);
    }

    #[test]
    fn keeps_minimum_fraction_digits() {
        assert_eq!(format_fixed(7.3, Locale::Vi, 2, 2), "7,30");
        assert_eq!(format_fixed(7.0, Locale::En, 1, 2), "7.0");
    }
}
