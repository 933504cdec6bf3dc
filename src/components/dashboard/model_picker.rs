//! Chooses which province and term to show, when more than one model is shipped.

use leptos::prelude::*;

use crate::app::state::{Action, AppContext};
use crate::present::dashboard::model_label;
use crate::present::i18n::{t, Msg};

/// Model picker; hidden when there is a single model.
#[component]
pub fn ModelPicker() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    move || {
        let locale = ctx.locale();
        let current = ctx.model_index.get();
        (ctx.models.len() > 1).then(|| {
            let options = ctx
                .models
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let label = model_label(m, locale);
                    view! { <option value=i.to_string() selected=i == current>{label}</option> }
                })
                .collect_view();
            view! {
                <label class="model-picker">
                    <span>{t(Msg::ModelPicker, locale)}</span>
                    <select
                        data-testid="model-picker"
                        on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                if let Some(m) = ctx.models.get(i) {
                                    crate::platform::model_choice::remember(&m.id);
                                }
                                ctx.dispatch(Action::SelectModel(i));
                            }
                        }
                    >
                        {options}
                    </select>
                </label>
            }
        })
    }
}
