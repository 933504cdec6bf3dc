//! A small reader of Rust source for the layer tests: the string literals of a file with
//! their line numbers, outside comments and outside items marked `#[cfg(test)]`.

/// One string literal: the line it starts on and its text (escapes left as written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    /// 1-based line.
    pub line: usize,
    /// The text between the quotes.
    pub text: String,
}

struct Reader {
    chars: Vec<char>,
    pos: usize,
    line: usize,
}

impl Reader {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn starts_with(&self, s: &str) -> bool {
        s.chars().enumerate().all(|(i, c)| self.peek(i) == Some(c))
    }

    fn ident_before(&self) -> bool {
        self.pos > 0
            && self
                .chars
                .get(self.pos - 1)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
    }

    fn skip_line_comment(&mut self) {
        while let Some(c) = self.peek(0) {
            if c == '\n' {
                return;
            }
            self.bump();
        }
    }

    fn skip_block_comment(&mut self) {
        let mut depth = 0;
        while self.peek(0).is_some() {
            if self.starts_with("/*") {
                depth += 1;
                self.bump();
                self.bump();
            } else if self.starts_with("*/") {
                depth -= 1;
                self.bump();
                self.bump();
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    /// A quoted string at `pos` (the opening quote), escapes honoured.
    fn quoted(&mut self) -> String {
        self.bump();
        let mut text = String::new();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    text.push(c);
                    if let Some(next) = self.bump() {
                        text.push(next);
                    }
                }
                '"' => break,
                _ => text.push(c),
            }
        }
        text
    }

    /// A raw string at `pos` (the `r`), `hashes` the number of `#`.
    fn raw(&mut self, hashes: usize) -> String {
        for _ in 0..hashes + 2 {
            self.bump();
        }
        let close: String = std::iter::once('"')
            .chain("#".repeat(hashes).chars())
            .collect();
        let mut text = String::new();
        while self.peek(0).is_some() {
            if self.starts_with(&close) {
                for _ in 0..close.chars().count() {
                    self.bump();
                }
                break;
            }
            text.extend(self.bump());
        }
        text
    }

    /// At `r`, `br` or `b`: the number of `#` of a raw string starting here, if one does.
    fn raw_hashes(&self) -> Option<usize> {
        let start = match (self.peek(0), self.peek(1)) {
            (Some('r'), _) => 1,
            (Some('b'), Some('r')) => 2,
            _ => return None,
        };
        let mut n = 0;
        while self.peek(start + n) == Some('#') {
            n += 1;
        }
        (self.peek(start + n) == Some('"')).then_some(n)
    }

    fn skip_char_or_lifetime(&mut self) {
        self.bump();
        match (self.peek(0), self.peek(1)) {
            (Some('\\'), _) => {
                self.bump();
                self.bump();
                while let Some(c) = self.bump() {
                    if c == '\'' {
                        break;
                    }
                }
            }
            (Some(_), Some('\'')) => {
                self.bump();
                self.bump();
            }
            _ => {}
        }
    }
}

/// The string literals of `source`, skipping comments (doc comments included) and every
/// item (module, function, impl) marked `#[cfg(test)]`.
pub fn string_literals(source: &str) -> Vec<Literal> {
    let mut r = Reader {
        chars: source.chars().collect(),
        pos: 0,
        line: 1,
    };
    let mut out = Vec::new();
    // Brace depth at which a `#[cfg(test)]` item's body started; its literals are dropped.
    let mut depth = 0usize;
    let mut skip_from: Option<usize> = None;
    let mut pending_test_item = false;
    while let Some(c) = r.peek(0) {
        if r.starts_with("//") {
            r.skip_line_comment();
        } else if r.starts_with("/*") {
            r.skip_block_comment();
        } else if r.starts_with("#[cfg(test)]") {
            pending_test_item = true;
            for _ in 0.."#[cfg(test)]".len() {
                r.bump();
            }
        } else if let Some(hashes) = (!r.ident_before()).then(|| r.raw_hashes()).flatten() {
            if r.peek(0) == Some('b') {
                r.bump();
            }
            let line = r.line;
            let text = r.raw(hashes);
            if skip_from.is_none() {
                out.push(Literal { line, text });
            }
        } else if c == '"' {
            let line = r.line;
            let text = r.quoted();
            if skip_from.is_none() {
                out.push(Literal { line, text });
            }
        } else if c == '\'' {
            r.skip_char_or_lifetime();
        } else {
            match c {
                '{' => {
                    if pending_test_item && skip_from.is_none() {
                        skip_from = Some(depth);
                    }
                    pending_test_item = false;
                    depth += 1;
                }
                '}' => {
                    depth = depth.saturating_sub(1);
                    if skip_from == Some(depth) {
                        skip_from = None;
                    }
                }
                ';' if pending_test_item && skip_from.is_none() => pending_test_item = false,
                _ => {}
            }
            r.bump();
        }
    }
    out
}
