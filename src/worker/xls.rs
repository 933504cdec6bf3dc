//! What calamine 0.38 does not report of an `.xls` sheet: the places of numbers shown as
//! percentages. calamine reads the cell formats of an `.xls` only to tell dates, so this
//! reads them again from the file: the compound file's `Workbook` stream (a small
//! reader of the compound file: header, sector allocation table, directory, mini
//! stream), then its BIFF8 records: `FORMAT` (0x041E, a number format's code), `XF`
//! (0x00E0, a cell format and the number format it uses), `BoundSheet8` (0x0085, where
//! each sheet's records start) and, in the sheet, the cell records that carry a number
//! and their format's index: `NUMBER` (0x0203), `RK` (0x027E), `MULRK` (0x00BD) and
//! `FORMULA` (0x0006). A number format is a percentage by
//! `core::import::sheet::is_percent_format`; Excel's built-in formats 9 (`0%`) and 10
//! (`0.00%`) are too.
//!
//! Places are the file's own (0-based row and column), as calamine gives them.
//! Anything unreadable gives no places: the sheet still reads without them.

use std::collections::BTreeMap;

use crate::core::import::sheet::is_percent_format;

/// Places of the cells of sheet `sheet` (0 is the first) of an `.xls` file whose
/// number format is a percentage; empty when the file cannot be read this way.
pub fn xls_percents(bytes: &[u8], sheet: usize) -> Vec<[u32; 2]> {
    workbook_stream(bytes)
        .and_then(|stream| percents_in_workbook(&stream, sheet))
        .unwrap_or_default()
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

fn index(n: u32) -> Option<usize> {
    usize::try_from(n).ok()
}

/// Sector numbers at and above this one end a chain or mark a free sector.
const MAX_SECTOR: u32 = 0xFFFF_FFFA;

/// A compound file (MS-CFB) opened just enough to read one stream.
struct Compound<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl<'a> Compound<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        if bytes.get(..8)? != [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            return None;
        }
        let shift = u16_at(bytes, 0x1E)?;
        if !(7..=16).contains(&shift) {
            return None;
        }
        let sector = 1usize.checked_shl(u32::from(shift))?;
        let mut compound = Compound {
            bytes,
            sector,
            fat: Vec::new(),
        };
        // The sectors of the allocation table: 109 in the header, the rest in a chain
        // of DIFAT sectors (each ends with the number of the next).
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(bytes, 0x4C + i * 4))
            .filter(|&s| s < MAX_SECTOR)
            .collect();
        let mut difat = u32_at(bytes, 0x44)?;
        let per_sector = sector / 4;
        let mut guard = 0usize;
        while difat < MAX_SECTOR && guard < bytes.len() / sector {
            let data = compound.sector_data(difat)?;
            for i in 0..per_sector.saturating_sub(1) {
                fat_sectors.extend(u32_at(data, i * 4).filter(|&s| s < MAX_SECTOR));
            }
            difat = u32_at(data, per_sector.saturating_sub(1) * 4)?;
            guard = guard.saturating_add(1);
        }
        let mut fat = Vec::new();
        for s in fat_sectors {
            let data = compound.sector_data(s)?;
            fat.extend((0..per_sector).filter_map(|i| u32_at(data, i * 4)));
        }
        compound.fat = fat;
        Some(compound)
    }

    fn sector_data(&self, n: u32) -> Option<&'a [u8]> {
        let start = index(n)?.checked_add(1)?.checked_mul(self.sector)?;
        self.bytes.get(start..start.checked_add(self.sector)?)
    }

    /// The bytes of the chain of sectors from `first`, cut to `size`.
    fn chain(&self, first: u32, size: usize) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(size.min(self.bytes.len()));
        let mut s = first;
        let mut steps = 0usize;
        while s < MAX_SECTOR && out.len() < size {
            out.extend_from_slice(self.sector_data(s)?);
            s = *self.fat.get(index(s)?)?;
            steps = steps.saturating_add(1);
            if steps > self.fat.len() {
                return None; // a loop
            }
        }
        out.truncate(size);
        Some(out)
    }
}

/// The `Workbook` (or, in older files, `Book`) stream of a compound file.
fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let cf = Compound::open(bytes)?;
    let directory = cf.chain(u32_at(bytes, 0x30)?, usize::MAX)?;
    let entry =
        |i: usize| directory.get(i.checked_mul(128)?..i.checked_mul(128)?.checked_add(128)?);
    let name_of = |e: &[u8]| -> Option<String> {
        let len = usize::from(u16_at(e, 0x40)?).min(64);
        let units: Vec<u16> = (0..len / 2).filter_map(|i| u16_at(e, i * 2)).collect();
        Some(
            String::from_utf16_lossy(&units)
                .trim_end_matches('\0')
                .to_string(),
        )
    };
    let root = entry(0)?;
    let found = (1..directory.len() / 128).filter_map(entry).find(|e| {
        e.get(0x42) == Some(&2) && name_of(e).is_some_and(|n| n == "Workbook" || n == "Book")
    })?;
    let start = u32_at(found, 0x74)?;
    let size = index(u32_at(found, 0x78)?)?.min(bytes.len());
    let cutoff = index(u32_at(bytes, 0x38)?)?;
    if size >= cutoff {
        return cf.chain(start, size);
    }
    // A small stream lives in the mini stream (the root entry's chain), in 64-byte
    // sectors chained by the mini allocation table.
    let mini_stream = cf.chain(u32_at(root, 0x74)?, index(u32_at(root, 0x78)?)?)?;
    let mini_fat_bytes = cf.chain(u32_at(bytes, 0x3C)?, usize::MAX)?;
    let mini_fat: Vec<u32> = (0..mini_fat_bytes.len() / 4)
        .filter_map(|i| u32_at(&mini_fat_bytes, i * 4))
        .collect();
    let mut out = Vec::with_capacity(size);
    let mut s = start;
    let mut steps = 0usize;
    while s < MAX_SECTOR && out.len() < size {
        let at = index(s)?.checked_mul(64)?;
        out.extend_from_slice(mini_stream.get(at..at.checked_add(64)?)?);
        s = *mini_fat.get(index(s)?)?;
        steps = steps.saturating_add(1);
        if steps > mini_fat.len() {
            return None;
        }
    }
    out.truncate(size);
    Some(out)
}

/// The BIFF records of a stream from `at`: (type, data), until the stream ends or a
/// record runs past it.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> + '_ {
    let mut pos = at;
    std::iter::from_fn(move || {
        let typ = u16_at(stream, pos)?;
        let len = usize::from(u16_at(stream, pos.checked_add(2)?)?);
        let start = pos.checked_add(4)?;
        let data = stream.get(start..start.checked_add(len)?)?;
        pos = start.checked_add(len)?;
        Some((typ, data))
    })
}

/// The code of a `FORMAT` record: BIFF8 (a 16-bit length, a flag byte, then Latin-1 or
/// UTF-16 characters) or BIFF5 (an 8-bit length and bytes).
fn format_code(data: &[u8], biff8: bool) -> Option<String> {
    if biff8 {
        let len = usize::from(u16_at(data, 2)?);
        let wide = data.get(4)? & 1 == 1;
        let chars = data.get(5..)?;
        Some(if wide {
            let units: Vec<u16> = (0..len).filter_map(|i| u16_at(chars, i * 2)).collect();
            String::from_utf16_lossy(&units)
        } else {
            chars.iter().take(len).map(|&b| char::from(b)).collect()
        })
    } else {
        let len = usize::from(*data.get(2)?);
        Some(
            data.get(3..)?
                .iter()
                .take(len)
                .map(|&b| char::from(b))
                .collect(),
        )
    }
}

/// Excel's built-in number formats that are percentages: 9 `0%` and 10 `0.00%`.
fn builtin_percent(ifmt: u16) -> bool {
    matches!(ifmt, 9 | 10)
}

/// The percentage places of sheet `sheet` of a workbook stream.
fn percents_in_workbook(stream: &[u8], sheet: usize) -> Option<Vec<[u32; 2]>> {
    let mut formats: BTreeMap<u16, String> = BTreeMap::new();
    let mut xfs: Vec<u16> = Vec::new();
    let mut sheets: Vec<usize> = Vec::new();
    let mut biff8 = true;
    for (typ, data) in records(stream, 0) {
        match typ {
            // BOF: the version (0x0600 is BIFF8).
            0x0809 => biff8 = u16_at(data, 0)? == 0x0600,
            0x041E => {
                if let Some(code) = format_code(data, biff8) {
                    formats.insert(u16_at(data, 0)?, code);
                }
            }
            0x00E0 => xfs.push(u16_at(data, 2)?),
            0x0085 => sheets.push(index(u32_at(data, 0)?)?),
            0x000A => break,
            _ => {}
        }
    }
    let percent_xf: Vec<bool> = xfs
        .iter()
        .map(|ifmt| match formats.get(ifmt) {
            Some(code) => is_percent_format(code),
            None => builtin_percent(*ifmt),
        })
        .collect();
    if !percent_xf.contains(&true) {
        return Some(Vec::new());
    }
    let is_percent = |xf: u16| percent_xf.get(usize::from(xf)).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut depth = 0usize;
    for (typ, data) in records(stream, *sheets.get(sheet)?) {
        match typ {
            0x0809 => {
                depth = depth.saturating_add(1);
                continue;
            }
            0x000A => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
                continue;
            }
            _ if depth != 1 => continue, // an embedded chart's records
            _ => {}
        }
        let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else {
            continue;
        };
        match typ {
            0x0203 | 0x027E | 0x0006 if u16_at(data, 4).is_some_and(is_percent) => {
                out.push([u32::from(row), u32::from(col)]);
            }
            // MULRK: row, first column, (format, RK number) each, last column.
            0x00BD => {
                let count = data.len().saturating_sub(6) / 6;
                for i in 0..count {
                    if u16_at(data, 4 + i * 6).is_some_and(is_percent) {
                        let c = u32::from(col).saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
                        out.push([u32::from(row), c]);
                    }
                }
            }
            _ => {}
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A BIFF record of type `typ` with `data`.
    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend(u16::try_from(data.len()).expect("short").to_le_bytes());
        out.extend(data);
        out
    }

    /// A cell record's first six bytes: row, column, format.
    fn cell(row: u16, col: u16, xf: u16) -> Vec<u8> {
        [row.to_le_bytes(), col.to_le_bytes(), xf.to_le_bytes()].concat()
    }

    /// A workbook stream: globals with a custom format 164 `0.0%`, XFs 0 general, 1
    /// built-in 9 `0%`, 2 custom 164, 3 built-in 4 `#,##0.00`; one sheet whose cells
    /// use them, and an embedded chart whose records are not the sheet's.
    fn stream() -> Vec<u8> {
        let bof = rec(0x0809, &[0x00, 0x06, 0x05, 0x00]);
        let mut globals = bof.clone();
        globals.extend(rec(0x041E, &[164, 0, 4, 0, 0, b'0', b'.', b'0', b'%']));
        for ifmt in [0u16, 9, 164, 4] {
            globals.extend(rec(0x00E0, &[[0, 0], ifmt.to_le_bytes()].concat()));
        }
        let sheet_at_placeholder = globals.len();
        globals.extend(rec(0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
        globals.extend(rec(0x000A, &[]));
        let sheet_at = u32::try_from(globals.len()).expect("small");
        globals
            .get_mut(sheet_at_placeholder + 4..sheet_at_placeholder + 8)
            .expect("bound sheet")
            .copy_from_slice(&sheet_at.to_le_bytes());
        let mut s = globals;
        s.extend(bof.clone());
        s.extend(rec(0x0203, &[cell(1, 2, 1), vec![0; 8]].concat())); // NUMBER 0%
        s.extend(rec(0x027E, &[cell(1, 3, 3), vec![0; 4]].concat())); // RK #,##0.00
        s.extend(rec(0x0006, &[cell(2, 0, 2), vec![0; 14]].concat())); // FORMULA 0.0%
                                                                       // MULRK row 3, columns 4-6: formats 0, 2, 1.
        let mut mulrk = cell(3, 4, 0);
        mulrk.extend([0u8; 4]);
        for xf in [2u16, 1] {
            mulrk.extend(xf.to_le_bytes());
            mulrk.extend([0u8; 4]);
        }
        mulrk.extend(6u16.to_le_bytes());
        s.extend(rec(0x00BD, &mulrk));
        s.extend(bof);
        s.extend(rec(0x0203, &[cell(9, 9, 1), vec![0; 8]].concat())); // the chart's
        s.extend(rec(0x000A, &[]));
        s.extend(rec(0x0203, &[cell(4, 0, 2), vec![0; 8]].concat()));
        s.extend(rec(0x000A, &[]));
        s
    }

    #[test]
    fn percent_formats_are_found_by_the_cells_format_index() {
        let got = percents_in_workbook(&stream(), 0).expect("reads");
        assert_eq!(got, [[1, 2], [2, 0], [3, 5], [3, 6], [4, 0]]);
        assert_eq!(percents_in_workbook(&stream(), 1), None);
    }

    #[test]
    fn broken_input_gives_no_places() {
        assert_eq!(xls_percents(b"", 0), Vec::<[u32; 2]>::new());
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.resize(4096, 0xFF);
        assert_eq!(xls_percents(&ole, 0), Vec::<[u32; 2]>::new());
        let cut = stream();
        assert_eq!(
            percents_in_workbook(cut.get(..cut.len() - 7).expect("cut"), 0),
            Some(vec![[1, 2], [2, 0], [3, 5], [3, 6]])
        );
    }
}
