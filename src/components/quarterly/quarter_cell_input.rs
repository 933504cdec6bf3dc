//! One typed cell of the quarterly scenario (a base level, a growth or the year's
//! target): the text as typed, kept in the view state, with the note the view model
//! gives when the text cannot be used.

use leptos::prelude::*;

use crate::app::state::{Action, AppContext};
use crate::core::plan::quarterly::{sector_id, QuarterCell};
use crate::present::i18n::Locale;
use crate::present::quarterly::cell_note;

/// A text box for `cell`, with `testid` (`quarter-base`, `quarter-growth`,
/// `quarter-target`), `data-sector` and `data-quarter`, and its note underneath.
#[component]
pub fn QuarterCellInput(
    /// The cell.
    cell: QuarterCell,
    /// Its `data-testid`.
    testid: &'static str,
    /// Its accessible name.
    #[prop(into)]
    label: String,
    /// Shown when nothing is typed.
    #[prop(into, optional)]
    placeholder: String,
    /// Interface language.
    locale: Locale,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let text = Memo::new(move |_| {
        ctx.quarterly_inputs
            .with(|inputs| inputs.get(&cell).cloned().unwrap_or_default())
    });
    let any_base = Memo::new(move |_| {
        ctx.quarterly_inputs
            .with(|inputs| inputs.keys().any(|c| matches!(c, QuarterCell::Base(..))))
    });
    let note = Memo::new(move |_| cell_note(cell, &text.get(), any_base.get(), locale));
    let (sector, quarter) = match cell {
        QuarterCell::Base(s, q) | QuarterCell::Growth(s, q) => {
            (Some(sector_id(s)), Some(q.to_string()))
        }
        QuarterCell::Target => (None, None),
    };
    view! {
        <input
            type="text"
            inputmode="decimal"
            autocomplete="off"
            aria-label=label
            aria-invalid=move || if note.get().is_some() { "true" } else { "false" }
            data-testid=testid
            data-sector=sector
            data-quarter=quarter
            placeholder=placeholder
            prop:value=move || text.get()
            on:input=move |ev| ctx.dispatch(Action::SetQuarterCells(vec![(cell, event_target_value(&ev))]))
        />
        {move || note.get().map(|n| view! { <span class="cell-note" data-testid="quarter-cell-note" role="status">{n}</span> })}
    }
}
