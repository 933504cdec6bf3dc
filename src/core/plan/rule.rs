//! The one rule for "does a value meet a target", and the one status rule built on it.
//! Every view (status badge, sensitivity tables, chart, reports, scenario verdicts) asks
//! these functions; none compares a value with a target on its own.
//!
//! **Meeting a target** ([`TargetRule::meets`]):
//! - a single value with a comparator: `ge` (từ X trở lên) is `v ≥ X`, `gt` (trên X) is
//!   `v > X`, `le` (không quá) is `v ≤ X`, `lt` (dưới X) is `v < X`;
//! - a single value without one: `v ≥ X` when more is better, `v ≤ X` when less is
//!   better, and within [`APPROX_TOLERANCE`] of X either way when neither is;
//! - a range `[lo, hi]` (42-43 %): inside it, both ends included, when neither way is
//!   better; `v ≥ lo` when more is better and `v ≤ hi` when less is better (going past
//!   the far end in the better direction is "vượt", which the documents count as met);
//!   a comparator on a range applies to its near end;
//! - an approximate target ("khoảng X") is also met by a value short of it by at most
//!   [`APPROX_TOLERANCE`] of X (a convention of this app, stated on screen).
//!
//! A tiny relative slack ([`EPSILON`]) lets a value computed to be exactly on an
//! inclusive bound meet it despite rounding; a strict bound (`>`, `<`) gets no slack.
//!
//! **Status against the term target** ([`classify`]), on results only (never on the
//! person's assumptions): with `t` the year of the latest result *inside the term* and `T`
//! the target year,
//! 1. no target, no result inside the term, or a pace that cannot be computed: *cannot be
//!    assessed* (a figure from before the term is a base, never progress made in it);
//! 2. the result meets the target: *achieved* when `t = T`, or when the target is a stock
//!    or a cumulative total that cannot fall back; otherwise *at the target, must be held*;
//! 3. otherwise the pace achieved `a` (from the base year or the first result to `t`) is
//!    compared with the pace needed `r` in the years left, both signed towards the
//!    target: *moving away* when `a/r < 0`, *on track* when `a/r ≥ 1`, *at risk* when
//!    `a/r ≥` [`AT_RISK_SHARE`], *off track* below.
//!
//! This is the "anticipated progress" idea of UNESCAP (pace achieved ÷ pace needed) with
//! the SDSN dashboards' extra class for a trend in the wrong direction; see the report
//! for what differs. Pure functions over plain values.

use crate::core::model::{Amount, Better, Comparator, Figure, TargetKind};

/// Share of the required pace below which a target is off track rather than at risk.
pub const AT_RISK_SHARE: f64 = 0.75;

/// How far short of an approximate target ("khoảng X") still counts as meeting it, as a
/// share of X.
pub const APPROX_TOLERANCE: f64 = 0.01;

/// Relative slack on inclusive bounds, for values computed to lie exactly on them.
pub const EPSILON: f64 = 1e-9;

/// A yearly growth assumption beyond this many percent either way is implausible.
pub const PLAUSIBLE_GROWTH: f64 = 30.0;

/// What a target asks for, read from its figure: the one input of [`TargetRule::meets`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetRule {
    /// The target's number, in the indicator's unit.
    pub amount: Amount,
    /// Its comparator, if the text has one.
    pub comparator: Option<Comparator>,
    /// Which way is better for the indicator.
    pub better: Better,
    /// True for "khoảng X".
    pub approx: bool,
}

impl TargetRule {
    /// The rule of a target figure whose amount is already in the indicator's unit.
    pub fn new(amount: Amount, figure: &Figure, better: Better) -> TargetRule {
        TargetRule {
            amount,
            comparator: figure.comparator,
            better,
            approx: figure.approx,
        }
    }

    /// True when `value` meets the target (see the module doc); never for NaN.
    pub fn meets(&self, value: f64) -> bool {
        if !value.is_finite() {
            return false;
        }
        let slack = |x: f64| {
            let eps = EPSILON * x.abs().max(1.0);
            if self.approx {
                eps + APPROX_TOLERANCE * x.abs()
            } else {
                eps
            }
        };
        let at_least = |x: f64| value >= x - slack(x);
        let at_most = |x: f64| value <= x + slack(x);
        let (lo, hi) = match self.amount {
            Amount::Point(x) => (x, x),
            Amount::Range(lo, hi) => (lo.min(hi), lo.max(hi)),
        };
        match self.comparator {
            Some(Comparator::AtLeast) => at_least(lo),
            Some(Comparator::MoreThan) => {
                value > lo || (self.approx && value >= lo - APPROX_TOLERANCE * lo.abs())
            }
            Some(Comparator::AtMost) => at_most(hi),
            Some(Comparator::LessThan) => {
                value < hi || (self.approx && value <= hi + APPROX_TOLERANCE * hi.abs())
            }
            None => match self.better {
                Better::Higher => at_least(lo),
                Better::Lower => at_most(hi),
                Better::Neutral => at_least(lo) && at_most(hi),
            },
        }
    }
}

/// Status against the term target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermStatus {
    /// Met in the target year, or met for good (a stock or total that cannot fall back).
    Achieved,
    /// Met by the latest result before the target year: it must be held until then.
    AtTargetHeld,
    /// The pace achieved is enough.
    OnTrack,
    /// The pace achieved is short, but by less than a quarter.
    AtRisk,
    /// The pace achieved is far short.
    OffTrack,
    /// The results move the other way from the target.
    MovingAway,
    /// Not enough data.
    CannotAssess,
}

/// True for the kinds of target that cannot fall back once reached: a stock built up by
/// additions and a cumulative total of a quantity where more is better.
pub fn cannot_fall_back(kind: TargetKind, cumulative: bool, better: Better) -> bool {
    kind == TargetKind::Stock || (cumulative && better != Better::Lower)
}

/// The facts [`classify`] decides on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatusFacts {
    /// The latest result inside the term meets the target.
    pub met: bool,
    /// Year of that result.
    pub result_year: i32,
    /// Target year.
    pub target_year: i32,
    /// The target cannot fall back once reached (see [`cannot_fall_back`]).
    pub holds: bool,
    /// Pace needed a year in the years left, when it could be computed.
    pub required: Option<f64>,
    /// Pace achieved a year, when two results measure it.
    pub achieved: Option<f64>,
    /// True when the target lies below the result (a fall is needed).
    pub falling: bool,
}

/// The status of a target from its facts (see the module doc for the rule).
pub fn classify(f: StatusFacts) -> TermStatus {
    if f.met {
        return if f.result_year >= f.target_year || f.holds {
            TermStatus::Achieved
        } else {
            TermStatus::AtTargetHeld
        };
    }
    pace_status(f.required, f.achieved, f.falling)
}

/// The pace part of the rule: achieved against required, signed towards the target.
pub fn pace_status(required: Option<f64>, achieved: Option<f64>, falling: bool) -> TermStatus {
    let (Some(r), Some(a)) = (required, achieved) else {
        return TermStatus::CannotAssess;
    };
    let (r, a) = if falling { (-r, -a) } else { (r, a) };
    if r <= 0.0 {
        return TermStatus::OnTrack;
    }
    let share = a / r;
    if !share.is_finite() {
        TermStatus::CannotAssess
    } else if share < 0.0 {
        TermStatus::MovingAway
    } else if share >= 1.0 {
        TermStatus::OnTrack
    } else if share >= AT_RISK_SHARE {
        TermStatus::AtRisk
    } else {
        TermStatus::OffTrack
    }
}

/// A scenario's verdict: what the person's assumptions lead to. Kept apart from the
/// status, which says where the data stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioVerdict {
    /// With these assumptions the target is reached.
    Reached,
    /// With these assumptions the target is not reached.
    NotReached,
}

impl ScenarioVerdict {
    /// The verdict for a projected value.
    pub fn of(rule: &TargetRule, projected: f64) -> ScenarioVerdict {
        if rule.meets(projected) {
            ScenarioVerdict::Reached
        } else {
            ScenarioVerdict::NotReached
        }
    }
}

/// Something doubtful about one assumption.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AssumptionWarning {
    /// The year already has a result or estimate, and the assumption differs from it.
    ContradictsResult {
        /// Year.
        year: i32,
        /// Pace assumed.
        assumed: f64,
        /// Pace the known results give for that year.
        known: f64,
    },
    /// A growth rate beyond ±[`PLAUSIBLE_GROWTH`] %.
    Implausible {
        /// Year.
        year: i32,
        /// Pace assumed.
        assumed: f64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(
        amount: Amount,
        comparator: Option<Comparator>,
        better: Better,
        approx: bool,
    ) -> TargetRule {
        TargetRule {
            amount,
            comparator,
            better,
            approx,
        }
    }

    #[track_caller]
    fn case(r: TargetRule, value: f64, expected: bool) {
        assert_eq!(r.meets(value), expected, "{r:?} at {value}");
    }

    #[test]
    fn comparators_are_told_apart() {
        use Comparator::*;
        let p = |c| rule(Amount::Point(10.0), Some(c), Better::Higher, false);
        case(p(AtLeast), 10.0, true);
        case(p(MoreThan), 10.0, false);
        case(p(MoreThan), 10.01, true);
        case(p(AtMost), 10.0, true);
        case(p(LessThan), 10.0, false);
        case(p(LessThan), 9.99, true);
        case(p(AtLeast), f64::NAN, false);
    }

    #[test]
    fn ranges_use_both_ends_and_direction() {
        let r = |b| rule(Amount::Range(42.0, 43.0), None, b, false);
        // Services share 42-43 %: 42.5 is inside; 40.5 (13,962 ÷ 34,471) is short.
        case(r(Better::Neutral), 42.5, true);
        case(r(Better::Neutral), 43.5, false);
        case(r(Better::Neutral), 41.9, false);
        case(r(Better::Higher), 43.5, true);
        case(r(Better::Higher), 40.5, false);
        case(r(Better::Lower), 41.0, true);
        case(r(Better::Lower), 43.1, false);
    }

    #[test]
    fn approximate_targets_allow_one_percent() {
        // "khoảng 4.500 ha": 1 % of 4,500 is 45 ha, so 4,455 meets it and 4,454 does not.
        let g = rule(Amount::Point(4500.0), None, Better::Higher, true);
        case(g, 4455.0, true);
        case(g, 4454.0, false);
        let exact = rule(Amount::Point(4500.0), None, Better::Higher, false);
        case(exact, 4499.0, false);
    }

    #[test]
    fn status_respects_time() {
        let facts = |met, year, holds, r, a| StatusFacts {
            met,
            result_year: year,
            target_year: 2025,
            holds,
            required: r,
            achieved: a,
            falling: false,
        };
        let s = |f| classify(f);
        assert_eq!(
            s(facts(true, 2025, false, None, None)),
            TermStatus::Achieved
        );
        assert_eq!(
            s(facts(true, 2024, false, None, None)),
            TermStatus::AtTargetHeld
        );
        assert_eq!(s(facts(true, 2024, true, None, None)), TermStatus::Achieved);
        // Needs +2 a year, did −0.8 a year: moving away.
        assert_eq!(
            s(facts(false, 2023, false, Some(2.0), Some(-0.8))),
            TermStatus::MovingAway
        );
        assert_eq!(
            s(facts(false, 2023, false, Some(2.0), Some(2.0))),
            TermStatus::OnTrack
        );
        assert_eq!(
            s(facts(false, 2023, false, Some(2.0), Some(1.5))),
            TermStatus::AtRisk
        );
        assert_eq!(
            s(facts(false, 2023, false, Some(2.0), Some(1.4))),
            TermStatus::OffTrack
        );
        assert_eq!(
            s(facts(false, 2023, false, Some(2.0), None)),
            TermStatus::CannotAssess
        );
    }
}
