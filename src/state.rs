//! Reactive state of the app: one `RwSignal<ViewState>` changed only through a closed
//! `Action` enum and the pure `reduce` function, plus the shipped models, shared through
//! the `AppContext` newtype.
//!
//! The models are plain data loaded once at start-up; they are never inside a signal.
//! This module does no storage and no DOM work.

use leptos::prelude::*;

use crate::core::catalog::RejectedModel;
use crate::core::model::Model;
use crate::i18n::Locale;

/// What the person is looking at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Interface language.
    pub locale: Locale,
    /// Position of the shown model in the catalog.
    pub model_index: usize,
    /// Text in the search box.
    pub query: String,
    /// Indicator whose figures and sources are open.
    pub selected: Option<String>,
}

/// Everything that can change the view state.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    }
}

/// Shared by every component through Leptos context.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// The view state.
    pub state: RwSignal<ViewState>,
    /// Models that loaded.
    pub models: &'static [Model],
    /// Shipped models that failed validation.
    pub rejected: &'static [RejectedModel],
}

impl AppContext {
    /// Creates the context around loaded models.
    pub fn new(models: &'static [Model], rejected: &'static [RejectedModel]) -> Self {
        AppContext {
            state: RwSignal::new(ViewState::default()),
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
        self.state.with(|s| s.locale)
    }

    /// The current language, without subscribing (for views rebuilt by their parent).
    pub fn locale_untracked(&self) -> Locale {
        self.state.with_untracked(|s| s.locale)
    }

    /// The model shown (tracked); `None` only when no model loaded.
    pub fn model(&self) -> Option<&'static Model> {
        let index = self.state.with(|s| s.model_index);
        self.models.get(index)
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
    fn context_dispatch_updates_signals() {
        let owner = Owner::new();
        owner.set();
        let ctx = AppContext::new(&[], &[]);
        ctx.dispatch(Action::ToggleLocale);
        assert_eq!(ctx.locale(), Locale::En);
        assert!(ctx.model().is_none());
    }
}
