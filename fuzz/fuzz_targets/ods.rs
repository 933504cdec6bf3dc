//! An `.ods` file opened by a person: the sheet worker's reader of `content.xml`
//! (merged regions, percentage cells) and the whole sheet read. The first byte chooses
//! how the rest is fed: as the file's bytes, as the text of `content.xml`, or as the
//! `content.xml` of a well-formed zip (so the XML reader is reached behind the archive).
#![no_main]
use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use provincial_planner::worker::{
    ods::{marks_in_content, ods_marks},
    read_sheet,
};
use zip::write::{SimpleFileOptions, ZipWriter};
use zip::CompressionMethod;

/// A stored (uncompressed) `.ods` archive whose `content.xml` is `content`.
fn ods_zip(content: &[u8]) -> Option<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("mimetype", stored).ok()?;
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .ok()?;
    zip.start_file("content.xml", stored).ok()?;
    zip.write_all(content).ok()?;
    zip.start_file("META-INF/manifest.xml", stored).ok()?;
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    )
    .ok()?;
    zip.finish().ok().map(Cursor::into_inner)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let sheet = usize::from(mode >> 2);
    match mode & 3 {
        0 => {
            let _ = ods_marks(rest, sheet);
            let _ = read_sheet(rest, sheet);
        }
        1 => {
            let _ = marks_in_content(rest, sheet);
        }
        _ => {
            if let Some(file) = ods_zip(rest) {
                let _ = ods_marks(&file, sheet);
                let _ = read_sheet(&file, sheet);
            }
        }
    }
});
