//! Writes the first screen the app shows on a bare link as one plain static HTML page
//! (the model of the build date, its main targets' rows, the same text and stylesheet
//! rules as the pre-rendered `index.html`), the floor no app can beat, for the load
//! benchmark in `scripts/bench/bench.mjs`.
//! Usage: `cargo run --example static_dashboard > page.html`.

#[path = "support/build_date.rs"]
mod build_date;

use provincial_planner::core::model::catalog::load_shipped;
use provincial_planner::present::first_screen::{filtered_dashboard, RowFilter};
use provincial_planner::present::i18n::{t, Locale, Msg};
use provincial_planner::present::prerender::first_model;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn main() {
    let (models, _) = load_shipped();
    let today = build_date::build_day();
    let Some(model) = models.get(first_model(&models, &today)) else {
        return;
    };
    let locale = Locale::Vi;
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Static dashboard</title><link rel=\"stylesheet\" href=\"main.css\"></head><body><main>",
    );
    for group in filtered_dashboard(model, "", RowFilter::Main, locale) {
        html.push_str(&format!(
            "<div class=\"table-wrap\"><table class=\"targets\"><caption>{}</caption><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(&group.name),
            t(Msg::ColIndicator, locale),
            t(Msg::ColUnit, locale),
            t(Msg::ColLatest, locale),
            t(Msg::ColPlan, locale),
            t(Msg::ColAttainment, locale),
            t(Msg::ColTermTarget, locale),
        ));
        for r in group.rows {
            html.push_str(&format!(
                "<tr data-testid=\"indicator-row\"><th scope=\"row\">{}</th><td>{}</td><td>{}<br>{}</td><td>{}</td><td>{} {}</td><td>{}<br>{}</td></tr>",
                escape(&r.name),
                escape(&r.unit),
                escape(&r.latest),
                escape(&r.latest_when),
                escape(&r.plan),
                escape(&r.attainment),
                escape(&r.status_text),
                escape(&r.term_target),
                escape(&r.term_target_when),
            ));
        }
        html.push_str("</tbody></table></div>");
    }
    html.push_str("</main></body></html>");
    println!("{html}");
}
