//! Whether a draft's move from the base is good news: a higher "investment needed" is
//! not, a higher GRDP is, a lower poverty rate is. The comparison colours by this, not
//! by up or down alone (issue #17). Pure and host-tested.

use crate::core::model::{Better, Model};
use crate::present::compare::Direction;

/// "better", "worse" or "" (no direction is better, or no change) for a compared
/// output (`chain:investment`, `indicator:poor_household_rate`) moving `direction`.
pub fn tone(model: Option<&Model>, output_id: &str, direction: Direction) -> &'static str {
    let better = match output_id.split_once(':') {
        Some(("chain", "investment")) => Better::Lower,
        Some(("chain", _)) => Better::Higher,
        Some(("indicator", id)) => model
            .and_then(|m| m.indicator(id))
            .map_or(Better::Neutral, |i| i.better),
        _ => Better::Neutral,
    };
    match (better, direction) {
        (_, Direction::Same) | (Better::Neutral, _) => "",
        (Better::Higher, Direction::Up) | (Better::Lower, Direction::Down) => "better",
        _ => "worse",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;

    #[test]
    fn more_investment_needed_is_not_good_news() {
        let model = kon_tum();
        let m = Some(&model);
        let cases = [
            ("chain:investment", Direction::Up, "worse"),
            ("chain:investment", Direction::Down, "better"),
            ("chain:per_capita", Direction::Up, "better"),
            ("chain:growth", Direction::Down, "worse"),
            ("indicator:poor_household_rate", Direction::Down, "better"),
            ("indicator:grdp_constant", Direction::Up, "better"),
            ("chain:growth", Direction::Same, ""),
            ("something", Direction::Up, ""),
        ];
        for (id, dir, want) in cases {
            assert_eq!(tone(m, id, dir), want, "{id} {dir:?}");
        }
    }
}
