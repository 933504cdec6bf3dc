//! The stylesheets keep to the screen's type scale (`style/main.css`, `:root`): every
//! font size on screen (`font-size` or the `font` shorthand) is one of the `--text-*`
//! sizes or inherited, save the two in `EXEMPT`, and the only weights are 400 and 700.
//! Each size, weight and style on the first screen is one more font the browser sets up
//! before that screen's first frame (README, "What the first view costs"), so a rule of
//! its own size or weight costs the first view; the end-to-end test
//! `tests/e2e/first-view.test.mjs` counts the fonts the first screen draws. Print rules
//! (`@media print`) set their own sizes, in points.

mod util;

use util::read_repo_file;

/// Sizes that are not on the scale on purpose, by rule: the root's 16 px is the rem the
/// scale counts in, and the trend chart's text is in the SVG's own units, scaled with it.
const EXEMPT: &[(&str, &str)] = &[(":root", "16px"), (".trend-chart svg", "11px")];

/// The stylesheets under `style/`, by name.
fn sheets() -> Vec<String> {
    let dir = util::repo_root().join("style");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".css"))
        .map(|name| format!("style/{name}"))
        .collect();
    names.sort();
    names
}

/// A declaration of a screen rule: its line, the rule's selector, the property and the
/// value (without `!important`).
#[derive(Debug, PartialEq)]
struct Declaration {
    line: usize,
    selector: String,
    property: String,
    value: String,
}

/// The declarations of `css` outside `@media print` blocks and comments.
fn screen_declarations(css: &str) -> Vec<Declaration> {
    let mut text = String::new();
    // Comments out, line breaks kept, so the line numbers stay true.
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        let end = rest[start + 2..]
            .find("*/")
            .map_or(rest.len(), |e| start + 2 + e + 2);
        text.extend(rest[start..end].chars().filter(|&c| c == '\n'));
        rest = &rest[end..];
    }
    text.push_str(rest);

    let mut out = Vec::new();
    // The selector or at-rule of each open block.
    let mut blocks: Vec<String> = Vec::new();
    let mut print_depth: Option<usize> = None;
    let mut line = 1;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '\n' => {
                line += 1;
                current.push(' ');
            }
            '{' => {
                let head = current.split_whitespace().collect::<Vec<_>>().join(" ");
                if print_depth.is_none()
                    && head.strip_prefix("@media").map(str::trim) == Some("print")
                {
                    print_depth = Some(blocks.len());
                }
                blocks.push(head);
                current.clear();
            }
            '}' | ';' => {
                if let (None, Some((property, value))) = (print_depth, current.split_once(':')) {
                    let value = value.trim();
                    out.push(Declaration {
                        line,
                        selector: blocks.last().cloned().unwrap_or_default(),
                        property: property.trim().to_owned(),
                        value: value
                            .strip_suffix("!important")
                            .unwrap_or(value)
                            .trim()
                            .to_owned(),
                    });
                }
                current.clear();
                if c == '}' {
                    blocks.pop();
                    if print_depth == Some(blocks.len()) {
                        print_depth = None;
                    }
                }
            }
            _ => current.push(c),
        }
    }
    out
}

/// Whether a declaration keeps to the type scale.
fn on_scale(d: &Declaration) -> bool {
    let from_scale = d.value.starts_with("var(--text-") || d.value == "inherit";
    match d.property.as_str() {
        "font-size" => from_scale || EXEMPT.contains(&(d.selector.as_str(), d.value.as_str())),
        // The shorthand sets a size too: it takes one from the scale, or inherits all.
        "font" => d.value == "inherit" || d.value.contains("var(--text-"),
        "font-weight" => matches!(
            d.value.as_str(),
            "400" | "700" | "normal" | "bold" | "inherit"
        ),
        _ => true,
    }
}

#[test]
fn screen_font_sizes_and_weights_come_from_the_type_scale() {
    let root = read_repo_file("style/main.css");
    for size in [
        "--text-small",
        "--text-secondary",
        "--text-body",
        "--text-heading",
        "--text-title",
    ] {
        assert!(
            root.contains(&format!("{size}:")),
            "style/main.css declares no {size}"
        );
    }
    let sheets = sheets();
    assert!(sheets.len() >= 3, "only {sheets:?} under style/");
    let mut off_scale = Vec::new();
    for sheet in &sheets {
        for d in screen_declarations(&read_repo_file(sheet)) {
            if !on_scale(&d) {
                off_scale.push(format!(
                    "{sheet}:{}: {} {{ {}: {} }}",
                    d.line, d.selector, d.property, d.value
                ));
            }
        }
    }
    assert!(
        off_scale.is_empty(),
        "screen rules off the type scale (use var(--text-…), weights 400 or 700):\n{}",
        off_scale.join("\n")
    );
}

#[test]
fn the_check_sees_a_size_of_its_own_and_skips_print() {
    let css = "/* a { font-size: 0.9rem } /*/\n.a:hover { font-size: 0.9rem !important; }\n\
               .b { font-weight: 600 }\n@media print { .c { font-size: 9pt; } }\n\
               @media (max-width: 640px) { .d { font: 0.85rem monospace; font-size: var(--text-small); } }\n\
               .e { font-size: 1.25em; } .trend-chart svg { font-size: 11px; } .f { font-size: 11px; }";
    let off: Vec<String> = screen_declarations(css)
        .into_iter()
        .filter(|d| !on_scale(d))
        .map(|d| format!("{} {} {}: {}", d.line, d.selector, d.property, d.value))
        .collect();
    assert_eq!(
        off,
        [
            "2 .a:hover font-size: 0.9rem",
            "3 .b font-weight: 600",
            "5 .d font: 0.85rem monospace",
            "6 .e font-size: 1.25em",
            "6 .f font-size: 11px",
        ]
    );
}
