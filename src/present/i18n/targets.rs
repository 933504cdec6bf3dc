//! Targets and ranks in the words of the documents (issue #17): a target "≥ 10" reads
//! "từ 10% trở lên" as the Congress wrote it, "> 63,7" reads "trên 63,7 triệu đồng",
//! "< 28,8" reads "dưới 28,8%"; a rank reads "thứ 22" ("đứng thứ 22 cả nước") and a
//! rank that moves up reads "tăng 24 bậc", never "22 hạng" or "giảm 24 hạng".
//! English: "at least 10%", "over 63.7 million VND", "below 28.8%", "rank 22",
//! "up 24 places". Pure and host-tested.

use crate::core::model::Comparator;
use crate::core::text::numfmt::Locale;

/// `value` (a number with its unit, "10%/năm") with the words of its comparator around
/// it. A range "at least" reads "ít nhất 3–4" ("giảm ít nhất 3-4%/năm" in the 2024
/// resolution); a single value "từ 10% trở lên".
pub fn with_comparator(
    comparator: Option<Comparator>,
    value: &str,
    is_range: bool,
    locale: Locale,
) -> String {
    match (comparator, locale) {
        (None, _) => value.to_string(),
        (Some(Comparator::AtLeast), Locale::Vi) if is_range => format!("ít nhất {value}"),
        (Some(Comparator::AtLeast), Locale::Vi) => format!("từ {value} trở lên"),
        (Some(Comparator::MoreThan), Locale::Vi) => format!("trên {value}"),
        (Some(Comparator::AtMost), Locale::Vi) => format!("không quá {value}"),
        (Some(Comparator::LessThan), Locale::Vi) => format!("dưới {value}"),
        (Some(Comparator::AtLeast), Locale::En) => format!("at least {value}"),
        (Some(Comparator::MoreThan), Locale::En) => format!("over {value}"),
        (Some(Comparator::AtMost), Locale::En) => format!("at most {value}"),
        (Some(Comparator::LessThan), Locale::En) => format!("below {value}"),
    }
}

/// A place in a ranking: "thứ 22", "rank 22".
pub fn rank_place(number: &str, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("thứ {number}"),
        Locale::En => format!("rank {number}"),
    }
}

/// A number of places moved in a ranking: "24 bậc", "24 places", "1 place".
pub fn rank_places(number: &str, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("{number} bậc"),
        Locale::En if number == "1" => "1 place".to_string(),
        Locale::En => format!("{number} places"),
    }
}

/// The word of a move in a ranking: a smaller number is a better place, so a change of
/// −24 is a move up ("tăng 24 bậc so với năm 2021", as the 2023 report writes it).
pub fn rank_move_word(change_negative: bool, locale: Locale) -> &'static str {
    match (change_negative, locale) {
        (true, Locale::Vi) => "tăng",
        (false, Locale::Vi) => "giảm",
        (true, Locale::En) => "up",
        (false, Locale::En) => "down",
    }
}

/// "/năm" or "/year", after an average yearly growth.
pub fn per_year(locale: Locale) -> &'static str {
    match locale {
        Locale::Vi => "/năm",
        Locale::En => "/year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn words(c: Option<Comparator>, value: &str, range: bool, vi: &str, en: &str) {
        assert_eq!(with_comparator(c, value, range, Locale::Vi), vi);
        assert_eq!(with_comparator(c, value, range, Locale::En), en);
    }

    #[test]
    fn comparators_read_as_the_documents_write_them() {
        // Seed 003: "Tốc độ tăng trưởng GRDP của tỉnh đạt từ 10% trở lên", "GRDP bình
        // quân đầu người trên 63,7 triệu đồng", "còn dưới 28,8%"; "giảm ít nhất 3-4%".
        words(
            Some(Comparator::AtLeast),
            "10%",
            false,
            "từ 10% trở lên",
            "at least 10%",
        );
        words(
            Some(Comparator::MoreThan),
            "63,7 triệu đồng",
            false,
            "trên 63,7 triệu đồng",
            "over 63,7 triệu đồng",
        );
        words(
            Some(Comparator::LessThan),
            "28,8%",
            false,
            "dưới 28,8%",
            "below 28,8%",
        );
        words(
            Some(Comparator::AtMost),
            "5%",
            false,
            "không quá 5%",
            "at most 5%",
        );
        words(
            Some(Comparator::AtLeast),
            "3–4 điểm",
            true,
            "ít nhất 3–4 điểm",
            "at least 3–4 điểm",
        );
        words(None, "7,32%", false, "7,32%", "7,32%");
    }

    #[test]
    fn ranks_read_as_places() {
        assert_eq!(rank_place("22", Locale::Vi), "thứ 22");
        assert_eq!(rank_place("22", Locale::En), "rank 22");
        assert_eq!(rank_places("24", Locale::Vi), "24 bậc");
        assert_eq!(rank_places("24", Locale::En), "24 places");
        assert_eq!(rank_places("1", Locale::En), "1 place");
        assert_eq!(rank_move_word(true, Locale::Vi), "tăng");
        assert_eq!(rank_move_word(false, Locale::En), "down");
    }
}
