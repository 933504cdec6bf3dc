//! Reactive state of the app: one `RwSignal<ViewState>` changed only through a closed
//! `Action` enum and the pure `reduce` function, plus the shipped models, shared through
//! the `AppContext` newtype.
//!
//! The models are plain data loaded once at start-up; they are never inside a signal.
//! The open draft lives here, in `ViewState::draft`, and nowhere else: the drafts
//! session (`app::drafts`) changes it only by dispatching actions. This module does no
//! storage and no DOM work.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::core::codec::view_link::{EmbedView, ViewLink};
use crate::core::draft::record::{Draft, FigureChoices};
use crate::core::draft::session::OpenDraft;
pub use crate::core::draft::session::ScenarioTexts;
use crate::core::model::as_of::Day;
use crate::core::model::catalog::RejectedModel;
use crate::core::model::{Model, StatBasis};
use crate::core::plan::assessment::{Assumptions, PaceBasis};
use crate::core::plan::chain::ChainInput;
use crate::core::plan::chance::{RangeEnd, Spread};
use crate::core::plan::quarterly::QuarterCell;
use crate::core::text::numparse::parse_number;
use crate::present::i18n::Locale;

/// What the person is looking at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// Interface language.
    pub locale: Locale,
    /// Position of the shown model in the catalog.
    pub model_index: usize,
    /// Text in the search box.
    pub query: String,
    /// Indicator whose figures and sources are open.
    pub selected: Option<String>,
    /// Text typed in each scenario input, by (indicator, year); kept as typed so the
    /// person sees their own text, parsed when used.
    pub scenario_inputs: BTreeMap<(String, i32), String>,
    /// Start year chosen per indicator (default: the latest result).
    pub start_years: BTreeMap<String, i32>,
    /// Indicators whose status the person asked to rest on the levels rather than the
    /// stated yearly growth rates (a series that mixes vintages).
    pub level_paces: std::collections::BTreeSet<String>,
    /// The statistical basis picked per indicator whose series mixes bases (default:
    /// the revised series).
    pub bases: BTreeMap<String, StatBasis>,
    /// The vintage picked per indicator and slot (`2024/level` → vintage id).
    pub vintages: BTreeMap<String, BTreeMap<String, String>>,
    /// Exchange rate (VND per USD) typed for an indicator whose target is in USD, by
    /// indicator; kept as typed, parsed when used.
    pub exchange_rates: BTreeMap<String, String>,
    /// Text typed in the growth chain's inputs, by (input, year).
    pub chain_inputs: BTreeMap<(ChainInput, i32), String>,
    /// Text typed in the quarterly scenario's cells (`core::plan::quarterly`).
    pub quarterly_inputs: BTreeMap<QuarterCell, String>,
    /// Quarters of the quarterly scenario marked as published results.
    pub quarter_results: std::collections::BTreeSet<u8>,
    /// Text typed at the ends of ranged assumptions, by (the assumption's
    /// `data-input-id`, end).
    pub range_inputs: BTreeMap<(String, RangeEnd), String>,
    /// The seed of the runs behind a chance, when the person chose one.
    pub chance_seed: Option<u64>,
    /// The open draft (its last save, and the name and note being edited), when one is
    /// open. Its only owner: the drafts session reads it here and changes it through
    /// actions.
    pub draft: Option<OpenDraft>,
    /// The draft id the URL asked for, until the drafts session opens a draft (or
    /// none) at start.
    pub linked_draft: Option<String>,
    /// Embed mode: the compact view a portal's iframe asked for in the URL;
    /// fixed for the life of the page. `crate::platform::portal::is_framed()` says whether the page
    /// actually sits in a frame (and so whether its storage is the portal's partition).
    pub embed: Option<EmbedView>,
    /// The as-of date the link asked for (`ngay=`): the models show what was known on
    /// that day (`core::model::as_of`); `None` is today. Fixed for the life of the page:
    /// the as-of control reloads the page on the new link.
    pub as_of: Option<Day>,
}

impl ScenarioTexts {
    /// The texts of a view state.
    pub fn of(state: &ViewState) -> Self {
        ScenarioTexts {
            scenario: state.scenario_inputs.clone(),
            start_years: state.start_years.clone(),
            chain: state.chain_inputs.clone(),
            quarterly: state.quarterly_inputs.clone(),
            quarter_results: state.quarter_results.clone(),
            ranges: state.range_inputs.clone(),
            seed: state.chance_seed,
            exchange_rates: state.exchange_rates.clone(),
            choices: FigureChoices {
                level_paces: state.level_paces.clone(),
                bases: state.bases.clone(),
                vintages: state.vintages.clone(),
            },
        }
    }
}

impl ViewState {
    /// The id of the open draft when it is kept in the drafts list (a draft opened
    /// from a link and not saved yet has none to share).
    pub fn draft_id(&self) -> Option<&str> {
        self.draft
            .as_ref()
            .filter(|o| o.stored)
            .map(|o| o.saved.id.as_str())
    }
}

/// Everything that can change the view state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch between Vietnamese and English.
    ToggleLocale,
    /// Show another model; closes the open indicator.
    SelectModel(usize),
    /// Change the search text.
    SetQuery(String),
    /// Open an indicator's figures and sources.
    OpenIndicator(String),
    /// Close the open indicator.
    CloseIndicator,
    /// Type in a scenario input.
    SetScenarioInput {
        /// Indicator id.
        indicator: String,
        /// Year of the assumption.
        year: i32,
        /// Text as typed.
        text: String,
    },
    /// Type the assumed exchange rate (VND per USD) of an indicator's USD target.
    SetExchangeRate {
        /// Indicator id.
        indicator: String,
        /// Text as typed.
        text: String,
    },
    /// Clear one scenario input.
    ResetScenarioInput {
        /// Indicator id.
        indicator: String,
        /// Year.
        year: i32,
    },
    /// Clear every scenario input of an indicator (the start year stays).
    ResetScenario {
        /// Indicator id.
        indicator: String,
    },
    /// Type in a growth-chain input.
    SetChainInput {
        /// The input.
        input: ChainInput,
        /// Year.
        year: i32,
        /// Text as typed.
        text: String,
    },
    /// Clear every growth-chain input.
    ResetChain,
    /// Type in quarterly scenario cells (one, or many from a pasted table); blank text
    /// clears a cell.
    SetQuarterCells(Vec<(QuarterCell, String)>),
    /// Mark a quarter (1 to 4) as a published result, or as scenario.
    SetQuarterResult {
        /// Quarter.
        quarter: u8,
        /// Whether it is a result.
        result: bool,
    },
    /// Clear the quarterly scenario (cells and result marks).
    ResetQuarterly,
    /// Type at one end of an assumption's range.
    SetRangeInput {
        /// The assumption's `data-input-id` (`grdp_constant:2025`, `chain:icor:2025`).
        input: String,
        /// Which end.
        end: RangeEnd,
        /// Text as typed.
        text: String,
    },
    /// Choose the seed of the runs (`None`: the default seed).
    SetChanceSeed(Option<u64>),
    /// Open a draft (or none): its texts replace every text typed in the workbench.
    LoadDraft {
        /// The draft (`None`: no draft is open).
        draft: Option<OpenDraft>,
        /// Its texts (boxed: they are the largest part of any action).
        texts: Box<ScenarioTexts>,
    },
    /// The open draft was saved as this draft (to storage, or to the in-memory list
    /// when storage is unavailable); the typed texts stay.
    DraftSaved(Draft),
    /// The open draft becomes a copy of itself, not saved yet; the typed texts stay.
    ReplaceOpenDraft(OpenDraft),
    /// Edit the open draft's name.
    RenameDraft(String),
    /// Edit the open draft's note.
    SetDraftNote(String),
    /// The open draft's stored record vanished (another page cleared storage): it is
    /// unsaved until written again.
    DraftVanished,
    /// Choose the start year of an indicator (`None`: the latest result).
    SetStartYear {
        /// Indicator id.
        indicator: String,
        /// The year.
        year: Option<i32>,
    },
    /// Choose which series an average-growth target's status rests on.
    SetPaceBasis {
        /// Indicator id.
        indicator: String,
        /// The series.
        basis: PaceBasis,
    },
    /// Choose the statistical basis of a series that mixes bases (`None`: the default).
    SetStatBasis {
        /// Indicator id.
        indicator: String,
        /// The basis.
        basis: Option<StatBasis>,
    },
    /// Choose the vintage of one figure slot (`None`: the one that wins).
    SetVintage {
        /// Indicator id.
        indicator: String,
        /// Slot (`2024/level`).
        slot: String,
        /// Vintage id.
        vintage: Option<String>,
    },
}

/// Applies an action. `model_count` bounds model selection.
pub fn reduce(state: ViewState, action: Action, model_count: usize) -> ViewState {
    match action {
        Action::ToggleLocale => ViewState {
            locale: match state.locale {
                Locale::Vi => Locale::En,
                Locale::En => Locale::Vi,
            },
            ..state
        },
        Action::SelectModel(i) if i < model_count && i != state.model_index => ViewState {
            model_index: i,
            selected: None,
            ..state
        },
        Action::SelectModel(_) => state,
        Action::SetQuery(query) => ViewState { query, ..state },
        Action::OpenIndicator(id) => ViewState {
            selected: Some(id),
            ..state
        },
        Action::CloseIndicator => ViewState {
            selected: None,
            ..state
        },
        Action::SetScenarioInput {
            indicator,
            year,
            text,
        } => {
            let mut state = state;
            if text.trim().is_empty() {
                state.scenario_inputs.remove(&(indicator, year));
            } else {
                state.scenario_inputs.insert((indicator, year), text);
            }
            state
        }
        Action::SetExchangeRate { indicator, text } => {
            let mut state = state;
            if text.trim().is_empty() {
                state.exchange_rates.remove(&indicator);
            } else {
                state.exchange_rates.insert(indicator, text);
            }
            state
        }
        Action::ResetScenarioInput { indicator, year } => {
            let mut state = state;
            state.scenario_inputs.remove(&(indicator, year));
            state
        }
        Action::ResetScenario { indicator } => {
            let mut state = state;
            state.scenario_inputs.retain(|(i, _), _| *i != indicator);
            let prefix = format!("{indicator}:");
            state
                .range_inputs
                .retain(|(id, _), _| !id.starts_with(&prefix));
            state
        }
        Action::SetChainInput { input, year, text } => {
            let mut state = state;
            if text.trim().is_empty() {
                state.chain_inputs.remove(&(input, year));
            } else {
                state.chain_inputs.insert((input, year), text);
            }
            state
        }
        Action::ResetChain => {
            let mut state = state;
            state.chain_inputs.clear();
            state
                .range_inputs
                .retain(|(id, _), _| !id.starts_with(CHAIN_RANGE_PREFIX));
            state
        }
        Action::SetRangeInput { input, end, text } => {
            let mut state = state;
            if text.trim().is_empty() {
                state.range_inputs.remove(&(input, end));
            } else {
                state.range_inputs.insert((input, end), text);
            }
            state
        }
        Action::SetChanceSeed(seed) => ViewState {
            chance_seed: seed,
            ..state
        },
        Action::SetQuarterCells(cells) => {
            let mut state = state;
            for (cell, text) in cells {
                if text.trim().is_empty() {
                    state.quarterly_inputs.remove(&cell);
                } else {
                    state.quarterly_inputs.insert(cell, text);
                }
            }
            state
        }
        Action::SetQuarterResult { quarter, result } => {
            let mut state = state;
            if result && (1..=4).contains(&quarter) {
                state.quarter_results.insert(quarter);
            } else {
                state.quarter_results.remove(&quarter);
            }
            state
        }
        Action::ResetQuarterly => {
            let mut state = ViewState {
                quarterly_inputs: BTreeMap::new(),
                quarter_results: Default::default(),
                ..state
            };
            state
                .range_inputs
                .retain(|(id, _), _| !id.starts_with(QUARTER_RANGE_PREFIX));
            state
        }
        Action::LoadDraft { draft, texts } => {
            let texts = *texts;
            ViewState {
                draft,
                linked_draft: None,
                scenario_inputs: texts.scenario,
                start_years: texts.start_years,
                chain_inputs: texts.chain,
                quarterly_inputs: texts.quarterly,
                quarter_results: texts.quarter_results,
                range_inputs: texts.ranges,
                chance_seed: texts.seed,
                exchange_rates: texts.exchange_rates,
                level_paces: texts.choices.level_paces,
                bases: texts.choices.bases,
                vintages: texts.choices.vintages,
                ..state
            }
        }
        Action::DraftSaved(saved) => ViewState {
            draft: Some(OpenDraft::after_save(saved, true)),
            ..state
        },
        Action::ReplaceOpenDraft(open) => ViewState {
            draft: Some(open),
            ..state
        },
        Action::RenameDraft(name) => {
            let mut state = state;
            if let Some(o) = state.draft.as_mut() {
                o.name = name;
            }
            state
        }
        Action::SetDraftNote(note) => {
            let mut state = state;
            if let Some(o) = state.draft.as_mut() {
                o.note = note;
            }
            state
        }
        Action::DraftVanished => {
            let mut state = state;
            if let Some(o) = state.draft.as_mut() {
                o.vanished = true;
            }
            state
        }
        Action::SetStartYear { indicator, year } => {
            let mut state = state;
            match year {
                Some(y) => state.start_years.insert(indicator, y),
                None => state.start_years.remove(&indicator),
            };
            state
        }
        Action::SetPaceBasis { indicator, basis } => {
            let mut state = state;
            match basis {
                PaceBasis::Levels => state.level_paces.insert(indicator),
                PaceBasis::Rates => state.level_paces.remove(&indicator),
            };
            state
        }
        Action::SetStatBasis { indicator, basis } => {
            let mut state = state;
            match basis {
                Some(b) => state.bases.insert(indicator, b),
                None => state.bases.remove(&indicator),
            };
            state
        }
        Action::SetVintage {
            indicator,
            slot,
            vintage,
        } => {
            let mut state = state;
            match vintage {
                Some(v) => {
                    state.vintages.entry(indicator).or_default().insert(slot, v);
                }
                None => {
                    if let Some(slots) = state.vintages.get_mut(&indicator) {
                        slots.remove(&slot);
                        if slots.is_empty() {
                            state.vintages.remove(&indicator);
                        }
                    }
                }
            }
            state
        }
    }
}

/// The assumptions of one indicator: its start year and every input that reads as a
/// number in `locale` (text that does not is ignored, and the input says why).
pub fn assumptions_for(state: &ViewState, indicator: &str, locale: Locale) -> Assumptions {
    let per_year = state
        .scenario_inputs
        .iter()
        .filter(|((i, _), _)| i == indicator)
        .filter_map(|((_, year), text)| {
            parse_number(text, locale)
                .ok()
                .flatten()
                .map(|p| (*year, p.value))
        })
        .collect();
    Assumptions {
        start_year: state.start_years.get(indicator).copied(),
        per_year,
        pace_basis: if state.level_paces.contains(indicator) {
            PaceBasis::Levels
        } else {
            PaceBasis::Rates
        },
        basis: state.bases.get(indicator).copied(),
        vintages: state.vintages.get(indicator).cloned().unwrap_or_default(),
        exchange_rate: state
            .exchange_rates
            .get(indicator)
            .and_then(|text| parse_number(text, locale).ok().flatten())
            .map(|p| p.value),
    }
}

/// The shown draft's one scenario ([`crate::core::plan::chain::one_scenario`]): the
/// chain's typed inputs with the workbench's GRDP growth in the chain years it assumes.
pub fn scenario_for(
    state: &ViewState,
    setup: &crate::core::plan::chain::ChainSetup,
    locale: Locale,
) -> crate::core::plan::chain::OneScenario {
    use crate::core::plan::chain::{one_scenario, GIVEN_GROWTH_INDICATOR};
    one_scenario(
        setup,
        &chain_overrides(state, locale),
        &assumptions_for(state, GIVEN_GROWTH_INDICATOR, locale).per_year,
    )
}

/// The assumptions of one indicator in the shown draft's one scenario: for GRDP
/// (constant prices), the years whose growth the chain's typed sectors set are added
/// as given by the chain (a typed workbench assumption wins).
pub fn scenario_assumptions_for(
    state: &ViewState,
    model: Option<&Model>,
    indicator: &str,
    locale: Locale,
) -> Assumptions {
    use crate::core::plan::chain::{setup, GIVEN_GROWTH_INDICATOR};
    let mut a = assumptions_for(state, indicator, locale);
    if indicator == GIVEN_GROWTH_INDICATOR {
        if let Some(s) = model.and_then(|m| setup(m).ok()) {
            for (year, g) in scenario_for(state, &s, locale).from_chain {
                a.per_year.entry(year).or_insert(g);
            }
        }
    }
    a
}

/// The start of the `data-input-id` of a growth-chain input (`chain:icor:2025`).
pub const CHAIN_RANGE_PREFIX: &str = "chain:";

/// The two ends typed for an assumption that both read as numbers in `locale`.
fn range_ends(state: &ViewState, input: &str, locale: Locale) -> Option<(f64, f64)> {
    let read = |end: RangeEnd| {
        let text = state.range_inputs.get(&(input.to_string(), end))?;
        parse_number(text, locale)
            .ok()
            .flatten()
            .map(|p| p.value)
            .filter(|v| v.is_finite())
    };
    Some((read(RangeEnd::Low)?, read(RangeEnd::High)?))
}

/// The ranged years of one indicator's workbench assumptions: every year whose two
/// ends read as numbers with the low end not above the high one; `likely` gives the
/// pace the projection uses for a year (the peak of its range when inside it).
pub fn workbench_ranges(
    state: &ViewState,
    indicator: &str,
    likely: impl Fn(i32) -> Option<f64>,
    locale: Locale,
) -> BTreeMap<i32, Spread> {
    use crate::core::plan::chance::workbench_spread;
    let prefix = format!("{indicator}:");
    let years: std::collections::BTreeSet<i32> = state
        .range_inputs
        .keys()
        .filter_map(|(id, _)| id.strip_prefix(&prefix)?.parse::<i32>().ok())
        .collect();
    years
        .into_iter()
        .filter_map(|year| {
            let (low, high) = range_ends(state, &format!("{indicator}:{year}"), locale)?;
            workbench_spread(likely(year), low, high)
                .ok()
                .map(|s| (year, s))
        })
        .collect()
}

/// The ranged inputs of the growth chain: its own inputs (likely value: the typed
/// number or the default) and the GRDP growth the workbench assumes as a range (every
/// sector grows at it; likely value: the typed number, or the middle).
pub fn chain_ranges(
    state: &ViewState,
    setup: &crate::core::plan::chain::ChainSetup,
    locale: Locale,
) -> BTreeMap<crate::core::plan::chance::ChainKey, Spread> {
    use crate::core::plan::chain::GIVEN_GROWTH_INDICATOR;
    use crate::core::plan::chance::{workbench_spread, ChainKey};
    let typed = chain_overrides(state, locale);
    let mut out = BTreeMap::new();
    for (id, _) in state.range_inputs.keys() {
        let Some(rest) = id.strip_prefix(CHAIN_RANGE_PREFIX) else {
            continue;
        };
        let Some((input, year)) = rest.rsplit_once(':') else {
            continue;
        };
        let (Some(input), Ok(year)) = (ChainInput::from_id(input), year.parse::<i32>()) else {
            continue;
        };
        let Some((low, high)) = range_ends(state, id, locale) else {
            continue;
        };
        let likely = typed
            .get(&(input, year))
            .copied()
            .or_else(|| setup.defaults.get(&(input, year)).map(|d| d.value));
        if let Ok(s) = workbench_spread(likely, low, high) {
            out.insert(ChainKey::Input(input, year), s);
        }
    }
    let given = assumptions_for(state, GIVEN_GROWTH_INDICATOR, locale).per_year;
    let growth = workbench_ranges(
        state,
        GIVEN_GROWTH_INDICATOR,
        |y| given.get(&y).copied(),
        locale,
    );
    for (year, s) in growth {
        out.insert(ChainKey::Growth(year), s);
    }
    out
}

/// The start of the `data-input-id` of a quarter's sector growth
/// (`quarter:growth:industry:4`).
pub const QUARTER_RANGE_PREFIX: &str = "quarter:";

/// The ranged growth cells of the quarterly scenario: every cell whose two ends read as
/// numbers with the low end not above the high one; the likely value is the growth
/// typed in the cell when it lies in the range, otherwise the middle.
pub fn quarter_ranges(
    state: &ViewState,
    inputs: &crate::core::plan::quarterly::QuarterlyInputs,
    locale: Locale,
) -> BTreeMap<(crate::core::plan::chain::Sector, u8), Spread> {
    use crate::core::plan::chance::workbench_spread;
    use crate::present::chance::quarter_range_of;
    let ids: std::collections::BTreeSet<&String> = state
        .range_inputs
        .keys()
        .map(|(id, _)| id)
        .filter(|id| id.starts_with(QUARTER_RANGE_PREFIX))
        .collect();
    ids.into_iter()
        .filter_map(|id| {
            let (s, q) = quarter_range_of(id)?;
            let (low, high) = range_ends(state, id, locale)?;
            let spread = workbench_spread(inputs.growth_at(s, q), low, high).ok()?;
            Some(((s, q), spread))
        })
        .collect()
}

/// The range ends typed for one indicator's assumptions, by year: (low, high) as typed.
pub fn range_texts_for(state: &ViewState, indicator: &str) -> BTreeMap<i32, (String, String)> {
    let prefix = format!("{indicator}:");
    let mut out: BTreeMap<i32, (String, String)> = BTreeMap::new();
    for ((id, end), text) in &state.range_inputs {
        let Some(year) = id.strip_prefix(&prefix).and_then(|y| y.parse::<i32>().ok()) else {
            continue;
        };
        let slot = out.entry(year).or_default();
        match end {
            RangeEnd::Low => slot.0 = text.clone(),
            RangeEnd::High => slot.1 = text.clone(),
        }
    }
    out
}

/// The texts typed for one indicator, by year, as typed.
pub fn scenario_texts_for(state: &ViewState, indicator: &str) -> BTreeMap<i32, String> {
    state
        .scenario_inputs
        .iter()
        .filter(|((i, _), _)| i == indicator)
        .map(|((_, year), text)| (*year, text.clone()))
        .collect()
}

/// The growth chain's overrides: every chain input that reads as a number in `locale`.
pub fn chain_overrides(state: &ViewState, locale: Locale) -> BTreeMap<(ChainInput, i32), f64> {
    state
        .chain_inputs
        .iter()
        .filter_map(|(key, text)| {
            let value = parse_number(text, locale).ok().flatten()?.value;
            Some((*key, value))
        })
        .collect()
}

/// The view state a link describes; unknown models, indicators and chain inputs are
/// ignored.
pub fn state_from_link(link: &ViewLink, models: &[Model]) -> ViewState {
    let model_index = link
        .model
        .as_ref()
        .and_then(|id| models.iter().position(|m| &m.id == id))
        .unwrap_or(0);
    let selected = link.indicator.clone().filter(|id| {
        models
            .get(model_index)
            .is_some_and(|m| m.indicator(id).is_some())
    });
    let mut state = ViewState {
        locale: link.lang.unwrap_or_default(),
        model_index,
        selected: selected.clone(),
        linked_draft: link.draft.clone(),
        embed: link.embed.clone(),
        as_of: link.as_of,
        ..ViewState::default()
    };
    for (id, year, text) in &link.chain {
        if let Some(input) = ChainInput::from_id(id) {
            state.chain_inputs.insert((input, *year), text.clone());
        }
    }
    for (id, low, high) in &link.ranges {
        for (end, text) in [(RangeEnd::Low, low), (RangeEnd::High, high)] {
            if !text.trim().is_empty() {
                state.range_inputs.insert((id.clone(), end), text.clone());
            }
        }
    }
    state.chance_seed = link.seed;
    if let Some(id) = selected {
        if let Some(y) = link.start_year {
            state.start_years.insert(id.clone(), y);
        }
        if link.level_pace {
            state.level_paces.insert(id.clone());
        }
        for (year, text) in &link.inputs {
            state
                .scenario_inputs
                .insert((id.clone(), *year), text.clone());
        }
        if let Some(rate) = &link.exchange_rate {
            state.exchange_rates.insert(id.clone(), rate.clone());
        }
    }
    state
}

/// The link of a view state: the model (always named, so the link opens the same model
/// on another machine whatever its default), the open indicator with its start year,
/// assumptions and exchange rate, the as-of date when one is set, and the language when
/// it is not the default.
pub fn link_from_state(state: &ViewState, models: &[Model]) -> ViewLink {
    let selected = state.selected.clone();
    ViewLink {
        model: models.get(state.model_index).map(|m| m.id.clone()),
        exchange_rate: selected
            .as_ref()
            .and_then(|id| state.exchange_rates.get(id).cloned()),
        as_of: state.as_of,
        as_of_error: None,
        start_year: selected
            .as_ref()
            .and_then(|id| state.start_years.get(id).copied()),
        level_pace: selected
            .as_ref()
            .is_some_and(|id| state.level_paces.contains(id)),
        inputs: selected
            .as_ref()
            .map(|id| {
                state
                    .scenario_inputs
                    .iter()
                    .filter(|((i, _), _)| i == id)
                    .map(|((_, y), t)| (*y, t.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        indicator: selected,
        chain: {
            // In the order of the ids, as links were written when inputs were keyed by id.
            let mut chain: Vec<(String, i32, String)> = state
                .chain_inputs
                .iter()
                .map(|((input, y), t)| (input.id().to_string(), *y, t.clone()))
                .collect();
            chain.sort();
            chain
        },
        lang: (state.locale != Locale::default()).then_some(state.locale),
        draft: state
            .draft_id()
            .map(str::to_string)
            .or_else(|| state.linked_draft.clone()),
        embed: state.embed.clone(),
        ranges: range_list(state),
        seed: state.chance_seed,
        problems: Vec::new(),
    }
}

/// Every range typed, as a link carries it: (input id, low, high) in the order of the
/// ids.
fn range_list(state: &ViewState) -> Vec<(String, String, String)> {
    let mut out: BTreeMap<&str, (String, String)> = BTreeMap::new();
    for ((id, end), text) in &state.range_inputs {
        let slot = out.entry(id.as_str()).or_default();
        match end {
            RangeEnd::Low => slot.0 = text.clone(),
            RangeEnd::High => slot.1 = text.clone(),
        }
    }
    out.into_iter()
        .map(|(id, (lo, hi))| (id.to_string(), lo, hi))
        .collect()
}

/// Shared by every component through Leptos context.
///
/// Components read the state through the memos below, so that typing in a scenario input
/// does not re-render views that depend only on the language or the open indicator.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// The view state.
    pub state: RwSignal<ViewState>,
    /// The language, changing only when it changes.
    pub locale_memo: Memo<Locale>,
    /// The shown model's position.
    pub model_index: Memo<usize>,
    /// The search text.
    pub query: Memo<String>,
    /// The open indicator.
    pub selected: Memo<Option<String>>,
    /// The growth chain's typed inputs, changing only when one of them changes.
    pub chain_inputs: Memo<BTreeMap<(ChainInput, i32), String>>,
    /// The quarterly scenario's typed cells, changing only when one of them changes.
    pub quarterly_inputs: Memo<BTreeMap<QuarterCell, String>>,
    /// The quarters marked as published results, changing only when a mark changes.
    pub quarter_results: Memo<std::collections::BTreeSet<u8>>,
    /// Models that loaded.
    pub models: &'static [Model],
    /// Shipped models that failed validation.
    pub rejected: &'static [RejectedModel],
}

impl AppContext {
    /// Creates the context around loaded models.
    pub fn new(models: &'static [Model], rejected: &'static [RejectedModel]) -> Self {
        Self::with_state(models, rejected, ViewState::default())
    }

    /// Creates the context with a given starting state (from the URL).
    pub fn with_state(
        models: &'static [Model],
        rejected: &'static [RejectedModel],
        initial: ViewState,
    ) -> Self {
        let state = RwSignal::new(initial);
        AppContext {
            state,
            locale_memo: Memo::new(move |_| state.with(|s| s.locale)),
            model_index: Memo::new(move |_| state.with(|s| s.model_index)),
            query: Memo::new(move |_| state.with(|s| s.query.clone())),
            selected: Memo::new(move |_| state.with(|s| s.selected.clone())),
            chain_inputs: Memo::new(move |_| state.with(|s| s.chain_inputs.clone())),
            quarterly_inputs: Memo::new(move |_| state.with(|s| s.quarterly_inputs.clone())),
            quarter_results: Memo::new(move |_| state.with(|s| s.quarter_results.clone())),
            models,
            rejected,
        }
    }

    /// Applies an action to the state.
    pub fn dispatch(&self, action: Action) {
        let count = self.models.len();
        self.state
            .update(|s| *s = reduce(std::mem::take(s), action, count));
    }

    /// The current language (tracked).
    pub fn locale(&self) -> Locale {
        self.locale_memo.get()
    }

    /// The current language, without subscribing (for views rebuilt by their parent).
    pub fn locale_untracked(&self) -> Locale {
        self.state.with_untracked(|s| s.locale)
    }

    /// The model shown (tracked); `None` only when no model loaded.
    pub fn model(&self) -> Option<&'static Model> {
        self.models.get(self.model_index.get())
    }

    /// The day the view stands on: the link's as-of date, else today on the person's
    /// clock. Years after it are future years.
    pub fn as_of(&self) -> Day {
        self.state.with_untracked(|s| s.as_of).unwrap_or_else(today)
    }
}

/// Today on the person's clock (the epoch's day on a host build).
pub fn today() -> Day {
    let iso = crate::core::text::calendar::iso_date(
        crate::platform::clock::now_ms(),
        crate::platform::clock::timezone_offset_minutes(),
    );
    Day::parse(&iso).unwrap_or(Day {
        year: 1970,
        month: 1,
        day: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reducer_handles_every_action() {
        let s = ViewState::default();
        let s = reduce(s, Action::ToggleLocale, 2);
        assert_eq!(s.locale, Locale::En);
        let s = reduce(s, Action::OpenIndicator("grdp".into()), 2);
        assert_eq!(s.selected.as_deref(), Some("grdp"));
        let s = reduce(s, Action::SelectModel(5), 2);
        assert_eq!((s.model_index, s.selected.as_deref()), (0, Some("grdp")));
        let s = reduce(s, Action::SelectModel(1), 2);
        assert_eq!((s.model_index, s.selected.as_deref()), (1, None));
        let s = reduce(s, Action::SetQuery("sâm".into()), 2);
        assert_eq!(s.query, "sâm");
        let s = reduce(s, Action::CloseIndicator, 2);
        assert_eq!(s.selected, None);
    }

    #[test]
    fn scenario_inputs_become_assumptions() {
        let s = ViewState::default();
        let set = |s, year, text: &str| {
            reduce(
                s,
                Action::SetScenarioInput {
                    indicator: "grdp".into(),
                    year,
                    text: text.into(),
                },
                1,
            )
        };
        let s = set(s, 2024, "10");
        let s = set(s, 2025, "13,5");
        let s = set(s, 2023, "abc");
        let s = reduce(
            s,
            Action::SetStartYear {
                indicator: "grdp".into(),
                year: Some(2023),
            },
            1,
        );
        let a = assumptions_for(&s, "grdp", Locale::Vi);
        let texts = scenario_texts_for(&s, "grdp");
        assert_eq!(texts.get(&2025).map(String::as_str), Some("13,5"));
        assert_eq!(texts.get(&2023).map(String::as_str), Some("abc"));
        assert!(scenario_texts_for(&s, "other").is_empty());
        assert_eq!(a.start_year, Some(2023));
        assert_eq!(a.per_year.get(&2024), Some(&10.0));
        assert_eq!(a.per_year.get(&2025), Some(&13.5));
        assert_eq!(a.per_year.get(&2023), None);
        let s = reduce(
            s,
            Action::ResetScenarioInput {
                indicator: "grdp".into(),
                year: 2025,
            },
            1,
        );
        assert_eq!(assumptions_for(&s, "grdp", Locale::Vi).per_year.len(), 1);
        let s = reduce(
            s,
            Action::ResetScenario {
                indicator: "grdp".into(),
            },
            1,
        );
        let a = assumptions_for(&s, "grdp", Locale::Vi);
        assert!(a.per_year.is_empty());
        assert_eq!(
            a.start_year,
            Some(2023),
            "resetting inputs keeps the start year"
        );
        let s = set(s, 2024, "  ");
        assert!(s.scenario_inputs.is_empty());
    }

    #[test]
    fn links_round_trip_through_the_state() {
        let models = crate::core::model::catalog::load_shipped().0;
        let link = ViewLink {
            model: None,
            indicator: Some("grdp_constant".into()),
            start_year: Some(2023),
            level_pace: true,
            inputs: vec![(2024, "10".into())],
            chain: vec![("icor".into(), 2025, "8".into())],
            lang: Some(Locale::En),
            draft: Some("d1".into()),
            embed: None,
            // In the order of the ids, as the state gives them back.
            ranges: vec![
                ("chain:icor:2025".into(), String::new(), "7".into()),
                ("grdp_constant:2025".into(), "6,5".into(), "9,5".into()),
            ],
            seed: Some(42),
            problems: Vec::new(),
            ..ViewLink::default()
        };
        let state = state_from_link(&link, &models);
        assert_eq!(state.chance_seed, Some(42));
        assert_eq!(
            state
                .range_inputs
                .get(&("grdp_constant:2025".to_string(), RangeEnd::High))
                .map(String::as_str),
            Some("9,5")
        );
        assert_eq!(state.range_inputs.len(), 3, "an empty end is not kept");
        assert_eq!(state.locale, Locale::En);
        assert_eq!(state.selected.as_deref(), Some("grdp_constant"));
        assert!(state.level_paces.contains("grdp_constant"));
        assert_eq!(
            assumptions_for(&state, "grdp_constant", Locale::En).pace_basis,
            PaceBasis::Levels
        );
        // An old link without `mo=` opens the first model, and the link the view then
        // writes names it (issue #13: a copied link always names its model).
        assert_eq!(
            link_from_state(&state, &models),
            ViewLink {
                model: Some("kon-tum-2021-2025".into()),
                ..link.clone()
            }
        );
        let named = ViewLink {
            model: Some("kon-tum-2021-2025".into()),
            ..link
        };
        assert_eq!(
            link_from_state(&state_from_link(&named, &models), &models),
            named
        );
        for (i, m) in models.iter().enumerate() {
            let s = ViewState {
                model_index: i,
                ..ViewState::default()
            };
            assert_eq!(
                link_from_state(&s, &models).model.as_deref(),
                Some(m.id.as_str())
            );
        }
        // The exchange rate and the as-of date of the open indicator travel too.
        let usd = ViewLink {
            model: Some("quang-ngai-2026-2030-cong-khai".into()),
            indicator: Some("grdp_per_capita".into()),
            exchange_rate: Some("26.000".into()),
            as_of: Day::parse("2026-12-01").ok(),
            ..ViewLink::default()
        };
        let s = state_from_link(&usd, &models);
        assert_eq!(
            s.exchange_rates.get("grdp_per_capita").map(String::as_str),
            Some("26.000")
        );
        assert_eq!(
            assumptions_for(&s, "grdp_per_capita", Locale::Vi).exchange_rate,
            Some(26_000.0)
        );
        assert_eq!(link_from_state(&s, &models), usd);
        let unknown = ViewLink {
            indicator: Some("no_such".into()),
            model: Some("no-such-model".into()),
            ..ViewLink::default()
        };
        assert_eq!(state_from_link(&unknown, &models), ViewState::default());
    }

    #[track_caller]
    fn chain_text(s: ViewState, input: ChainInput, year: i32, text: &str) -> ViewState {
        let text = text.to_string();
        reduce(s, Action::SetChainInput { input, year, text }, 1)
    }

    #[test]
    fn chain_inputs_are_typed_and_read_as_numbers() {
        let s = chain_text(ViewState::default(), ChainInput::Icor, 2025, "8,5");
        let s = chain_text(s, ChainInput::PopulationGrowth, 2024, "abc");
        let s = chain_text(s, ChainInput::BudgetShare, 2024, "  ");
        let o = chain_overrides(&s, Locale::Vi);
        assert_eq!(o.get(&(ChainInput::Icor, 2025)), Some(&8.5));
        assert_eq!(o.len(), 1, "garbage is ignored, blank is removed: {o:?}");
        assert_eq!(s.chain_inputs.len(), 2);
        let s = chain_text(s, ChainInput::BudgetShare, 2024, "7");
        let ids: Vec<String> = link_from_state(&s, &[])
            .chain
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(
            ids,
            vec!["budget_share", "icor", "population"],
            "links list inputs by id"
        );
        let s = reduce(s, Action::ResetChain, 1);
        assert!(s.chain_inputs.is_empty());
        // A link names inputs by id; an id this version does not know is dropped.
        let link = ViewLink {
            chain: vec![
                ("icor".into(), 2025, "8".into()),
                ("g_mining".into(), 2025, "1".into()),
            ],
            ..ViewLink::default()
        };
        let s = state_from_link(&link, &[]);
        assert_eq!(
            s.chain_inputs.keys().collect::<Vec<_>>(),
            vec![&(ChainInput::Icor, 2025)]
        );
    }

    #[test]
    fn context_dispatch_updates_signals() {
        let owner = Owner::new();
        owner.set();
        let ctx = AppContext::new(&[], &[]);
        ctx.dispatch(Action::ToggleLocale);
        assert_eq!(ctx.locale(), Locale::En);
        assert!(ctx.model().is_none());
    }

    #[test]
    fn loading_a_draft_replaces_every_typed_text() {
        let s = reduce(
            ViewState::default(),
            Action::SetChainInput {
                input: ChainInput::Icor,
                year: 2025,
                text: "8".into(),
            },
            1,
        );
        let mut texts = ScenarioTexts::default();
        texts.scenario.insert(("grdp".into(), 2025), "9".into());
        let d1 = stored_draft("d1");
        let s = reduce(
            s,
            Action::LoadDraft {
                draft: Some(d1),
                texts: Box::new(texts.clone()),
            },
            1,
        );
        assert_eq!(s.draft_id(), Some("d1"));
        assert_eq!(ScenarioTexts::of(&s), texts);
        let s = reduce(
            s,
            Action::LoadDraft {
                draft: None,
                texts: Box::default(),
            },
            1,
        );
        assert!(ScenarioTexts::of(&s).is_empty() && s.draft.is_none());
    }

    // One test per action below: each starts from a state with something in every
    // field and says which fields the action changes; the rest must stay as they were.

    /// The id of a growth-chain input, as the state keys it.
    fn icor() -> ChainInput {
        ChainInput::Icor
    }

    fn busy() -> ViewState {
        let mut s = ViewState {
            locale: Locale::Vi,
            model_index: 1,
            query: "gdp".into(),
            selected: Some("grdp".into()),
            draft: Some(stored_draft("d1")),
            ..ViewState::default()
        };
        s.scenario_inputs.insert(("grdp".into(), 2024), "10".into());
        s.scenario_inputs.insert(("grdp".into(), 2025), "12".into());
        s.scenario_inputs
            .insert(("budget".into(), 2025), "3.400".into());
        s.start_years.insert("grdp".into(), 2023);
        s.chain_inputs.insert((icor(), 2025), "5,1".into());
        s.quarterly_inputs.insert(q_target(), "10".into());
        s.quarter_results.insert(1);
        s
    }

    /// The quarterly scenario's target cell.
    fn q_target() -> QuarterCell {
        QuarterCell::Target
    }

    #[track_caller]
    fn reduces(action: Action, models: usize, change: impl FnOnce(&mut ViewState)) {
        let mut expected = busy();
        change(&mut expected);
        assert_eq!(
            reduce(busy(), action.clone(), models),
            expected,
            "{action:?}"
        );
    }

    #[test]
    fn toggle_locale_switches_the_language_both_ways() {
        reduces(Action::ToggleLocale, 3, |s| s.locale = Locale::En);
        let twice = reduce(
            reduce(busy(), Action::ToggleLocale, 3),
            Action::ToggleLocale,
            3,
        );
        assert_eq!(twice, busy());
    }

    #[test]
    fn select_model_closes_the_indicator_and_ignores_unknown_or_same_models() {
        reduces(Action::SelectModel(2), 3, |s| {
            s.model_index = 2;
            s.selected = None;
        });
        reduces(Action::SelectModel(0), 3, |s| {
            s.model_index = 0;
            s.selected = None;
        });
        reduces(Action::SelectModel(3), 3, |_| {});
        reduces(Action::SelectModel(1), 3, |_| {});
    }

    #[test]
    fn set_query_changes_only_the_query() {
        reduces(Action::SetQuery("sâm".into()), 3, |s| {
            s.query = "sâm".into()
        });
        reduces(Action::SetQuery(String::new()), 3, |s| s.query.clear());
    }

    #[test]
    fn open_indicator_keeps_every_typed_text() {
        reduces(Action::OpenIndicator("budget".into()), 3, |s| {
            s.selected = Some("budget".into());
        });
    }

    #[test]
    fn close_indicator_keeps_every_typed_text() {
        reduces(Action::CloseIndicator, 3, |s| s.selected = None);
    }

    #[test]
    fn set_scenario_input_adds_replaces_and_clears_on_blank() {
        let set = |year, text: &str| Action::SetScenarioInput {
            indicator: "grdp".into(),
            year,
            text: text.into(),
        };
        reduces(set(2023, "8,5"), 3, |s| {
            s.scenario_inputs
                .insert(("grdp".into(), 2023), "8,5".into());
        });
        reduces(set(2024, "11"), 3, |s| {
            s.scenario_inputs.insert(("grdp".into(), 2024), "11".into());
        });
        reduces(set(2024, ""), 3, |s| {
            s.scenario_inputs.remove(&("grdp".into(), 2024));
        });
        reduces(set(2025, " \t "), 3, |s| {
            s.scenario_inputs.remove(&("grdp".into(), 2025));
        });
    }

    #[test]
    fn reset_scenario_input_clears_one_year_of_one_indicator() {
        let reset = |indicator: &str, year| Action::ResetScenarioInput {
            indicator: indicator.into(),
            year,
        };
        reduces(reset("grdp", 2025), 3, |s| {
            s.scenario_inputs.remove(&("grdp".into(), 2025));
        });
        reduces(reset("grdp", 2030), 3, |_| {});
    }

    #[test]
    fn reset_scenario_clears_one_indicator_and_keeps_its_start_year() {
        reduces(
            Action::ResetScenario {
                indicator: "grdp".into(),
            },
            3,
            |s| s.scenario_inputs.retain(|(i, _), _| i == "budget"),
        );
    }

    #[test]
    fn set_chain_input_adds_replaces_and_clears_on_blank() {
        let set = |year, text: &str| Action::SetChainInput {
            input: icor(),
            year,
            text: text.into(),
        };
        reduces(set(2024, "4,8"), 3, |s| {
            s.chain_inputs.insert((icor(), 2024), "4,8".into());
        });
        reduces(set(2025, "6"), 3, |s| {
            s.chain_inputs.insert((icor(), 2025), "6".into());
        });
        reduces(set(2025, "  "), 3, |s| s.chain_inputs.clear());
    }

    #[test]
    fn reset_chain_clears_only_the_chain() {
        reduces(Action::ResetChain, 3, |s| s.chain_inputs.clear());
    }

    #[test]
    fn load_draft_replaces_the_texts_and_keeps_the_view() {
        let mut texts = ScenarioTexts::default();
        texts
            .scenario
            .insert(("budget".into(), 2024), "3.100".into());
        texts.start_years.insert("budget".into(), 2022);
        let action = Action::LoadDraft {
            draft: Some(stored_draft("d2")),
            texts: Box::new(texts.clone()),
        };
        reduces(action, 3, |s| {
            s.draft = Some(stored_draft("d2"));
            s.scenario_inputs = texts.scenario.clone();
            s.start_years = texts.start_years.clone();
            s.chain_inputs.clear();
            s.quarterly_inputs.clear();
            s.quarter_results.clear();
        });
        let none = Action::LoadDraft {
            draft: None,
            texts: Box::default(),
        };
        reduces(none, 3, |s| {
            s.draft = None;
            s.scenario_inputs.clear();
            s.start_years.clear();
            s.chain_inputs.clear();
            s.quarterly_inputs.clear();
            s.quarter_results.clear();
        });
    }

    #[test]
    fn quarterly_cells_and_result_marks() {
        use crate::core::plan::chain::Sector;
        let g = QuarterCell::Growth(Sector::Services, 3);
        let set = Action::SetQuarterCells(vec![(g, "9,5".into()), (q_target(), " ".into())]);
        reduces(set, 3, |s| {
            s.quarterly_inputs.insert(g, "9,5".into());
            s.quarterly_inputs.remove(&q_target());
        });
        let mark = |quarter, result| Action::SetQuarterResult { quarter, result };
        reduces(mark(2, true), 3, |s| {
            s.quarter_results.insert(2);
        });
        reduces(mark(1, false), 3, |s| s.quarter_results.clear());
        reduces(mark(5, true), 3, |_| {});
        reduces(Action::ResetQuarterly, 3, |s| {
            s.quarterly_inputs.clear();
            s.quarter_results.clear();
        });
    }

    #[test]
    fn set_pace_basis_sets_and_clears() {
        let on = Action::SetPaceBasis {
            indicator: "grdp".into(),
            basis: PaceBasis::Levels,
        };
        let s = reduce(ViewState::default(), on, 1);
        assert!(s.level_paces.contains("grdp"));
        let off = Action::SetPaceBasis {
            indicator: "grdp".into(),
            basis: PaceBasis::Rates,
        };
        assert!(reduce(s, off, 1).level_paces.is_empty());
    }

    #[test]
    fn set_stat_basis_and_vintage_set_clear_and_go_into_the_draft_texts() {
        let s = reduce(
            ViewState::default(),
            Action::SetStatBasis {
                indicator: "grdp_per_capita".into(),
                basis: Some(StatBasis::PreRevision),
            },
            1,
        );
        let vintage = |v: Option<&str>| Action::SetVintage {
            indicator: "x".into(),
            slot: "2025/level".into(),
            vintage: v.map(str::to_string),
        };
        let s = reduce(s, vintage(Some("a:estimate")), 1);
        let s = reduce(
            s,
            Action::SetPaceBasis {
                indicator: "grdp_constant".into(),
                basis: PaceBasis::Levels,
            },
            1,
        );
        let a = assumptions_for(&s, "grdp_per_capita", Locale::Vi);
        assert_eq!(a.basis, Some(StatBasis::PreRevision));
        let x = assumptions_for(&s, "x", Locale::Vi);
        assert_eq!(
            x.vintages.get("2025/level").map(String::as_str),
            Some("a:estimate")
        );
        // The draft keeps them, and a draft opened gives them back.
        let texts = ScenarioTexts::of(&s);
        assert_eq!(texts.choices.len(), 3);
        assert!(texts.choices.level_paces.contains("grdp_constant"));
        let loaded = reduce(
            ViewState::default(),
            Action::LoadDraft {
                draft: None,
                texts: Box::new(texts.clone()),
            },
            1,
        );
        assert_eq!(ScenarioTexts::of(&loaded), texts);
        let s = reduce(s, vintage(None), 1);
        assert!(s.vintages.is_empty());
        let s = reduce(
            s,
            Action::SetStatBasis {
                indicator: "grdp_per_capita".into(),
                basis: None,
            },
            1,
        );
        assert!(s.bases.is_empty());
    }

    #[test]
    fn set_start_year_sets_and_clears() {
        let set = |indicator: &str, year| Action::SetStartYear {
            indicator: indicator.into(),
            year,
        };
        reduces(set("grdp", Some(2022)), 3, |s| {
            s.start_years.insert("grdp".into(), 2022);
        });
        reduces(set("budget", Some(2021)), 3, |s| {
            s.start_years.insert("budget".into(), 2021);
        });
        reduces(set("grdp", None), 3, |s| s.start_years.clear());
    }

    fn stored_draft(id: &str) -> OpenDraft {
        OpenDraft::after_save(
            Draft {
                id: id.into(),
                name: "Tên".into(),
                ..Draft::default()
            },
            true,
        )
    }

    #[test]
    fn the_open_draft_changes_only_through_actions() {
        let linked = ViewState {
            linked_draft: Some("from-url".into()),
            ..ViewState::default()
        };
        assert_eq!(
            link_from_state(&linked, &[]).draft.as_deref(),
            Some("from-url")
        );
        let s = reduce(
            linked,
            Action::LoadDraft {
                draft: Some(stored_draft("d1")),
                texts: Box::default(),
            },
            1,
        );
        assert_eq!(s.linked_draft, None);
        let s = reduce(s, Action::RenameDraft("Mới".into()), 1);
        let s = reduce(s, Action::SetDraftNote("ghi chú".into()), 1);
        let open = s.draft.clone().unwrap_or_default();
        assert_eq!((open.name.as_str(), open.note.as_str()), ("Mới", "ghi chú"));
        assert_eq!(
            open.saved.name, "Tên",
            "the last save is kept until saved again"
        );
        let s = reduce(s, Action::DraftVanished, 1);
        assert!(s.draft.as_ref().is_some_and(|o| o.vanished));
        let saved = Draft {
            revision: 2,
            ..open.current(&ScenarioTexts::default(), Locale::Vi, 9)
        };
        let s = reduce(s, Action::DraftSaved(saved.clone()), 1);
        let open = s.draft.clone().unwrap_or_default();
        assert!(!open.vanished && open.stored && open.saved == saved);
        assert_eq!(link_from_state(&s, &[]).draft.as_deref(), Some("d1"));
        let copy = open.copy("d2".into(), 10, " (copy)");
        let s = reduce(s, Action::ReplaceOpenDraft(copy), 1);
        assert_eq!(
            s.draft_id(),
            None,
            "a copy not saved yet has no id to share"
        );
        assert_eq!(
            s.draft.as_ref().map(|o| o.name.as_str()),
            Some("Mới (copy)")
        );
    }

    #[test]
    fn ranges_are_typed_read_and_reset() {
        let set = |s, input: &str, end, text: &str| {
            reduce(
                s,
                Action::SetRangeInput {
                    input: input.into(),
                    end,
                    text: text.into(),
                },
                1,
            )
        };
        let s = ViewState::default();
        let s = set(s, "grdp_constant:2025", RangeEnd::Low, "6,5");
        let s = set(s, "grdp_constant:2025", RangeEnd::High, "9,5");
        let s = set(s, "grdp_constant:2024", RangeEnd::Low, "9");
        let s = set(s, "grdp_constant:2024", RangeEnd::High, "7");
        let s = set(s, "chain:icor:2025", RangeEnd::Low, "4");
        let s = set(s, "chain:icor:2025", RangeEnd::High, "6");
        // 2025 reads (likely value outside the range: its middle); 2024 has low > high.
        let ranges = workbench_ranges(&s, "grdp_constant", |_| Some(20.0), Locale::Vi);
        assert_eq!(
            ranges.into_iter().collect::<Vec<_>>(),
            vec![(
                2025,
                Spread::Triangular {
                    low: 6.5,
                    likely: 8.0,
                    high: 9.5
                }
            )]
        );
        let s = reduce(s, Action::SetChanceSeed(Some(7)), 1);
        assert_eq!(ScenarioTexts::of(&s).seed, Some(7));
        assert_eq!(ScenarioTexts::of(&s).ranges.len(), 6);
        let s = set(s, "chain:icor:2025", RangeEnd::High, " ");
        assert_eq!(s.range_inputs.len(), 5);
        let s = reduce(
            s,
            Action::ResetScenario {
                indicator: "grdp_constant".into(),
            },
            1,
        );
        assert_eq!(s.range_inputs.len(), 1);
        let s = reduce(s, Action::ResetChain, 1);
        assert!(s.range_inputs.is_empty());
    }

    #[test]
    fn quarter_ranges_read_their_cells_and_go_with_the_quarterly_reset() {
        use crate::core::plan::chain::Sector;
        use crate::core::plan::quarterly::{set_cell, QuarterlyInputs};
        let set = |s: ViewState, input: &str, end: RangeEnd, text: &str| {
            let (input, text) = (input.to_string(), text.to_string());
            reduce(s, Action::SetRangeInput { input, end, text }, 1)
        };
        let s = set(
            ViewState::default(),
            "quarter:growth:industry:4",
            RangeEnd::Low,
            "4",
        );
        let s = set(s, "quarter:growth:industry:4", RangeEnd::High, "24");
        let s = set(s, "quarter:growth:services:1", RangeEnd::Low, "5");
        let s = set(s, "quarter:base:services:1", RangeEnd::Low, "1");
        let s = set(s, "quarter:base:services:1", RangeEnd::High, "2");
        let s = set(s, "grdp_constant:2025", RangeEnd::Low, "6");
        let mut x = QuarterlyInputs::default();
        set_cell(&mut x.growth, Sector::IndustryConstruction, 4, Some(14.0));
        // Industry Q4 reads (likely: its typed 14 %); services Q1 has one end; a base
        // cell is not a range of the scenario.
        let got = quarter_ranges(&s, &x, Locale::Vi);
        assert_eq!(
            got.into_iter().collect::<Vec<_>>(),
            vec![(
                (Sector::IndustryConstruction, 4),
                Spread::Triangular {
                    low: 4.0,
                    likely: 14.0,
                    high: 24.0
                }
            )]
        );
        let s = reduce(s, Action::ResetQuarterly, 1);
        assert_eq!(
            s.range_inputs
                .keys()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>(),
            vec!["grdp_constant:2025"]
        );
    }
}
