//! Byte codecs for share links, written by hand so the app needs no compression crate:
//! a small LZ77 compressor and base64url without padding.
//!
//! Compressed format (version 1 of the share link; changing it means a new link
//! version): a LEB128 varint with the uncompressed length, then sequences until the
//! input ends. A sequence is a token byte (high nibble: literal count, low nibble: match
//! length − [`MIN_MATCH`]; 15 in a nibble means "15 plus a varint that follows"), the
//! literal count's extension, the literals, and then, unless the input ends right after
//! the literals, a varint distance back into the output (1 or more) and the match
//! length's extension. Matches may overlap their own output (a run).
//!
//! [`decompress`] is bounded whatever its input: it refuses a declared length above its
//! cap before doing any work, never writes past the declared length, and spends time in
//! proportion to input plus output. Pure: no I/O.

use std::fmt;

/// Shortest match worth coding (a token plus a one-byte distance).
pub const MIN_MATCH: usize = 3;
/// How many earlier positions with the same 3-byte prefix are tried per byte.
const CHAIN_LIMIT: usize = 64;
const HASH_BITS: u32 = 12;

/// Why compressed bytes could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecompressError {
    /// The declared or actual output is larger than the cap.
    TooLarge {
        /// The cap, in bytes.
        cap: usize,
    },
    /// The stream is cut short or inconsistent.
    Corrupt,
}

impl fmt::Display for DecompressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecompressError::TooLarge { cap } => write!(f, "expands past {cap} bytes"),
            DecompressError::Corrupt => write!(f, "corrupt compressed data"),
        }
    }
}

fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = u8::try_from(n & 0x7f).unwrap_or(0);
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Reads a varint at `*pos`; `None` when cut short or longer than 4 bytes (no length in
/// a link needs more than 28 bits).
fn read_varint(input: &[u8], pos: &mut usize) -> Option<usize> {
    let mut n = 0usize;
    for shift in [0u32, 7, 14, 21] {
        let b = *input.get(*pos)?;
        *pos += 1;
        n |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

fn nibble(n: usize) -> u8 {
    u8::try_from(n.min(15)).unwrap_or(15)
}

fn hash3(bytes: &[u8], at: usize) -> Option<usize> {
    let a = u32::from(*bytes.get(at)?);
    let b = u32::from(*bytes.get(at + 1)?);
    let c = u32::from(*bytes.get(at + 2)?);
    let h = ((a << 16) | (b << 8) | c).wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS);
    usize::try_from(h).ok()
}

fn match_len(bytes: &[u8], earlier: usize, at: usize) -> usize {
    let tail = bytes.get(at..).unwrap_or(&[]);
    let from = bytes.get(earlier..).unwrap_or(&[]);
    tail.iter().zip(from).take_while(|(x, y)| x == y).count()
}

fn write_sequence(out: &mut Vec<u8>, literals: &[u8], matched: Option<(usize, usize)>) {
    let lit = literals.len();
    let mlen = matched.map_or(0, |(_, len)| len - MIN_MATCH);
    out.push((nibble(lit) << 4) | nibble(mlen));
    if lit >= 15 {
        push_varint(out, lit - 15);
    }
    out.extend_from_slice(literals);
    if let Some((distance, _)) = matched {
        push_varint(out, distance);
        if mlen >= 15 {
            push_varint(out, mlen - 15);
        }
    }
}

/// Longest earlier match for the bytes at `at`: (distance, length).
fn longest(bytes: &[u8], head: &[usize], prev: &[usize], at: usize) -> (usize, usize) {
    let mut best = (0usize, 0usize);
    let Some(h) = hash3(bytes, at) else {
        return best;
    };
    let mut candidate = head.get(h).copied().unwrap_or(usize::MAX);
    for _ in 0..CHAIN_LIMIT {
        if candidate >= at {
            break;
        }
        let len = match_len(bytes, candidate, at);
        if len > best.1 {
            best = (at - candidate, len);
        }
        candidate = prev.get(candidate).copied().unwrap_or(usize::MAX);
    }
    best
}

fn insert(bytes: &[u8], head: &mut [usize], prev: &mut [usize], at: usize) {
    if let Some(h) = hash3(bytes, at) {
        if let (Some(slot), Some(link)) = (head.get_mut(h), prev.get_mut(at)) {
            *link = *slot;
            *slot = at;
        }
    }
}

/// Compresses `bytes`: LZ77 over the whole input with hash chains and one step of lazy
/// matching (a match is put off by one byte when the next one is longer).
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 2 + 8);
    push_varint(&mut out, bytes.len());
    let mut head = vec![usize::MAX; 1 << HASH_BITS];
    let mut prev = vec![usize::MAX; bytes.len()];
    let mut literal_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let best = longest(bytes, &head, &prev, at);
        insert(bytes, &mut head, &mut prev, at);
        if best.1 < MIN_MATCH || longest(bytes, &head, &prev, at + 1).1 > best.1 {
            at += 1;
            continue;
        }
        let literals = bytes.get(literal_start..at).unwrap_or(&[]);
        write_sequence(&mut out, literals, Some(best));
        for p in at + 1..at + best.1 {
            insert(bytes, &mut head, &mut prev, p);
        }
        at += best.1;
        literal_start = at;
    }
    let rest = bytes.get(literal_start..).unwrap_or(&[]);
    if !rest.is_empty() {
        write_sequence(&mut out, rest, None);
    }
    out
}

fn extended(input: &[u8], pos: &mut usize, n: usize) -> Option<usize> {
    if n == 15 {
        read_varint(input, pos)?.checked_add(15)
    } else {
        Some(n)
    }
}

/// Decompresses what [`compress`] wrote, refusing to produce more than `cap` bytes.
pub fn decompress(input: &[u8], cap: usize) -> Result<Vec<u8>, DecompressError> {
    let mut pos = 0;
    let declared = read_varint(input, &mut pos).ok_or(DecompressError::Corrupt)?;
    if declared > cap {
        return Err(DecompressError::TooLarge { cap });
    }
    let mut out: Vec<u8> = Vec::with_capacity(declared);
    while pos < input.len() {
        let token = *input.get(pos).ok_or(DecompressError::Corrupt)?;
        pos += 1;
        let lit =
            extended(input, &mut pos, usize::from(token >> 4)).ok_or(DecompressError::Corrupt)?;
        let end = pos.checked_add(lit).ok_or(DecompressError::Corrupt)?;
        let literals = input.get(pos..end).ok_or(DecompressError::Corrupt)?;
        if out.len() + lit > declared {
            return Err(DecompressError::Corrupt);
        }
        out.extend_from_slice(literals);
        pos = end;
        if pos == input.len() {
            break;
        }
        let distance = read_varint(input, &mut pos).ok_or(DecompressError::Corrupt)?;
        let mlen = extended(input, &mut pos, usize::from(token & 0x0f))
            .and_then(|n| n.checked_add(MIN_MATCH))
            .ok_or(DecompressError::Corrupt)?;
        if distance == 0 || distance > out.len() || out.len() + mlen > declared {
            return Err(DecompressError::Corrupt);
        }
        let from = out.len() - distance;
        for i in from..from + mlen {
            let b = *out.get(i).ok_or(DecompressError::Corrupt)?;
            out.push(b);
        }
    }
    if out.len() == declared {
        Ok(out)
    } else {
        Err(DecompressError::Corrupt)
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn symbol(six: u32) -> char {
    let i = usize::try_from(six & 0x3f).unwrap_or(0);
    ALPHABET.get(i).map_or('A', |&b| char::from(b))
}

/// Base64url (RFC 4648 §5) without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        let chars = chunk.len() + 1;
        for (k, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if k < chars {
                out.push(symbol(n >> shift));
            }
        }
    }
    out
}

fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Reads base64url without padding; `None` for any other character, an impossible
/// length, or stray bits in the last character (so every byte string has one spelling).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            let shift = 18 - 6 * u32::try_from(k).ok()?;
            n |= value_of(c)? << shift;
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        let produced = chunk.len() - 1;
        let leftover = match produced {
            1 => n & 0xffff,
            2 => n & 0xff,
            _ => 0,
        };
        if leftover != 0 {
            return None;
        }
        out.extend([b0, b1, b2].into_iter().take(produced));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn round_trip(bytes: &[u8]) {
        let packed = compress(bytes);
        assert_eq!(decompress(&packed, bytes.len()).unwrap(), bytes);
    }

    #[test]
    fn compress_round_trips() {
        round_trip(b"");
        round_trip(b"a");
        round_trip(b"abcabcabcabcabcabcabcabcabcabcabcabcabc");
        round_trip(&[0u8; 10_000]);
        round_trip("Kịch bản tăng trưởng cao, tăng trưởng cao".as_bytes());
        let mixed: Vec<u8> = (0..5000u32)
            .map(|i| u8::try_from(i * 7 % 251).unwrap())
            .collect();
        round_trip(&mixed);
    }

    #[test]
    fn compress_shrinks_repetition() {
        let text = "{\"indicator\":\"grdp_constant\",\"year\":2025},".repeat(20);
        assert!(compress(text.as_bytes()).len() * 10 < text.len());
    }

    #[test]
    fn e3_decompression_bomb_stops_at_the_cap() {
        // A tiny stream that declares and would build 1 MB of zeros.
        let mut bomb = Vec::new();
        push_varint(&mut bomb, 1_000_000);
        bomb.extend([0x1f, 0x00, 0x01]);
        push_varint(&mut bomb, 1_000_000 - 1 - 18);
        assert_eq!(
            decompress(&bomb, 65_536),
            Err(DecompressError::TooLarge { cap: 65_536 })
        );
        // A stream that lies about its length cannot write past what it declared.
        let mut liar = Vec::new();
        push_varint(&mut liar, 10);
        liar.extend([0x1f, 0x00, 0x01]);
        push_varint(&mut liar, 1_000_000);
        assert_eq!(decompress(&liar, 65_536), Err(DecompressError::Corrupt));
    }

    #[test]
    fn e3_corrupt_streams_are_typed() {
        assert_eq!(decompress(&[], 100), Err(DecompressError::Corrupt));
        assert_eq!(
            decompress(&[5, 0x50, b'a'], 100),
            Err(DecompressError::Corrupt)
        );
        // Distance reaching before the start.
        assert_eq!(
            decompress(&[6, 0x10, b'a', 9], 100),
            Err(DecompressError::Corrupt)
        );
        assert_eq!(
            decompress(&[6, 0x10, b'a', 0], 100),
            Err(DecompressError::Corrupt)
        );
        assert_eq!(
            decompress(&[0xff, 0xff, 0xff, 0xff, 0xff], 100),
            Err(DecompressError::Corrupt)
        );
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn e3_invalid_base64_is_refused() {
        for bad in ["Z", "Zm9v=", "Zm+v", "Zm/v", "Zh", "Zm9", "Zm 9v", "Ä"] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
    }
}
