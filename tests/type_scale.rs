//! The stylesheets keep to the screen's type scale (`style/main.css`, `:root`): every
//! `rem` font size on screen is one of the `--text-*` sizes, and the only weights are 400
//! and 700. Each size, weight and style on the first screen is one more font the browser
//! sets up before that screen's first frame (README, "What the first view costs"), so a
//! rule of its own size or weight costs the first view; the end-to-end test
//! `tests/e2e/first-view.test.mjs` counts the fonts the first screen draws.
//! Print rules (`@media print`) set their own sizes, in points.

mod util;

use util::read_repo_file;

const SHEETS: &[&str] = &["style/main.css", "style/layout.css", "style/first_hour.css"];

/// The declarations of `css` outside `@media print` blocks and comments, with the line
/// each stands on.
fn screen_declarations(css: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut text = String::new();
    // Comments out, line breaks kept, so the line numbers stay true.
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        let end = rest[start..]
            .find("*/")
            .map_or(rest.len(), |e| start + e + 2);
        text.extend(rest[start..end].chars().filter(|&c| c == '\n'));
        rest = &rest[end..];
    }
    text.push_str(rest);

    let mut depth = 0usize;
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
                if print_depth.is_none() && current.trim_start().starts_with("@media print") {
                    print_depth = Some(depth);
                }
                depth += 1;
                current.clear();
            }
            '}' | ';' => {
                if print_depth.is_none() && current.contains(':') {
                    out.push((line, current.trim().to_owned()));
                }
                current.clear();
                if c == '}' {
                    depth = depth.saturating_sub(1);
                    if print_depth == Some(depth) {
                        print_depth = None;
                    }
                }
            }
            _ => current.push(c),
        }
    }
    out
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
    let mut off_scale = Vec::new();
    for sheet in SHEETS {
        for (line, declaration) in screen_declarations(&read_repo_file(sheet)) {
            let Some((property, value)) = declaration.split_once(':') else {
                continue;
            };
            let (property, value) = (property.trim(), value.trim());
            let wrong = match property {
                "font-size" => value.ends_with("rem") || value.ends_with("pt"),
                "font-weight" => !matches!(value, "400" | "700" | "normal" | "bold" | "inherit"),
                _ => false,
            };
            if wrong {
                off_scale.push(format!("{sheet}:{line}: {property}: {value}"));
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
    let css = "/* a { font-size: 0.9rem } */\n.a { font-size: 0.9rem; }\n.b { font-weight: 600 }\n\
               @media print { .c { font-size: 9pt; } }\n.d { font-size: var(--text-small); }";
    let found: Vec<String> = screen_declarations(css)
        .into_iter()
        .filter(|(_, d)| d.starts_with("font"))
        .map(|(line, d)| format!("{line} {d}"))
        .collect();
    assert_eq!(
        found,
        [
            "2 font-size: 0.9rem",
            "3 font-weight: 600",
            "5 font-size: var(--text-small)"
        ]
    );
}
