//! The as-of date (issue #13): a date box in the header that always shows the day the
//! view stands on, and the note under the header while another day is in use or the
//! link's `ngay=` could not be read. Setting the date reloads the page on the new link
//! (`ngay=YYYY-MM-DD`), as opening a saved model does: the models are cut to what was
//! known that day once, before the first view. Text from `present::as_of`.

use leptos::prelude::*;

use crate::app::state::{link_from_state, today, AppContext};
use crate::core::codec::view_link::encode;
use crate::core::model::as_of::{Day, DayError};
use crate::present::as_of::{as_of_view, chosen_day};
use crate::present::i18n::as_of::{at, AsOfMsg};

/// Reloads the page on the current view's link with `day` as its as-of date.
fn open_on(ctx: AppContext, day: Option<Day>) {
    let query = ctx.state.with_untracked(|s| {
        let mut link = link_from_state(s, ctx.models);
        link.as_of = day;
        encode(&link)
    });
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    // Failing leaves the person on the same view; the box still shows the day in use.
    let _ = location.assign(&format!("{path}{query}"));
}

/// The date box and, when another day is in use, the button back to today.
#[component]
pub fn AsOfDate() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let asked = ctx.state.with_untracked(|s| s.as_of);
    let now = today();
    move || {
        let locale = ctx.locale();
        let v = as_of_view(asked, now, None, locale);
        view! {
            <div class="as-of" data-testid="as-of" data-as-of=v.value.clone()>
                <label for="as-of-input">{at(AsOfMsg::Label, locale)}</label>
                " "
                <input
                    id="as-of-input"
                    type="date"
                    data-testid="as-of-input"
                    min="1900-01-01"
                    max="2200-12-31"
                    aria-describedby="as-of-words"
                    title=at(AsOfMsg::Hint, locale)
                    prop:value=v.value.clone()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let day = chosen_day(&value, now);
                        if day != asked {
                            open_on(ctx, day);
                        }
                    }
                />
                " "
                <span id="as-of-words" class="as-of-words" data-testid="as-of-words">{v.in_words}</span>
                {v.is_past.then(|| view! {
                    " "
                    <button
                        type="button"
                        class="as-of-today"
                        data-testid="as-of-today"
                        on:click=move |_| open_on(ctx, None)
                    >
                        {at(AsOfMsg::BackToToday, locale)}
                    </button>
                })}
            </div>
        }
    }
}

/// The note under the header: the day in use when it is not today, and why the link's
/// date was not used. Nothing on today with a readable link.
#[component]
pub fn AsOfNote(error: Option<(String, DayError)>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let asked = ctx.state.with_untracked(|s| s.as_of);
    let now = today();
    move || {
        let locale = ctx.locale();
        let v = as_of_view(asked, now, error.as_ref(), locale);
        view! {
            {v.error.map(|e| view! {
                <p class="notice" role="alert" data-testid="as-of-error">{e}</p>
            })}
            {v.note.map(|n| view! {
                <p class="notice as-of-note" role="status" data-testid="as-of-note">{n}</p>
            })}
        }
    }
}
