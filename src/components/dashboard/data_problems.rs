//! A banner listing shipped models that failed validation, so bad data is visible and
//! the rest of the app still works.

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::present::i18n::{data_error_text, t, Msg};

/// Shows validation problems of shipped data, if any.
#[component]
pub fn DataProblems() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    move || {
        let locale = ctx.locale();
        (!ctx.rejected.is_empty()).then(|| {
            let items = ctx
                .rejected
                .iter()
                .flat_map(|r| {
                    r.errors
                        .iter()
                        .map(move |e| format!("{}: {}", r.folder, data_error_text(e, locale)))
                })
                .map(|line| view! { <li>{line}</li> })
                .collect_view();
            view! {
                <div class="banner banner-error" role="alert" data-testid="data-problems">
                    <p>{t(Msg::DataProblems, locale)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
