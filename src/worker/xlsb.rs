//! What calamine 0.38 does not report of an `.xlsb` sheet: the places of numbers shown
//! as percentages. calamine reads the styles of an `.xlsb` only to tell dates, so this
//! reads them again from the archive, with the zip and XML readers calamine uses: the
//! styles part `xl/styles.bin` (`BrtFmt` 0x002C, a number format's code; the cell
//! formats `BrtXF` 0x002F between `BrtBeginCellXFs` 0x0269 and `BrtEndCellXFs` 0x026A,
//! each naming its number format), the sheet's part (found as calamine finds it: the
//! workbook's `BrtBundleSh` 0x009C records, in order, and their relationship targets in
//! `xl/_rels/workbook.bin.rels`), and in it the rows (`BrtRowHdr` 0x0000) and the cells
//! that carry a number with their cell format's index (`BrtCellRk` 0x0002,
//! `BrtCellReal` 0x0005, `BrtFmlaNum` 0x0009). A number format is a percentage by
//! `core::import::sheet::is_percent_format`; Excel's built-in formats 9 (`0%`) and 10
//! (`0.00%`) are too.
//!
//! Places are the file's own (0-based row and column), as calamine gives them.
//! Anything unreadable gives no places: the sheet still reads without them.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use crate::core::import::sheet::is_percent_format;

/// Largest part read (the file itself is at most 20 MB).
const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;

/// Places of the cells of sheet `sheet` (0 is the first) of an `.xlsb` file whose
/// number format is a percentage; empty when the file cannot be read this way.
pub fn xlsb_percents(bytes: &[u8], sheet: usize) -> Vec<[u32; 2]> {
    read(bytes, sheet).unwrap_or_default()
}

fn read(bytes: &[u8], sheet: usize) -> Option<Vec<[u32; 2]>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut part = |name: &str| -> Option<Vec<u8>> {
        let mut out = Vec::new();
        zip.by_name(name)
            .ok()?
            .take(MAX_PART_BYTES)
            .read_to_end(&mut out)
            .ok()?;
        Some(out)
    };
    let percent_xf = percent_formats(&part("xl/styles.bin")?);
    if !percent_xf.contains(&true) {
        return Some(Vec::new());
    }
    let targets = relationships(&part("xl/_rels/workbook.bin.rels")?);
    let path = sheet_paths(&part("xl/workbook.bin")?, &targets)
        .into_iter()
        .nth(sheet)?;
    Some(percents_in_sheet(&part(&path)?, &percent_xf))
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

/// The records of a binary part: (type, data). A record's type is one or two bytes and
/// its size one to four, seven bits each, the high bit saying another byte follows.
fn records(part: &[u8]) -> impl Iterator<Item = (u16, &[u8])> + '_ {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let mut typ = 0u16;
        for shift in [0u32, 7] {
            let b = *part.get(pos)?;
            pos = pos.checked_add(1)?;
            typ |= u16::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        let mut size = 0usize;
        for shift in [0u32, 7, 14, 21] {
            let b = *part.get(pos)?;
            pos = pos.checked_add(1)?;
            size |= usize::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        let data = part.get(pos..pos.checked_add(size)?)?;
        pos = pos.checked_add(size)?;
        Some((typ, data))
    })
}

/// An `XLWideString` at `at`: a 32-bit count of UTF-16 units, then the units.
fn wide_string(data: &[u8], at: usize) -> Option<(String, usize)> {
    let len = usize::try_from(u32_at(data, at)?).ok()?;
    let start = at.checked_add(4)?;
    let end = start.checked_add(len.checked_mul(2)?)?;
    let units: Vec<u16> = (start..end)
        .step_by(2)
        .map(|i| u16_at(data, i))
        .collect::<Option<_>>()?;
    Some((String::from_utf16_lossy(&units), end))
}

/// For each cell format of a styles part, in order, whether its number format is a
/// percentage.
fn percent_formats(styles: &[u8]) -> Vec<bool> {
    let mut codes: BTreeMap<u16, String> = BTreeMap::new();
    let mut xfs: Vec<u16> = Vec::new();
    let mut in_cell_xfs = false;
    for (typ, data) in records(styles) {
        match typ {
            0x002C => {
                if let (Some(ifmt), Some((code, _))) = (u16_at(data, 0), wide_string(data, 2)) {
                    codes.insert(ifmt, code);
                }
            }
            0x0269 => in_cell_xfs = true,
            0x026A => break,
            0x002F if in_cell_xfs => xfs.extend(u16_at(data, 2)),
            _ => {}
        }
    }
    xfs.iter()
        .map(|ifmt| match codes.get(ifmt) {
            Some(code) => is_percent_format(code),
            None => matches!(ifmt, 9 | 10),
        })
        .collect()
}

/// Relationship id → target, from `xl/_rels/workbook.bin.rels`.
fn relationships(xml: &[u8]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let mut id = None;
                let mut target = None;
                for a in e.attributes().flatten() {
                    let value = a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .ok()
                        .map(|v| v.into_owned());
                    match a.key.as_ref() {
                        "Id" => id = value,
                        "Target" => target = value,
                        _ => {}
                    }
                }
                if let (Some(id), Some(target)) = (id, target) {
                    out.insert(id, target);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// The paths of the sheets' parts, in the workbook's order (as calamine lists them:
/// every `BrtBundleSh` with a relationship id).
fn sheet_paths(workbook: &[u8], targets: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    for (typ, data) in records(workbook) {
        match typ {
            0x009C => {
                // hsState, iTabID, then the relationship id (0xFFFFFFFF: none).
                if u32_at(data, 8) == Some(u32::MAX) {
                    continue;
                }
                let Some((id, _)) = wide_string(data, 8) else {
                    continue;
                };
                if let Some(target) = targets.get(&id) {
                    out.push(match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_string(),
                        None => format!("xl/{target}"),
                    });
                }
            }
            0x0090 => break, // BrtEndBundleShs
            _ => {}
        }
    }
    out
}

/// The places of a sheet part's number cells whose cell format is a percentage.
fn percents_in_sheet(sheet: &[u8], percent_xf: &[bool]) -> Vec<[u32; 2]> {
    let mut out = Vec::new();
    let mut row = 0u32;
    for (typ, data) in records(sheet) {
        match typ {
            0x0000 => row = u32_at(data, 0).unwrap_or(row),
            0x0002 | 0x0005 | 0x0009 => {
                let (Some(col), Some(style)) = (u32_at(data, 0), u32_at(data, 4)) else {
                    continue;
                };
                let xf = usize::try_from(style & 0x00FF_FFFF).unwrap_or(usize::MAX);
                if percent_xf.get(xf).copied().unwrap_or(false) {
                    out.push([row, col]);
                }
            }
            0x0092 => break, // BrtEndSheetData
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One record: type and size as seven-bit groups, then the data.
    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut push = |mut n: usize, max: usize| {
            for _ in 0..max {
                let more = n > 0x7F;
                out.push(u8::try_from(n & 0x7F).expect("7 bits") | if more { 0x80 } else { 0 });
                n >>= 7;
                if !more {
                    break;
                }
            }
        };
        push(usize::from(typ), 2);
        push(data.len(), 4);
        out.extend(data);
        out
    }

    fn wide(s: &str) -> Vec<u8> {
        let units: Vec<u16> = s.encode_utf16().collect();
        let mut out = u32::try_from(units.len())
            .expect("short")
            .to_le_bytes()
            .to_vec();
        out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        out
    }

    fn xf(ifmt: u16) -> Vec<u8> {
        [vec![0, 0], ifmt.to_le_bytes().to_vec(), vec![0; 12]].concat()
    }

    #[test]
    fn cell_formats_say_which_are_percentages() {
        let mut styles = rec(0x0267, &1u32.to_le_bytes());
        styles.extend(rec(
            0x002C,
            &[167u16.to_le_bytes().to_vec(), wide("0.0%")].concat(),
        ));
        // A cell style's format (before the cell formats) is not a cell's.
        styles.extend(rec(0x0272, &1u32.to_le_bytes()));
        styles.extend(rec(0x002F, &xf(9)));
        styles.extend(rec(0x0273, &[]));
        styles.extend(rec(0x0269, &4u32.to_le_bytes()));
        for ifmt in [0u16, 9, 167, 10] {
            styles.extend(rec(0x002F, &xf(ifmt)));
        }
        styles.extend(rec(0x026A, &[]));
        let percent = percent_formats(&styles);
        assert_eq!(percent, [false, true, true, true]);
        // Rows and cells: a real number in format 1 (row 2, column 3), an RK number in
        // format 0, a formula's number in format 2 with a flag in the style's high byte,
        // a cell past the sheet data.
        let cell = |col: u32, style: u32| [col.to_le_bytes(), style.to_le_bytes()].concat();
        let mut sheet = rec(0x0000, &2u32.to_le_bytes());
        sheet.extend(rec(0x0005, &[cell(3, 1), vec![0; 8]].concat()));
        sheet.extend(rec(0x0002, &[cell(4, 0), vec![0; 4]].concat()));
        sheet.extend(rec(0x0000, &7u32.to_le_bytes()));
        sheet.extend(rec(0x0009, &[cell(0, 0x0100_0002), vec![0; 10]].concat()));
        sheet.extend(rec(0x0092, &[]));
        sheet.extend(rec(0x0005, &[cell(9, 1), vec![0; 8]].concat()));
        assert_eq!(percents_in_sheet(&sheet, &percent), [[2, 3], [7, 0]]);
    }

    #[test]
    fn sheets_are_found_in_the_workbooks_order() {
        let targets = relationships(
            br#"<Relationships xmlns="x"><Relationship Id="rId2" Target="worksheets/sheet2.bin"/>
            <Relationship Id="rId1" Target="/xl/worksheets/sheet1.bin"/></Relationships>"#,
        );
        let bundle = |rel: &str, name: &str| [vec![0; 8], wide(rel), wide(name)].concat();
        let mut workbook = rec(0x009C, &bundle("rId2", "Hai"));
        workbook.extend(rec(
            0x009C,
            &[vec![0; 8], vec![0xFF; 4], wide("X")].concat(),
        ));
        workbook.extend(rec(0x009C, &bundle("rId1", "Một")));
        workbook.extend(rec(0x0090, &[]));
        assert_eq!(
            sheet_paths(&workbook, &targets),
            ["xl/worksheets/sheet2.bin", "xl/worksheets/sheet1.bin"]
        );
    }

    #[test]
    fn broken_input_gives_no_places() {
        assert_eq!(xlsb_percents(b"", 0), Vec::<[u32; 2]>::new());
        assert_eq!(xlsb_percents(b"PK\x03\x04", 0), Vec::<[u32; 2]>::new());
        // A record whose size runs past the part ends the records.
        assert_eq!(records(&[0x05, 0x7F, 0x00]).count(), 0);
        assert_eq!(percent_formats(&[0xFF, 0xFF, 0xFF]), Vec::<bool>::new());
    }
}
