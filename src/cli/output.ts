import type { Message } from '../core/errors.js';

/** Where the CLI writes; tests pass buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: only then is progress drawn. */
  interactive: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
};

/** Thai first, then English. */
export function bilingual(message: Message): string {
  return `${message.th} / ${message.en}`;
}

/** Width of a string on a terminal: Thai vowel and tone marks take no column. */
export function displayWidth(text: string): number {
  return text.replace(/\p{M}/gu, '').length;
}

/** Lays rows out in aligned columns (numbers right-aligned). */
export function formatTable(headers: string[], rows: string[][], numeric: boolean[] = []): string {
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const pad = (cell: string, i: number) => {
    const space = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell)));
    return numeric[i] ? space + cell : cell + space;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}

/** Draws a one-line progress indicator on an interactive terminal, at most five times a second. */
export function createProgress(io: Io, label: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (!io.interactive || (now - last < 200 && done < total)) return;
    last = now;
    const mb = (done / 1e6).toFixed(1);
    const share = total > 0 ? ` ${Math.floor((done / total) * 100)}%` : '';
    io.err(`\r${label}${share} (${mb} MB)${done >= total && total > 0 ? '\n' : ''}`);
  };
}
