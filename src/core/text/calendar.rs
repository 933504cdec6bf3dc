//! Calendar arithmetic on timestamps passed in by the shell (milliseconds since the Unix
//! epoch): civil dates for report headers and draft lists, and whole days between two
//! instants for reminders. Pure: no clock is read here.

/// A civil date and time of day (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime {
    /// Year.
    pub year: i64,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
    /// Hour, 0–23.
    pub hour: u32,
    /// Minute, 0–59.
    pub minute: u32,
}

const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_DAY: i64 = 86_400_000;

/// Rounds a JavaScript number of milliseconds to an integer; non-finite or out-of-range
/// values become 0 (the epoch) rather than wrapping.
pub fn ms_from_f64(value: f64) -> i64 {
    const LIMIT: f64 = 8.64e15; // the range of JavaScript dates
    if value.is_finite() && value.abs() <= LIMIT {
        // In range by the check above, so the cast neither saturates nor wraps.
        #[allow(clippy::cast_possible_truncation)]
        let whole = value.round() as i64;
        whole
    } else {
        0
    }
}

/// The local civil date and time of `ms`, given JavaScript's timezone offset (minutes
/// to add to local time to get UTC; Vietnam is -420).
pub fn local_date_time(ms: i64, timezone_offset_minutes: i64) -> DateTime {
    let local = ms.saturating_sub(timezone_offset_minutes.saturating_mul(MS_PER_MINUTE));
    let days = local.div_euclid(MS_PER_DAY);
    let in_day = local.rem_euclid(MS_PER_DAY) / MS_PER_MINUTE;
    let (year, month, day) = civil_from_days(days);
    DateTime {
        year,
        month,
        day,
        hour: u32::try_from(in_day / 60).unwrap_or(0),
        minute: u32::try_from(in_day % 60).unwrap_or(0),
    }
}

/// The local date of `ms` as `YYYY-MM-DD`.
pub fn iso_date(ms: i64, timezone_offset_minutes: i64) -> String {
    let d = local_date_time(ms, timezone_offset_minutes);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Whole days from `earlier` to `later` (negative when `later` is earlier).
pub fn days_between(earlier: i64, later: i64) -> i64 {
    later.saturating_sub(earlier).div_euclid(MS_PER_DAY)
}

/// A non-negative number in base 36 (lowercase), for short ids; negatives read as 0.
pub fn base36(value: i64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n = u64::try_from(value).unwrap_or(0);
    let mut out = Vec::new();
    loop {
        let digit = usize::try_from(n % 36).unwrap_or(0);
        out.push(DIGITS.get(digit).copied().unwrap_or(b'0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_local() {
        // 2026-11-30 18:00 UTC is already 1 December in Vietnam (UTC+7, offset -420).
        assert_eq!(iso_date(1_796_061_600_000, -420), "2026-12-01");
        assert_eq!(iso_date(1_796_061_600_000, 0), "2026-11-30");
    }

    #[track_caller]
    fn check(ms: i64, offset: i64, expected: (i64, u32, u32, u32, u32)) {
        let d = local_date_time(ms, offset);
        assert_eq!((d.year, d.month, d.day, d.hour, d.minute), expected);
    }

    #[test]
    fn civil_dates() {
        check(0, 0, (1970, 1, 1, 0, 0));
        // 2026-11-22T10:30:00Z is 17:30 in Vietnam (UTC+7, offset -420).
        check(1_795_343_400_000, 0, (2026, 11, 22, 10, 30));
        check(1_795_343_400_000, -420, (2026, 11, 22, 17, 30));
        // 2024-02-29T20:00Z is already 1 March in Vietnam.
        check(1_709_236_800_000, -420, (2024, 3, 1, 3, 0));
        check(-1, 0, (1969, 12, 31, 23, 59));
    }

    #[test]
    fn day_counts_and_js_numbers() {
        assert_eq!(days_between(0, MS_PER_DAY * 8 - 1), 7);
        assert_eq!(days_between(MS_PER_DAY, 0), -1);
        assert_eq!(ms_from_f64(f64::NAN), 0);
        assert_eq!(ms_from_f64(1e300), 0);
        assert_eq!(ms_from_f64(1234.6), 1235);
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36 * 36), "100");
        assert_eq!(base36(-5), "0");
    }
}
