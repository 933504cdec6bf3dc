//! The first view as HTML, written into `index.html` at build time
//! (`examples/prerender.rs`, run by `scripts/postbuild.mjs`), so the dashboard rows are on
//! screen before any wasm has run. It shows the model the app opens on a bare link with
//! no remembered choice on the build date ([`first_model`], the same
//! `core::model::choice::start_model` the app calls), and lays out the same first screen
//! as the app: the overview of the main targets ([`overview`]), the first-step hint and
//! the main targets' rows ([`filtered_dashboard`] with [`RowFilter::Main`]), with
//! [`model_heading`] and the same words, in the same classes, so the app's first view
//! replaces it in place. Nothing in it reacts: controls are disabled, and the rows carry
//! `data-testid="prerendered-row"` (never `indicator-row`). A note in both languages says
//! the numbers are the default model's as of the build date, naming both, since a person
//! with another model, language or drafts saved sees theirs only once the app runs.

use crate::core::draft::session::Protection;
use crate::core::model::choice::{start_model, year_of_iso};
use crate::core::model::Model;
use crate::present::compare::{cmt, CompareMsg};
use crate::present::dashboard::{model_heading, model_label, status_class, RowView};
use crate::present::dates::day_text;
use crate::present::first_screen::count_line;
use crate::present::first_screen::{filtered_dashboard, overview, OverviewItem, RowFilter};
use crate::present::i18n::drafts::{dt, protection_text, DraftMsg};
use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::models::{mt, ModelMsg};
use crate::present::i18n::prerender::{pt, shows_as_of, PrerenderMsg};
use crate::present::i18n::{t, Locale, Msg};
use crate::present::live_rows::{row_marks, RowMark};

/// The id of the pre-rendered element; the app removes it when its first view mounts.
pub const PRERENDERED_ID: &str = "prerendered";

/// The id of the pre-rendered search box. It is written as a box of text with its
/// placeholder (`data-placeholder`), not as an `<input>`: the first input in a page costs
/// the browser more than the rest of the first screen together (issue #15, measured in
/// the README's "What the first view costs"), and nothing can be typed before a script
/// runs anyway. The live first view (`src/first_view/`) puts the search input in its place
/// and points the label (written without `for`, as no input is there yet) at it.
pub const SEARCH_ID: &str = "prerendered-search";

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

fn row_html(out: &mut String, row: &RowView, mark: &RowMark, locale: Locale) {
    let (main, standing, search) = mark.attributes();
    let hidden = if mark.shows(RowFilter::Main, "") {
        ""
    } else {
        " hidden"
    };
    out.push_str(&format!(
        "<tr data-testid=\"prerendered-row\" data-indicator-id=\"{}\" data-main=\"{main}\" data-standing=\"{standing}\" data-search=\"{}\"{hidden}><th scope=\"row\"><button type=\"button\" class=\"indicator-open\" disabled>{}</button></th><td data-label=\"{}\">{}</td>",
        escape(&row.id),
        escape(&search),
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

/// The model the app opens on `today` (an ISO date, `2026-12-01`) for a bare link and
/// no remembered choice: `core::model::choice::start_model`, as the app's shell calls it.
pub fn first_model(models: &[Model], today: &str) -> usize {
    start_model(models, None, false, year_of_iso(today).unwrap_or(0), None)
}

/// An ISO date (`2026-12-01`) as the interface writes a day; the text as it is when it
/// is not one.
fn date_text(iso: &str, locale: Locale) -> String {
    let mut parts = iso.splitn(3, '-');
    let year = parts.next().unwrap_or_default();
    let month = parts.next().and_then(|m| m.parse::<u32>().ok());
    let day = parts.next().and_then(|d| d.parse::<u32>().ok());
    match (month, day) {
        (Some(month), Some(day)) if year.len() == 4 => day_text(year, month, day, locale),
        _ => iso.to_string(),
    }
}

fn overview_button(item: &OverviewItem, pressed: bool) -> String {
    format!(
        "<button type=\"button\" class=\"overview-item overview-{}\" data-filter=\"{}\" aria-pressed=\"{pressed}\" disabled><span class=\"overview-count\">{}</span> <span class=\"overview-label\">{}</span></button>",
        item.code,
        item.code,
        item.count,
        escape(&item.label)
    )
}

/// The note above the tables: whose numbers these are, which model and which date, in
/// `locale` and then in the other language.
fn note(model: &Model, today: &str, locale: Locale) -> String {
    let sentence = |l: Locale| {
        format!(
            "<span class=\"prerendered-state\">{}</span> {}",
            escape(pt(PrerenderMsg::DefaultModelNote, l)),
            escape(&shows_as_of(
                &model_heading(model, l),
                &date_text(today, l),
                l
            ))
        )
    };
    format!(
        "<p class=\"notice prerendered-note\" data-testid=\"prerendered-note\" data-today=\"{}\">{} <span lang=\"{}\">{}</span></p>",
        escape(today),
        sentence(locale),
        other(locale).code(),
        sentence(other(locale))
    )
}

/// The first view of `models[index]` (the model the app opens when nothing else is
/// asked for, [`first_model`]) in `locale`, as one `<div id="prerendered">` element,
/// its note naming `today` (the build date, ISO); the model picker's box stands in the
/// header when there is more than one model, as the app's picker does.
/// Empty when there is no such model.
pub fn first_view(models: &[Model], index: usize, today: &str, locale: Locale) -> String {
    let Some(model) = models.get(index) else {
        return String::new();
    };
    let mut out = format!(
        "<div id=\"{PRERENDERED_ID}\" class=\"prerendered\" data-testid=\"prerendered\" data-model-id=\"{}\" data-today=\"{}\" aria-busy=\"true\">",
        escape(&model.id),
        escape(today)
    );
    // Header: the same blocks as the app's, controls disabled.
    out.push_str(&format!(
        "<header class=\"app-header\"><div class=\"title-block\"><p class=\"app-name\">{}</p><h1>{}</h1></div><div class=\"header-tools\">",
        escape(t(Msg::AppTitle, locale)),
        escape(&model_heading(model, locale))
    ));
    // The model picker and the as-of date stand as boxes of text the size of the app's
    // <select> and date input (`.control-still`, style/main.css), not as disabled native
    // controls: nothing can be chosen before the app runs, and those two controls cost the
    // browser more to build and style than the rest of the header (issue #15, measured in
    // the README's "What the first view costs").
    if models.len() > 1 {
        out.push_str(&format!(
            "<span class=\"model-picker\"><span>{}</span><span class=\"control-still\">{}</span></span>",
            escape(t(Msg::ModelPicker, locale)),
            escape(&model_label(model, locale))
        ));
    }
    // The as-of date as the app shows it on a bare link: today, the build date. The box
    // is hidden from screen readers, which read the words after it.
    if let Ok(day) = crate::core::model::as_of::Day::parse(today) {
        let v = crate::present::as_of::as_of_view(None, day, None, locale);
        out.push_str(&format!(
            "<div class=\"as-of\"><span>{}</span> <span class=\"control-still\" aria-hidden=\"true\">{}</span> <span class=\"as-of-words\">{}</span></div>",
            escape(crate::present::i18n::as_of::at(
                crate::present::i18n::as_of::AsOfMsg::Label,
                locale
            )),
            escape(&day_text(day.year, day.month.into(), day.day.into(), locale)),
            escape(&v.in_words)
        ));
    }
    out.push_str(&format!(
        "<button class=\"lang-switch\" type=\"button\" disabled>{}</button><button class=\"print-button\" type=\"button\" disabled>{}</button></div></header>",
        escape(t(Msg::SwitchLanguage, locale)),
        escape(t(Msg::PrintReport, locale))
    ));
    // The note and the status line stand out of the flow, at the foot of the screen
    // (`.prerendered-status`, style/first_hour.css), so that nothing moves when the app
    // takes over: above the rows stand the model tools, the search box and the drafts
    // panel as the app draws them with no draft (`is-empty`, the app's compact panel),
    // their buttons disabled until the app runs (issue #15, "without a visible jump").
    out.push_str("<main>");
    out.push_str("<div class=\"prerendered-status\" role=\"status\">");
    out.push_str(&note(model, today, locale));
    // What the live first view says while the rest loads: a pending click, a failure.
    out.push_str(
        "<p class=\"notice first-view-status\" data-testid=\"first-view-status\" hidden></p></div>",
    );
    out.push_str("<div class=\"model-tools\">");
    for msg in [
        ModelMsg::ImportOpen,
        ModelMsg::EditOpen,
        ModelMsg::ExportModel,
    ] {
        out.push_str(&format!(
            "<button type=\"button\" class=\"secondary\" disabled>{}</button>",
            escape(mt(msg, locale))
        ));
    }
    out.push_str("</div>");
    out.push_str(&format!(
        "<div class=\"search\" role=\"search\"><label>{}</label><span id=\"{SEARCH_ID}\" class=\"control-still\" data-placeholder=\"{placeholder}\" aria-hidden=\"true\">{placeholder}</span></div>",
        escape(t(Msg::Search, locale)),
        placeholder = escape(t(Msg::SearchPlaceholder, locale))
    ));
    // The empty panel shows the buttons the app enables with no draft ("still": shown
    // although disabled) and hides the others, as the app's does (style/first_hour.css).
    out.push_str(&format!(
        "<section class=\"drafts-panel is-empty\"><div class=\"drafts-head\"><h2>{}</h2></div><div class=\"draft-actions\"><button type=\"button\" class=\"still\" disabled>{}</button></div><div class=\"draft-files\"><button type=\"button\" class=\"still\" disabled>{}</button><span class=\"file-button\"><span>{}</span></span></div><p class=\"drafts-empty\">{} {}</p><details class=\"draft-compare\"><summary>{}</summary></details><div class=\"storage-health\"><p>{}</p><p>{}</p><p>{}</p></div></section>",
        escape(dt(DraftMsg::Drafts, locale)),
        escape(dt(DraftMsg::New, locale)),
        escape(dt(DraftMsg::ExportAll, locale)),
        escape(dt(DraftMsg::ImportFile, locale)),
        escape(dt(DraftMsg::NoDraftsYet, locale)),
        escape(dt(DraftMsg::RestoreHint, locale)),
        escape(cmt(CompareMsg::Summary, locale)),
        escape(dt(DraftMsg::LivesInBrowser, locale)),
        escape(protection_text(Protection::Unknown, locale)),
        escape(dt(DraftMsg::NeverExported, locale)),
    ));
    // The first screen: the overview of the main targets, the first-step hint, then
    // the main targets' rows (the app's `TargetTables` with its filter at `Main`).
    let o = overview(model, locale);
    out.push_str(&format!(
        "<div class=\"layout\"><section class=\"overview\"><h2>{}</h2><div class=\"overview-filters\" role=\"group\" aria-label=\"{}\">{}",
        escape(ft(FirstMsg::OverviewHeading, locale)),
        escape(ft(FirstMsg::FilterLabel, locale)),
        overview_button(&o.main, true)
    ));
    for item in &o.standings {
        out.push_str(&overview_button(item, false));
    }
    out.push_str(&format!(
        "{}</div><p class=\"first-step\">{}</p></section>",
        overview_button(&o.all, false),
        escape(ft(FirstMsg::FirstStepHint, locale))
    ));
    // Every indicator's row, those off the first screen hidden, each with its mark, so
    // the live first view (`src/first_view/`) can filter them before the app loads.
    let groups = filtered_dashboard(model, "", RowFilter::All, locale);
    let marks: std::collections::HashMap<String, RowMark> = row_marks(model).into_iter().collect();
    let mark_of = |id: &str| marks.get(id).cloned().unwrap_or_default();
    let count = marks
        .values()
        .filter(|m| m.shows(RowFilter::Main, ""))
        .count();
    out.push_str(&format!(
        "<section class=\"tables\"><p class=\"count\" data-testid=\"prerendered-count\">{}</p><p class=\"empty\" hidden>{}</p>",
        escape(&count_line(count, RowFilter::Main, "", locale)),
        escape(t(Msg::NoMatches, locale))
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
        let group_marks: Vec<RowMark> = group.rows.iter().map(|r| mark_of(&r.id)).collect();
        let shown = group_marks.iter().any(|m| m.shows(RowFilter::Main, ""));
        out.push_str(&format!(
            "<div class=\"table-wrap\" data-group-id=\"{}\"{}><div class=\"table-tools\">{}{}</div><table class=\"targets\"><caption>{}</caption><thead><tr>{head}</tr></thead><tbody>",
            escape(&group.id),
            if shown { "" } else { " hidden" },
            csv_button(t(Msg::CsvExport, locale)),
            csv_button(ft(FirstMsg::XlButton, locale)),
            escape(&group.name)
        ));
        for (row, mark) in group.rows.iter().zip(&group_marks) {
            row_html(&mut out, row, mark, locale);
        }
        out.push_str("</tbody></table></div>");
    }
    out.push_str(&format!(
        "<p class=\"show-others\"><button type=\"button\" data-filter=\"all\" disabled>{}</button></p></section></div></main></div>",
        escape(ft(FirstMsg::ShowOthers, locale))
    ));
    out
}

fn csv_button(label: &str) -> String {
    format!(
        "<span class=\"csv-export\"><button class=\"csv-button\" type=\"button\" disabled>{}</button></span>",
        escape(label)
    )
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

    /// Kon Tum 2021-2025 (first shipped) on a date in its term.
    const JUN_2024: &str = "2024-06-01";
    /// The merged Quảng Ngãi 2026-2030 model's term.
    const DEC_2026: &str = "2026-12-01";

    /// The ids of the rows on screen (not `hidden`).
    fn row_ids(html: &str) -> Vec<String> {
        html.split("data-testid=\"prerendered-row\" data-indicator-id=\"")
            .skip(1)
            .filter(|rest| {
                !rest
                    .split('>')
                    .next()
                    .unwrap_or_default()
                    .ends_with(" hidden")
            })
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_indicator_is_pre_rendered_the_others_hidden() {
        let (models, _) = load_shipped();
        let html = first_view(&models, 0, JUN_2024, Locale::Vi);
        let all = html.matches("data-testid=\"prerendered-row\"").count();
        assert_eq!(all, models[0].indicators.len());
        assert!(row_ids(&html).len() < all);
        // A statistic of the annual report only is there, hidden, and found by its words.
        let row = html
            .split("data-indicator-id=\"average_population\"")
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .unwrap_or_default();
        assert!(
            row.contains("data-main=\"false\" data-standing=\"\""),
            "{row}"
        );
        assert!(row.contains("dan so trung binh"), "{row}");
        assert!(row.ends_with(" hidden"), "{row}");
    }

    fn first_screen_ids(model: &Model) -> Vec<String> {
        filtered_dashboard(model, "", RowFilter::Main, Locale::Vi)
            .iter()
            .flat_map(|g| g.rows.iter().map(|r| r.id.clone()))
            .collect()
    }

    #[test]
    fn the_model_is_the_one_the_app_opens_on_the_build_date() {
        let (models, _) = load_shipped();
        let id = |today: &str| {
            models
                .get(first_model(&models, today))
                .map(|m| m.id.clone())
                .unwrap_or_default()
        };
        assert_eq!(id(JUN_2024), "kon-tum-2021-2025");
        assert_eq!(id(DEC_2026), "quang-ngai-2026-2030-cong-khai");
        // A date in no term, or no date at all: the first model, as the app does.
        assert_eq!(id("2040-01-01"), "kon-tum-2021-2025");
        assert_eq!(id(""), "kon-tum-2021-2025");
    }

    #[test]
    fn the_main_targets_are_pre_rendered_row_for_row() {
        let (models, _) = load_shipped();
        for today in [JUN_2024, DEC_2026] {
            let index = first_model(&models, today);
            let html = first_view(&models, index, today, Locale::Vi);
            let want = first_screen_ids(&models[index]);
            assert!(want.len() >= 10, "{today}: {}", want.len());
            assert_eq!(row_ids(&html), want, "{today}");
            assert!(
                html.contains(&format!(
                    "<p class=\"count\" data-testid=\"prerendered-count\">{} chỉ tiêu",
                    want.len()
                )),
                "{today}"
            );
        }
    }

    #[test]
    fn kon_tum_is_pre_rendered_as_the_app_shows_it() {
        let (models, _) = load_shipped();
        let html = first_view(&models, 0, JUN_2024, Locale::Vi);
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
        // The drafts panel as the app lays it out with no draft (compact, issue #17).
        assert!(html.contains("<section class=\"drafts-panel is-empty\">"));
        // A statistic of the annual report only is one click away, not on the first screen.
        assert!(!row_ids(&html).iter().any(|id| id == "average_population"));
    }

    #[test]
    fn the_overview_and_the_first_step_stand_above_the_rows() {
        let (models, _) = load_shipped();
        let html = first_view(&models, 0, JUN_2024, Locale::Vi);
        let o = overview(&models[0], Locale::Vi);
        let first_row = html.find("prerendered-row").unwrap_or(0);
        for item in std::iter::once(&o.main)
            .chain(o.standings.iter())
            .chain(std::iter::once(&o.all))
        {
            let at = html
                .find(&format!("data-filter=\"{}\"", item.code))
                .unwrap_or(usize::MAX);
            assert!(at < first_row, "{item:?}");
            let button = html[at..].split("</button>").next().unwrap_or_default();
            assert!(
                button.contains(&format!(
                    "<span class=\"overview-count\">{}</span>",
                    item.count
                )),
                "{button}"
            );
        }
        assert!(html.contains("data-filter=\"main\" aria-pressed=\"true\""));
        let hint = html
            .find(&escape(ft(FirstMsg::FirstStepHint, Locale::Vi)))
            .unwrap_or(usize::MAX);
        assert!(hint < first_row);
        assert!(html.contains(&escape(ft(FirstMsg::ShowOthers, Locale::Vi))));
    }

    /// The text inside the first element with `class="control-still"` after `from`.
    fn still_box_after<'a>(html: &'a str, from: &str) -> &'a str {
        let after = &html[html.find(from).unwrap_or(0)..];
        let start = after.find("class=\"control-still\"").unwrap_or(0);
        let text = &after[start..];
        let text = &text[text.find('>').map_or(0, |i| i + 1)..];
        text.split('<').next().unwrap_or_default()
    }

    #[test]
    fn the_header_and_the_search_box_are_text_not_form_controls() {
        let (models, _) = load_shipped();
        let index = first_model(&models, DEC_2026);
        let html = first_view(&models, index, DEC_2026, Locale::Vi);
        // No form control: the first one in a page costs the browser more than the rest
        // of the first screen (README "What the first view costs").
        for tag in ["<input", "<select", "<textarea", "<option"] {
            assert!(!html.contains(tag), "{tag} in the pre-rendered view");
        }
        // The picker's box names the model the view shows; the date's, the build date as
        // the interface writes a day; the search box, its placeholder.
        assert_eq!(
            still_box_after(&html, "class=\"model-picker\""),
            escape(&model_label(&models[index], Locale::Vi))
        );
        assert_eq!(still_box_after(&html, "class=\"as-of\""), "01/12/2026");
        let placeholder = escape(t(Msg::SearchPlaceholder, Locale::Vi));
        assert_eq!(still_box_after(&html, "role=\"search\""), placeholder);
        assert!(html.contains(&format!(
            "id=\"{SEARCH_ID}\" class=\"control-still\" data-placeholder=\"{placeholder}\""
        )));
        // The empty drafts panel has the buttons the app shows with no draft, no other.
        let panel = html
            .split("<section class=\"drafts-panel is-empty\">")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .unwrap_or_default();
        assert!(panel.contains(&escape(dt(DraftMsg::NoDraftsYet, Locale::Vi))));
        assert_eq!(panel.matches("<button").count(), 2, "{panel}");
        assert_eq!(
            panel.matches("class=\"still\" disabled").count(),
            2,
            "{panel}"
        );
        for msg in [DraftMsg::New, DraftMsg::ExportAll, DraftMsg::ImportFile] {
            assert!(
                panel.contains(&escape(dt(msg, Locale::Vi))),
                "{msg:?} in {panel}"
            );
        }
        // The model tools stand above the search box, as in the app.
        let tools = html.find("class=\"model-tools\"").unwrap_or(usize::MAX);
        assert!(tools < html.find("role=\"search\"").unwrap_or(0));
        for msg in [
            ModelMsg::ImportOpen,
            ModelMsg::EditOpen,
            ModelMsg::ExportModel,
        ] {
            assert!(html.contains(&escape(mt(msg, Locale::Vi))), "{msg:?}");
        }
        // One model: no picker, as in the app.
        let one = first_view(&models[index..=index], 0, DEC_2026, Locale::En);
        assert!(!one.contains("model-picker"));
        assert_eq!(still_box_after(&one, "class=\"as-of\""), "2026-12-01");
    }

    #[test]
    fn the_note_says_in_both_languages_whose_numbers_these_are() {
        let (models, _) = load_shipped();
        let index = first_model(&models, DEC_2026);
        for locale in [Locale::Vi, Locale::En] {
            let html = first_view(&models, index, DEC_2026, locale);
            for l in [Locale::Vi, Locale::En] {
                assert!(html.contains(&escape(pt(PrerenderMsg::DefaultModelNote, l))));
            }
            assert!(html.contains("data-today=\"2026-12-01\""));
            let note = html
                .split("data-testid=\"prerendered-note\"")
                .nth(1)
                .and_then(|rest| rest.split("</p>").next())
                .unwrap_or_default();
            assert!(note.contains("Quảng Ngãi"), "{note}");
            assert!(note.contains("ngày 01/12/2026"), "{note}");
            assert!(note.contains("for 2026-12-01"), "{note}");
        }
    }

    #[test]
    fn a_date_is_written_as_the_interface_writes_days() {
        assert_eq!(date_text("2026-12-01", Locale::Vi), "01/12/2026");
        assert_eq!(date_text("2026-12-01", Locale::En), "2026-12-01");
        assert_eq!(date_text("soon", Locale::Vi), "soon");
    }

    #[test]
    fn nothing_the_content_security_policy_blocks_and_nothing_to_click() {
        let (models, _) = load_shipped();
        let html = first_view(&models, 0, JUN_2024, Locale::Vi);
        let tags: Vec<&str> = html
            .split('<')
            .filter_map(|part| part.split('>').next())
            .collect();
        assert!(tags.len() > 300, "{}", tags.len());
        for tag in tags {
            assert!(
                !tag.starts_with("script") && !tag.starts_with("style"),
                "{tag}"
            );
            // An attribute named on…= (an event handler); "on" in a text is fine.
            let handler = tag
                .split_whitespace()
                .any(|w| w.starts_with("on") && w.contains('='));
            assert!(!tag.contains(" style=") && !handler, "{tag}");
            if tag.starts_with("button") || tag.starts_with("input") || tag.starts_with("select") {
                assert!(tag.contains(" disabled"), "{tag}");
            }
        }
    }

    #[test]
    fn no_model_no_view() {
        let (models, _) = load_shipped();
        assert_eq!(first_view(&models, models.len(), JUN_2024, Locale::Vi), "");
        assert_eq!(first_view(&[], 0, JUN_2024, Locale::Vi), "");
    }
}
