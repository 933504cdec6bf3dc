//! The root component: loads the shipped models once, provides `AppContext`, keeps the
//! page language in step with the interface, and lays out the dashboard.

use leptos::prelude::*;

use super::data_problems::DataProblems;
use super::indicator_detail::IndicatorDetail;
use super::language_switch::LanguageSwitch;
use super::model_picker::ModelPicker;
use super::search_box::SearchBox;
use super::target_table::TargetTables;
use crate::core::catalog::load_shipped;
use crate::i18n::{pick, t, Msg};
use crate::state::AppContext;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    // Shipped data live as long as the page: leaking them once gives every component a
    // cheap `&'static` without cloning the models into signals.
    let (models, rejected) = load_shipped();
    let ctx = AppContext::new(models.leak(), rejected.leak());
    provide_context(ctx);

    Effect::new(move |_| {
        let lang = ctx.locale().code();
        if let Some(root) = document().document_element() {
            // Screen readers pick their voice from <html lang>; failure only loses that.
            let _ = root.set_attribute("lang", lang);
        }
        document().set_title(t(Msg::AppTitle, ctx.locale()));
    });

    let heading = move || {
        let locale = ctx.locale();
        match ctx.model() {
            Some(m) => format!(
                "{} · {} {}–{}",
                pick(&m.province, locale),
                t(Msg::Term, locale),
                m.term.first_year,
                m.term.last_year
            ),
            None => String::new(),
        }
    };

    view! {
        <a class="skip-link" href="#main">{move || t(Msg::SkipToContent, ctx.locale())}</a>
        <header class="app-header">
            <div class="title-block">
                <p class="app-name">{move || t(Msg::AppTitle, ctx.locale())}</p>
                <h1 data-testid="model-title">{heading}</h1>
            </div>
            <div class="header-tools">
                <ModelPicker />
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" tabindex="-1">
            <DataProblems />
            <SearchBox />
            <div class="layout">
                <TargetTables />
                <IndicatorDetail />
            </div>
        </main>
        <footer class="app-footer">
            <p>{move || t(Msg::DataFooter, ctx.locale())}</p>
        </footer>
    }
}
