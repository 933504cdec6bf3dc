//! The first view as HTML, written into `index.html` at build time
//! (`examples/prerender.rs`, run by `scripts/postbuild.mjs`), so the dashboard rows are on
//! screen before any wasm has run. It lays out the same view models as the app
//! ([`dashboard`], [`model_heading`], the same words) in the same classes, so the app's
//! first view replaces it in place. Nothing in it reacts: controls are disabled, and the
//! rows carry `data-testid="prerendered-row"` (never `indicator-row`). A note in both
//! languages says the numbers are the default model's, since a person with another model,
//! language or drafts saved sees theirs only once the app runs.

use crate::core::draft::session::Protection;
use crate::core::model::Model;
use crate::present::compare::{cmt, CompareMsg};
use crate::present::dashboard::{dashboard, model_heading, model_label, status_class, RowView};
use crate::present::i18n::drafts::{dt, protection_text, DraftMsg};
use crate::present::i18n::prerender::{pt, PrerenderMsg};
use crate::present::i18n::{t, Locale, Msg};

/// The id of the pre-rendered element; the app removes it when its first view mounts.
pub const PRERENDERED_ID: &str = "prerendered";

/// `text` safe inside HTML text and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn value_cell(out: &mut String, cell: (Msg, &str, &str, String), locale: Locale) {
    let (label, testid, value, extra) = cell;
    let label = t(label, locale);
    let value = if value.is_empty() {
        t(Msg::NoData, locale)
    } else {
        value
    };
    out.push_str(&format!(
        "<td data-label=\"{}\" data-testid=\"{testid}\"><span class=\"value\">{}</span>{extra}</td>",
        escape(label),
        escape(value)
    ));
}

fn when(text: &str, class: &str) -> String {
    format!("<span class=\"{class}\">{}</span>", escape(text))
}

fn row_html(out: &mut String, row: &RowView, locale: Locale) {
    out.push_str(&format!(
        "<tr data-testid=\"prerendered-row\" data-indicator-id=\"{}\"><th scope=\"row\"><button type=\"button\" class=\"indicator-open\" disabled>{}</button></th><td data-label=\"{}\">{}</td>",
        escape(&row.id),
        escape(&row.name),
        escape(t(Msg::ColUnit, locale)),
        escape(&row.unit),
    ));
    let estimate = if row.latest_is_estimate {
        "when estimate"
    } else {
        "when"
    };
    let cells = [
        (
            Msg::ColLatest,
            "latest",
            row.latest.as_str(),
            when(&row.latest_when, estimate),
        ),
        (
            Msg::ColPlan,
            "plan",
            row.plan.as_str(),
            when(&row.plan_note, "when"),
        ),
        (
            Msg::ColAttainment,
            "attainment",
            row.attainment.as_str(),
            format!(
                "<span class=\"{}\" data-testid=\"plan-status\">{}</span>{}",
                status_class(row.status),
                escape(&row.status_text),
                when(&row.attainment_note, "when")
            ),
        ),
        (
            Msg::ColTermTarget,
            "term-target",
            row.term_target.as_str(),
            when(&row.term_target_when, "when"),
        ),
    ];
    for cell in cells {
        value_cell(out, cell, locale);
    }
    out.push_str("</tr>");
}

fn button(text: &str) -> String {
    format!("<button type=\"button\" disabled>{}</button>", escape(text))
}

/// The first view of `models[index]` (the model the app opens when nothing else is
/// asked for) in `locale`, as one `<div id="prerendered">` element; `models` gives the
/// picker its list. Empty when there is no such model.
pub fn first_view(models: &[Model], index: usize, locale: Locale) -> String {
    let Some(model) = models.get(index) else {
        return String::new();
    };
    let mut out = format!(
        "<div id=\"{PRERENDERED_ID}\" class=\"prerendered\" data-testid=\"prerendered\" data-model-id=\"{}\" aria-busy=\"true\">",
        escape(&model.id)
    );
    // Header: the same blocks as the app's, controls disabled.
    out.push_str(&format!(
        "<header class=\"app-header\"><div class=\"title-block\"><p class=\"app-name\">{}</p><h1>{}</h1></div><div class=\"header-tools\">",
        escape(t(Msg::AppTitle, locale)),
        escape(&model_heading(model, locale))
    ));
    if models.len() > 1 {
        out.push_str(&format!(
            "<label class=\"model-picker\"><span>{}</span><select disabled>",
            escape(t(Msg::ModelPicker, locale))
        ));
        for (i, m) in models.iter().enumerate() {
            let selected = if i == index { " selected" } else { "" };
            out.push_str(&format!(
                "<option{selected}>{}</option>",
                escape(&model_label(m, locale))
            ));
        }
        out.push_str("</select></label>");
    }
    out.push_str(&format!(
        "<button class=\"lang-switch\" type=\"button\" disabled>{}</button><button class=\"print-button\" type=\"button\" disabled>{}</button></div></header>",
        escape(t(Msg::SwitchLanguage, locale)),
        escape(t(Msg::PrintReport, locale))
    ));
    // The note stands where the model tools will be; then the search box and the
    // drafts panel as they are with no draft, so the tables start where the app's do.
    out.push_str(&format!(
        "<main><p class=\"notice prerendered-note\" role=\"status\" data-testid=\"prerendered-note\">{} <span lang=\"{}\">{}</span></p>",
        escape(pt(PrerenderMsg::DefaultModelNote, locale)),
        other(locale).code(),
        escape(pt(PrerenderMsg::DefaultModelNote, other(locale)))
    ));
    out.push_str(&format!(
        "<div class=\"search\"><label>{}</label><input type=\"search\" disabled placeholder=\"{}\"></div>",
        escape(t(Msg::Search, locale)),
        escape(t(Msg::SearchPlaceholder, locale))
    ));
    out.push_str(&format!(
        "<section class=\"drafts-panel\"><div class=\"drafts-head\"><h2>{}</h2></div><div class=\"draft-actions\">{}{}{}</div><div class=\"draft-files\">{}{}{}{}</div><h3>{}</h3><p class=\"drafts-empty\">{} {}</p><details class=\"draft-compare\"><summary>{}</summary></details><div class=\"storage-health\"><p>{}</p><p>{}</p><p>{}</p></div></section>",
        escape(dt(DraftMsg::Drafts, locale)),
        button(dt(DraftMsg::New, locale)),
        button(dt(DraftMsg::Duplicate, locale)),
        button(dt(DraftMsg::Delete, locale)),
        button(dt(DraftMsg::ExportDraft, locale)),
        button(dt(DraftMsg::ExportAll, locale)),
        button(dt(DraftMsg::ImportFile, locale)),
        button(dt(DraftMsg::ShareLink, locale)),
        escape(dt(DraftMsg::YourDrafts, locale)),
        escape(dt(DraftMsg::NoDraftsYet, locale)),
        escape(dt(DraftMsg::RestoreHint, locale)),
        escape(cmt(CompareMsg::Summary, locale)),
        escape(dt(DraftMsg::LivesInBrowser, locale)),
        escape(protection_text(Protection::Unknown, locale)),
        escape(dt(DraftMsg::NeverExported, locale)),
    ));
    let groups = dashboard(model, "", locale);
    let count: usize = groups.iter().map(|g| g.rows.len()).sum();
    out.push_str(&format!(
        "<div class=\"layout\"><section class=\"tables\"><p class=\"count\">{count} {}</p>",
        escape(t(Msg::IndicatorsShown, locale))
    ));
    let head: String = [
        Msg::ColIndicator,
        Msg::ColUnit,
        Msg::ColLatest,
        Msg::ColPlan,
        Msg::ColAttainment,
        Msg::ColTermTarget,
    ]
    .iter()
    .map(|m| format!("<th scope=\"col\">{}</th>", escape(t(*m, locale))))
    .collect();
    for group in &groups {
        out.push_str(&format!(
            "<div class=\"table-wrap\" data-group-id=\"{}\"><div class=\"table-tools\"><span class=\"csv-export\"><button class=\"csv-button\" type=\"button\" disabled>{}</button></span></div><table class=\"targets\"><caption>{}</caption><thead><tr>{head}</tr></thead><tbody>",
            escape(&group.id),
            escape(t(Msg::CsvExport, locale)),
            escape(&group.name)
        ));
        for row in &group.rows {
            row_html(&mut out, row, locale);
        }
        out.push_str("</tbody></table></div>");
    }
    out.push_str("</section></div></main></div>");
    out
}

fn other(locale: Locale) -> Locale {
    match locale {
        Locale::Vi => Locale::En,
        Locale::En => Locale::Vi,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::load_shipped;

    #[track_caller]
    fn escaped(text: &str, expected: &str) {
        assert_eq!(escape(text), expected, "{text:?}");
    }

    #[test]
    fn text_is_escaped_for_html() {
        escaped(
            "a < b & c > \"d\" 'e'",
            "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;",
        );
        escaped("Kế hoạch", "Kế hoạch");
        escaped("", "");
    }

    #[test]
    fn the_default_model_is_pre_rendered_row_for_row() {
        let (models, _) = load_shipped();
        let html = first_view(&models, 0, Locale::Vi);
        let rows: usize = dashboard(&models[0], "", Locale::Vi)
            .iter()
            .map(|g| g.rows.len())
            .sum();
        assert!(rows > 300, "{rows}");
        assert_eq!(
            html.matches("data-testid=\"prerendered-row\"").count(),
            rows
        );
        assert!(!html.contains("indicator-row"));
        assert!(
            html.starts_with("<div id=\"prerendered\""),
            "{}",
            &html[..80]
        );
        assert!(html.contains("data-model-id=\"kon-tum-2021-2025\""));
        assert!(html.contains("<h1>Kon Tum · Nhiệm kỳ 2021–2025</h1>"));
        // GRDP per head in 2020, as the congress resolution writes it.
        let grdp = html
            .split("data-indicator-id=\"grdp_per_capita\"")
            .nth(1)
            .and_then(|rest| rest.split("</tr>").next())
            .unwrap_or_default();
        assert!(grdp.contains("58,42 triệu đồng"), "{grdp}");
    }

    #[test]
    fn the_note_says_in_both_languages_whose_numbers_these_are() {
        let (models, _) = load_shipped();
        for locale in [Locale::Vi, Locale::En] {
            let html = first_view(&models, 0, locale);
            for l in [Locale::Vi, Locale::En] {
                assert!(html.contains(&escape(pt(PrerenderMsg::DefaultModelNote, l))));
            }
        }
    }

    #[test]
    fn nothing_the_content_security_policy_blocks_and_nothing_to_click() {
        let (models, _) = load_shipped();
        let html = first_view(&models, 0, Locale::Vi);
        let tags: Vec<&str> = html
            .split('<')
            .filter_map(|part| part.split('>').next())
            .collect();
        assert!(tags.len() > 1000, "{}", tags.len());
        for tag in tags {
            assert!(
                !tag.starts_with("script") && !tag.starts_with("style"),
                "{tag}"
            );
            assert!(!tag.contains(" style=") && !tag.contains(" on"), "{tag}");
            if tag.starts_with("button") || tag.starts_with("input") || tag.starts_with("select") {
                assert!(tag.contains(" disabled"), "{tag}");
            }
        }
    }

    #[test]
    fn no_model_no_view() {
        let (models, _) = load_shipped();
        assert_eq!(first_view(&models, models.len(), Locale::Vi), "");
        assert_eq!(first_view(&[], 0, Locale::Vi), "");
    }
}
