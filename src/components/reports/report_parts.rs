//! The parts every printed report shares: its heading (the province and term, the
//! title, then lines such as the date printed) and a table whose first cell of a row is
//! the row's heading, with, where asked, a row of section titles spanning the table.
//! Used by `print_report` and by `components::quarterly::quarterly_form`.

use leptos::prelude::*;

use crate::app::state::{today, AppContext};
use crate::core::codec::csv::Table;
use crate::present::as_of::as_of_report_line;

/// One line under a report's title: its text, and the class and test id it carries.
#[derive(Clone, Debug, Default)]
pub struct HeadLine {
    /// The words.
    pub text: String,
    /// Class of the paragraph (`report-printed` prints in italics), if any.
    pub class: Option<&'static str>,
    /// `data-testid` of the paragraph, if any.
    pub testid: Option<&'static str>,
}

impl HeadLine {
    /// A line with no class and no test id.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// A line with a class and a test id.
    pub fn marked(
        text: impl Into<String>,
        class: Option<&'static str>,
        testid: Option<&'static str>,
    ) -> Self {
        Self {
            text: text.into(),
            class,
            testid,
        }
    }
}

/// A report's heading: the province (and term) above the title, then `lines`.
#[component]
pub fn ReportHead(
    /// "Tỉnh Kon Tum · Nhiệm kỳ 2021–2025".
    province: String,
    /// `data-testid` of the province line.
    #[prop(optional)]
    province_testid: Option<&'static str>,
    /// The report's title.
    title: String,
    /// `data-testid` of the title.
    #[prop(optional)]
    title_testid: Option<&'static str>,
    /// The lines under the title, in order.
    #[prop(optional)]
    lines: Vec<HeadLine>,
) -> impl IntoView {
    // While another day is in use (`ngay=`), every report says which day it stands on.
    let as_of = use_context::<AppContext>().and_then(|ctx| {
        let asked = ctx.state.with_untracked(|s| s.as_of);
        as_of_report_line(asked, today(), ctx.locale())
    });
    let lines = lines
        .into_iter()
        .map(|l| view! { <p class=l.class data-testid=l.testid>{l.text}</p> })
        .collect_view();
    let as_of =
        as_of.map(|text| view! { <p class="report-as-of" data-testid="report-as-of">{text}</p> });
    view! {
        <header class="report-head">
            <p class="report-province" data-testid=province_testid>{province}</p>
            <h1 data-testid=title_testid>{title}</h1>
            {lines}
            {as_of}
        </header>
    }
}

/// A printed table: column headings, then each row with its first cell as the row's
/// heading. With `sections`, a row whose other cells are all empty is a section title
/// spanning the table.
pub fn report_table(
    table: Table,
    class: &'static str,
    testid: &'static str,
    sections: bool,
) -> impl IntoView {
    let columns = table.header.len().to_string();
    let head = table
        .header
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let body = table
        .rows
        .into_iter()
        .map(|r| {
            let section = sections && r.iter().skip(1).all(String::is_empty);
            let mut cells = r.into_iter();
            let first = cells.next().unwrap_or_default();
            if section {
                return view! {
                    <tr class="report-group"><th scope="colgroup" colspan=columns.clone()>{first}</th></tr>
                }
                .into_any();
            }
            let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }.into_any()
        })
        .collect_view();
    view! {
        <table class=class data-testid=testid>
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}
