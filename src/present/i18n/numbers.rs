//! Words of consistent series (#11) and of vintage choices (#12): the statistical basis
//! of a figure (before or after a revision), the choice of basis for a series that
//! mixes them, and the choice of vintage for a scenario. Both languages, like
//! `i18n::drafts`.

use crate::core::text::numfmt::Locale;

messages! {
/// A word of consistent series and vintage choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumMsg {
    /// A figure published before a revision of the statistics.
    BeforeRevision,
    /// A figure of the revised series.
    Revised,
    /// Label of the choice of basis for the pace achieved.
    BasisLabel,
    /// Option: the figures from before the revision.
    BasisOptionPre,
    /// Option: the revised series (the default).
    BasisOptionRevised,
    /// Heading of the vintage choices of a scenario.
    VintagesHeading,
    /// Marks the vintage that wins by default.
    VintageDefault,
    /// Label of a figure's statistical basis in its source.
    BasisHeading,
}
}

/// The words of a message.
pub fn nt(msg: NumMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        NumMsg::BeforeRevision => ("trước điều chỉnh số liệu", "before the revision"),
        NumMsg::Revised => ("sau điều chỉnh số liệu", "revised series"),
        NumMsg::BasisLabel => ("Tốc độ đã đạt tính theo", "Pace achieved from"),
        NumMsg::BasisOptionPre => (
            "số liệu trước điều chỉnh (số ước ban đầu)",
            "the figures from before the revision (the first estimate)",
        ),
        NumMsg::BasisOptionRevised => (
            "dãy số sau điều chỉnh (mặc định)",
            "the revised series (default)",
        ),
        NumMsg::VintagesHeading => (
            "Phiên bản số liệu dùng cho kịch bản",
            "Vintage of each figure used for the scenario",
        ),
        NumMsg::VintageDefault => ("mặc định", "default"),
        NumMsg::BasisHeading => ("Cơ sở thống kê", "Statistical basis"),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        // `ALL` is written by the `messages!` macro: a new message cannot escape it.
        for &m in NumMsg::ALL {
            let (vi, en) = (nt(m, Locale::Vi), nt(m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{m:?}");
        }
    }
}
