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
use crate::core::draft::record::Draft;
use crate::core::draft::session::OpenDraft;
pub use crate::core::draft::session::ScenarioTexts;
use crate::core::model::catalog::RejectedModel;
use crate::core::model::Model;
use crate::core::plan::assessment::Assumptions;
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
    /// Text typed in the growth chain's inputs, by (input id, year).
    pub chain_inputs: BTreeMap<(String, i32), String>,
    /// The open draft (its last save, and the name and note being edited), when one is
    /// open. Its only owner: the drafts session reads it here and changes it through
    /// actions.
    pub draft: Option<OpenDraft>,
    /// The draft id the URL asked for, until the drafts session opens a draft (or
    /// none) at start.
    pub linked_draft: Option<String>,
    /// Embed mode (issue #5): the compact view a portal's iframe asked for in the URL;
    /// fixed for the life of the page. `crate::platform::portal::is_framed()` says whether the page
    /// actually sits in a frame (and so whether its storage is the portal's partition).
    pub embed: Option<EmbedView>,
}

impl ScenarioTexts {
    /// The texts of a view state.
    pub fn of(state: &ViewState) -> Self {
        ScenarioTexts {
            scenario: state.scenario_inputs.clone(),
            start_years: state.start_years.clone(),
            chain: state.chain_inputs.clone(),
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
        /// Input id (`g_services`, `icor`…).
        input: String,
        /// Year.
        year: i32,
        /// Text as typed.
        text: String,
    },
    /// Clear every growth-chain input.
    ResetChain,
    /// Open a draft (or none): its texts replace every text typed in the workbench.
    LoadDraft {
        /// The draft (`None`: no draft is open).
        draft: Option<OpenDraft>,
        /// Its texts.
        texts: ScenarioTexts,
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
        Action::ResetScenarioInput { indicator, year } => {
            let mut state = state;
            state.scenario_inputs.remove(&(indicator, year));
            state
        }
        Action::ResetScenario { indicator } => {
            let mut state = state;
            state.scenario_inputs.retain(|(i, _), _| *i != indicator);
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
        Action::ResetChain => ViewState {
            chain_inputs: BTreeMap::new(),
            ..state
        },
        Action::LoadDraft { draft, texts } => ViewState {
            draft,
            linked_draft: None,
            scenario_inputs: texts.scenario,
            start_years: texts.start_years,
            chain_inputs: texts.chain,
            ..state
        },
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
    }
}

/// The growth chain's overrides: every chain input that reads as a number in `locale`.
pub fn chain_overrides(
    state: &ViewState,
    locale: Locale,
) -> BTreeMap<(crate::core::plan::chain::ChainInput, i32), f64> {
    state
        .chain_inputs
        .iter()
        .filter_map(|((id, year), text)| {
            let input = crate::core::plan::chain::ChainInput::from_id(id)?;
            let value = parse_number(text, locale).ok().flatten()?.value;
            Some(((input, *year), value))
        })
        .collect()
}

/// The view state a link describes; unknown models and indicators are ignored.
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
        locale: link
            .lang
            .as_deref()
            .and_then(Locale::from_code)
            .unwrap_or_default(),
        model_index,
        selected: selected.clone(),
        linked_draft: link.draft.clone(),
        embed: link.embed.clone(),
        ..ViewState::default()
    };
    for (input, year, text) in &link.chain {
        state
            .chain_inputs
            .insert((input.clone(), *year), text.clone());
    }
    if let Some(id) = selected {
        if let Some(y) = link.start_year {
            state.start_years.insert(id.clone(), y);
        }
        for (year, text) in &link.inputs {
            state
                .scenario_inputs
                .insert((id.clone(), *year), text.clone());
        }
    }
    state
}

/// The link of a view state: the model, the open indicator with its start year and
/// assumptions, and the language when it is not the default.
pub fn link_from_state(state: &ViewState, models: &[Model]) -> ViewLink {
    let selected = state.selected.clone();
    ViewLink {
        model: (state.model_index > 0)
            .then(|| models.get(state.model_index).map(|m| m.id.clone()))
            .flatten(),
        start_year: selected
            .as_ref()
            .and_then(|id| state.start_years.get(id).copied()),
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
        chain: state
            .chain_inputs
            .iter()
            .map(|((id, y), t)| (id.clone(), *y, t.clone()))
            .collect(),
        lang: (state.locale != Locale::default()).then(|| state.locale.code().to_string()),
        draft: state
            .draft_id()
            .map(str::to_string)
            .or_else(|| state.linked_draft.clone()),
        embed: state.embed.clone(),
    }
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
            inputs: vec![(2024, "10".into())],
            chain: vec![("icor".into(), 2025, "8".into())],
            lang: Some("en".into()),
            draft: Some("d1".into()),
            embed: None,
        };
        let state = state_from_link(&link, &models);
        assert_eq!(state.locale, Locale::En);
        assert_eq!(state.selected.as_deref(), Some("grdp_constant"));
        assert_eq!(link_from_state(&state, &models), link);
        let unknown = ViewLink {
            indicator: Some("no_such".into()),
            model: Some("no-such-model".into()),
            ..ViewLink::default()
        };
        assert_eq!(state_from_link(&unknown, &models), ViewState::default());
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
                input: "icor".into(),
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
                texts: texts.clone(),
            },
            1,
        );
        assert_eq!(s.draft_id(), Some("d1"));
        assert_eq!(ScenarioTexts::of(&s), texts);
        let s = reduce(
            s,
            Action::LoadDraft {
                draft: None,
                texts: ScenarioTexts::default(),
            },
            1,
        );
        assert!(ScenarioTexts::of(&s).is_empty() && s.draft.is_none());
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
                texts: ScenarioTexts::default(),
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
}
