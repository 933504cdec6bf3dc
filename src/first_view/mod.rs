//! The live first view (issue #15): the code of the small first-load module
//! (`src/bin/first_view.rs`, Trunk's main module), which makes the dashboard written
//! into `index.html` at build time (`present::prerender`) answer clicks before the rest
//! of the app has loaded, then loads the rest (`provincial-planner.js`, the Leptos app)
//! in the background.
//!
//! On a first visit with nothing to restore (no link query or `#` part, not in a frame,
//! no drafts, no other remembered model, the build year's model) the overview's filters,
//! "show the others" and the search box work as soon as the page has drawn its first
//! frame (the start-up script imports this module only then, `scripts/postbuild.mjs`),
//! by the marks each pre-rendered row carries ([`crate::present::live_rows`], the app's
//! own filter rule). A click that needs the app (open a target, switch language) is
//! written into the page's link (the view link the app starts from) and said in a
//! status line until the app has loaded;
//! the filter and the search text stay on `#prerendered` (`data-filter`, `data-query`),
//! where the app picks them up before it replaces the pre-rendered view. Any other visit
//! leaves the pre-rendered view as it is (its note says the numbers are the default
//! model's) and loads the app after that first frame. On every visit, on a day that is
//! not the build date, the date box's words name the build date without "(today)". If
//! the app cannot be loaded, the status line says so; the table keeps working.
//!
//! It never writes storage and renders no HTML: it shows, hides and fills the
//! pre-rendered elements, and puts one element of its own, the search input, in the
//! pre-rendered search box. It must not import `leptos`, `app` or `components` (that
//! would put them in the first load; `tests/layers.rs`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlInputElement};

use crate::core::codec::view_link::{encode, ViewLink};
use crate::core::draft::storage_policy::DRAFT_PREFIX;
use crate::core::model::as_of::Day;
use crate::core::model::choice::{year_of_iso, CHOICE_KEY};
use crate::core::text::calendar::iso_date;
use crate::present::as_of::as_of_view;
use crate::present::first_screen::{count_line, main_only, RowFilter};
use crate::present::i18n::prerender::{pending, pt, PrerenderMsg};
use crate::present::i18n::Locale;
use crate::present::live_rows::RowMark;
use crate::present::prerender::{PRERENDERED_ID, SEARCH_ID};

/// The rest of the app: its wasm-bindgen script, then the file that starts it. The
/// start-up script has the same list (`APP_SCRIPTS` in `scripts/postbuild.mjs`), to load
/// the app when this module cannot be loaded.
const APP_SCRIPTS: [&str; 2] = ["./provincial-planner.js", "./app-start.js"];

/// The event `app-start.js` sends when the app's module could not be started.
const APP_FAILED: &str = "planner-app-failed";

/// Starts the first view, then loads the app. The start-up script imports this module
/// only once the page has drawn its first frame (`scripts/postbuild.mjs`), so nothing of
/// it stands between the pre-rendered rows and the screen.
pub fn run() {
    crate::platform::text::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.get_element_by_id(PRERENDERED_ID) {
        let today = iso_date(
            crate::platform::clock::now_ms(),
            crate::platform::clock::timezone_offset_minutes(),
        );
        date_words_for_today(&document, &root, &today);
        if nothing_to_restore(&root, &today) {
            if let Some(live) = Live::start(&document, root) {
                on_failure(&live);
            }
        }
    }
    load_app(&document, 0);
}

/// The pre-rendered date box names the build date as today ("02/12/2026 (hôm nay)"). On
/// any other day it names the build date alone, as the app writes a day that is not
/// today, so the page never calls an old day today while the app loads.
fn date_words_for_today(document: &Document, root: &Element, today: &str) {
    let built = attribute(root, "data-today");
    if built == today {
        return;
    }
    let (Ok(built_day), Ok(today_day), Some(words)) = (
        Day::parse(&built),
        Day::parse(today),
        one(root, ".as-of-words"),
    ) else {
        return;
    };
    let locale = page_locale(document).unwrap_or_default();
    words.set_text_content(Some(
        &as_of_view(Some(built_day), today_day, None, locale).in_words,
    ));
}

/// The language the pre-rendered page is written in (`<html lang>`), `None` when it
/// names none.
fn page_locale(document: &Document) -> Option<Locale> {
    let code = document.document_element()?.get_attribute("lang")?;
    Some(Locale::from_code(&code).unwrap_or_default())
}

/// True on a visit the pre-rendered view is already right for (see the module doc).
fn nothing_to_restore(root: &Element, today: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let location = window.location();
    let bare = location.search().unwrap_or_default().is_empty()
        && location.hash().unwrap_or_default().is_empty();
    let model = root.get_attribute("data-model-id").unwrap_or_default();
    let remembered_other = crate::platform::storage::peek(CHOICE_KEY).is_some_and(|m| m != model);
    let drafts = crate::platform::storage::any_key_with_prefix(DRAFT_PREFIX);
    let built = root.get_attribute("data-today").unwrap_or_default();
    let same_year = year_of_iso(today).is_some() && year_of_iso(today) == year_of_iso(&built);
    bare && same_year && !remembered_other && !drafts && !crate::platform::portal::is_framed()
}

/// One pre-rendered row and what it is filtered by.
struct Row {
    element: Element,
    mark: RowMark,
}

/// The live first view's elements and state.
struct Live {
    root: Element,
    rows: Vec<Row>,
    groups: Vec<Element>,
    filter_buttons: Vec<Element>,
    count: Option<Element>,
    empty: Option<Element>,
    show_others: Option<Element>,
    status: Option<Element>,
    model: String,
    locale: Locale,
    filter: RowFilter,
    query: String,
}

type Shared = Rc<RefCell<Live>>;

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn attribute(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

/// Calls `handler` on `event` at `target` for as long as the page lives (the app
/// removes the first view's elements, and their handlers with them).
fn listen(target: &EventTarget, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

impl Live {
    /// Reads the pre-rendered view, turns its filters and row buttons on, puts the search
    /// input in its box, and says the table works; `None` when the page is not the
    /// pre-rendered view.
    fn start(document: &Document, root: Element) -> Option<Shared> {
        let locale = page_locale(document)?;
        let rows: Vec<Row> = all(&root, "tr[data-testid=\"prerendered-row\"]")
            .into_iter()
            .map(|element| {
                let mark = RowMark::from_attributes(
                    &attribute(&element, "data-main"),
                    &attribute(&element, "data-standing"),
                    &attribute(&element, "data-search"),
                );
                Row { element, mark }
            })
            .collect();
        if rows.is_empty() {
            return None;
        }
        let live = Rc::new(RefCell::new(Live {
            groups: all(&root, ".table-wrap"),
            filter_buttons: all(&root, "button[data-filter]"),
            count: one(&root, "[data-testid=\"prerendered-count\"]"),
            empty: one(&root, "p.empty"),
            show_others: one(&root, "p.show-others"),
            status: one(&root, "[data-testid=\"first-view-status\"]"),
            model: attribute(&root, "data-model-id"),
            root,
            rows,
            locale,
            filter: RowFilter::Main,
            query: String::new(),
        }));
        Live::wire(&live);
        {
            let view = live.borrow();
            for state in all(&view.root, ".prerendered-state") {
                // The note says it in the page's language, then in the other one.
                let lang = state
                    .closest("[lang]")
                    .ok()
                    .flatten()
                    .map(|e| attribute(&e, "lang"))
                    .unwrap_or_default();
                let l = Locale::from_code(&lang).unwrap_or(view.locale);
                state.set_text_content(Some(pt(PrerenderMsg::LiveNote, l)));
            }
            let _ = view.root.set_attribute("data-live", "true");
            let _ = view.root.set_attribute("aria-busy", "false");
            view.show();
        }
        Some(live)
    }

    /// Turns the controls the first view answers on.
    fn wire(live: &Shared) {
        let view = live.borrow();
        for button in &view.filter_buttons {
            let _ = button.remove_attribute("disabled");
            let code = attribute(button, "data-filter");
            let shared = live.clone();
            listen(button, "click", move |_| {
                if let Some(filter) = RowFilter::from_code(&code) {
                    let mut v = shared.borrow_mut();
                    v.filter = filter;
                    v.show();
                }
            });
        }
        if let Some(search) = search_input(&view.root) {
            let shared = live.clone();
            listen(&search, "input", move |event| {
                let value = event
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                    .map(|input| input.value())
                    .unwrap_or_default();
                let mut v = shared.borrow_mut();
                v.query = value;
                v.show();
            });
        }
        for row in &view.rows {
            let Some(button) = one(&row.element, "button.indicator-open") else {
                continue;
            };
            let _ = button.remove_attribute("disabled");
            let id = attribute(&row.element, "data-indicator-id");
            let name = button.text_content().unwrap_or_default();
            let row_element = row.element.clone();
            let shared = live.clone();
            listen(&button, "click", move |_| {
                let v = shared.borrow();
                let _ = row_element.set_attribute("aria-busy", "true");
                v.wait_for_app(
                    ViewLink {
                        model: Some(v.model.clone()),
                        indicator: Some(id.clone()),
                        ..ViewLink::default()
                    },
                    &name,
                );
            });
        }
        if let Some(switch) = one(&view.root, "button.lang-switch") {
            let _ = switch.remove_attribute("disabled");
            let words = switch.text_content().unwrap_or_default();
            let shared = live.clone();
            listen(&switch, "click", move |_| {
                let v = shared.borrow();
                let other = match v.locale {
                    Locale::Vi => Locale::En,
                    Locale::En => Locale::Vi,
                };
                v.wait_for_app(
                    ViewLink {
                        model: Some(v.model.clone()),
                        lang: Some(other),
                        ..ViewLink::default()
                    },
                    &words,
                );
            });
        }
    }

    /// Shows the rows the filter and the search keep, and keeps both on the root for
    /// the app to take over.
    fn show(&self) {
        let mut shown = 0;
        for row in &self.rows {
            let visible = row.mark.shows(self.filter, &self.query);
            shown += usize::from(visible);
            set_hidden(&row.element, !visible);
        }
        for group in &self.groups {
            let any = all(group, "tr[data-testid=\"prerendered-row\"]:not([hidden])");
            set_hidden(group, any.is_empty());
        }
        for button in &self.filter_buttons {
            if button.closest(".overview-filters").ok().flatten().is_some() {
                let pressed = attribute(button, "data-filter") == self.filter.code();
                let _ =
                    button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            }
        }
        if let Some(count) = &self.count {
            count.set_text_content(Some(&count_line(
                shown,
                self.filter,
                &self.query,
                self.locale,
            )));
        }
        if let Some(empty) = &self.empty {
            set_hidden(empty, shown > 0);
        }
        if let Some(others) = &self.show_others {
            set_hidden(others, !main_only(self.filter, &self.query));
        }
        let _ = self.root.set_attribute("data-filter", self.filter.code());
        let _ = self.root.set_attribute("data-query", &self.query);
    }

    /// Writes `link` into the page's address (the app starts from it) and says that
    /// `what` opens once the app is in.
    fn wait_for_app(&self, link: ViewLink, what: &str) {
        crate::platform::address_bar::replace_query(&encode(&link));
        self.say(&pending(what.trim(), self.locale));
    }

    fn say(&self, text: &str) {
        if let Some(status) = &self.status {
            status.set_text_content(Some(text));
            set_hidden(status, false);
        }
    }
}

/// Puts the search input where the pre-rendered page has a box of text with its
/// placeholder ([`SEARCH_ID`]), in the box's place, and points the label at it.
fn search_input(root: &Element) -> Option<HtmlInputElement> {
    let still = one(root, &format!("#{SEARCH_ID}"))?;
    let input: HtmlInputElement = root
        .owner_document()?
        .create_element("input")
        .ok()?
        .dyn_into()
        .ok()?;
    input.set_type("search");
    input.set_id(SEARCH_ID);
    input.set_placeholder(&attribute(&still, "data-placeholder"));
    let _ = input.set_attribute("autocomplete", "off");
    still.replace_with_with_node_1(&input).ok()?;
    if let Some(label) = one(root, ".search label") {
        let _ = label.set_attribute("for", SEARCH_ID);
    }
    Some(input)
}

fn set_hidden(element: &Element, hidden: bool) {
    let _ = if hidden {
        element.set_attribute("hidden", "")
    } else {
        element.remove_attribute("hidden")
    };
}

/// Says in the status line when the app could not be started.
fn on_failure(live: &Shared) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let shared = live.clone();
    listen(&window, APP_FAILED, move |_| {
        let v = shared.borrow();
        v.say(pt(PrerenderMsg::LoadFailed, v.locale));
        let _ = v.root.set_attribute("data-app", "failed");
    });
}

/// Adds the app's scripts to the page, one after the other; a script that cannot be
/// fetched is reported like a module that cannot start ([`APP_FAILED`]).
fn load_app(document: &Document, index: usize) {
    let Some(src) = APP_SCRIPTS.get(index) else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("src", src);
    let next = document.clone();
    listen(&script, "load", move |_| load_app(&next, index + 1));
    listen(&script, "error", |_| {
        if let Some(window) = web_sys::window() {
            if let Ok(event) = Event::new(APP_FAILED) {
                let _ = window.dispatch_event(&event);
            }
        }
    });
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}
