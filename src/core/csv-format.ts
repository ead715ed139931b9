/** A cell a spreadsheet will not run as a formula (=, +, -, @, tab or CR first get a quote). */
export function guardCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV text of a header and rows, as spreadsheets in Thai offices read it: UTF-8 with a byte-order
 * mark, CRLF line ends, RFC 4180 quoting, and every cell guarded against formula injection.
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[] = [],
): string {
  const lines = [header, ...rows].map((fields) =>
    fields.map((f) => quoteField(guardCell(f))).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
