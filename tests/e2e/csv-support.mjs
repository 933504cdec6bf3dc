// Reading the CSV files the app downloads, in the end-to-end tests: a small RFC 4180
// reader (no library, so the tests check the files against the format itself).

/** A small RFC 4180 reader: fields quoted with "", "" inside quotes, CRLF or LF. */
export function parseCsv(text, delimiter) {
  const records = [];
  let record = [];
  let field = '';
  let started = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"' && field === '') {
      started = true;
      for (i += 1; ; i += 1) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (text[i] === '"') {
          break;
        } else {
          field += text[i];
        }
      }
      const next = text[i + 1];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (c === delimiter) {
      started = true;
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // the LF ends the record
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      started = false;
    } else {
      started = true;
      field += c;
    }
  }
  if (started || field !== '') {
    record.push(field);
    records.push(record);
  }
  return records;
}
