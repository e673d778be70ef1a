/**
 * BENCHMARKS.md is shared by several writers: `npm run bench` (bench/report/markdown.ts),
 * bench/fused-run.ts (bench/report/fused.ts), and scripts or people that add sections of their
 * own (scripts/parse-bench.ts, scripts/bst-cost.ts). Each writer owns some `## ` sections, named
 * by their heading's start, and replaces only those: every other section stays verbatim and in
 * place. A writer that has no figures for one of its sections (a phase it did not run) keeps that
 * one too, and inside a table it can keep single rows (keepRow), so a partial run updates what it
 * measured and nothing else. Pure functions over markdown text.
 */

export interface Section {
  /** The heading's text, without the leading `## `. */
  heading: string;
  /** The whole section, from its heading line to the line before the next `## ` heading. */
  text: string;
}

export interface Doc {
  /** Everything before the first `## ` heading (the title and the note under it). */
  preamble: string;
  sections: Section[];
}

/** Splits at `## ` headings outside fenced code blocks; joining preamble and texts gives `md` back. */
export function splitSections(md: string): Doc {
  const lines = md.split(/(?<=\n)/);
  const doc: Doc = { preamble: '', sections: [] };
  let fence: string | null = null;
  for (const line of lines) {
    const f = /^\s*(```|~~~)/.exec(line)?.[1];
    if (f && (fence === null || f === fence)) fence = fence === null ? f : null;
    const heading = fence === null && !f ? /^## (.*?)\s*$/.exec(line) : null;
    if (heading) doc.sections.push({ heading: heading[1], text: line });
    else if (doc.sections.length > 0) doc.sections[doc.sections.length - 1].text += line;
    else doc.preamble += line;
  }
  return doc;
}

/**
 * One section a writer owns. `key` is how its heading starts (the rest of the heading may carry
 * figures that change from run to run). `text`: the new section, from its `## ` line on; null:
 * this run has nothing for it, keep the section as it is; '': remove it (e.g. "Errors in this
 * run" after a run without errors).
 */
export interface Owned {
  key: string;
  text: string | null;
}

const owns = (o: Owned, s: Section) => s.heading.startsWith(o.key);

/** What a merge wrote, and which owned sections it kept (null text) from the file before. */
export interface Merged {
  md: string;
  kept: string[];
}

/**
 * The new file: `preamble` (null: the old one; a function: given the keys of the owned sections
 * kept), then the old file's sections in their order, each
 * owned one replaced (or kept, or removed), each foreign one as it was. An owned section the old
 * file does not have goes after the owned section before it in `owned`'s order (first of all
 * owned ones: before the first owned section there is, else at the end).
 */
export function mergeSections(
  old: string,
  preamble: string | null | ((kept: string[]) => string),
  owned: Owned[],
): Merged {
  const doc = splitSections(old);
  const rendered = (o: Owned, before: Section | undefined): string => {
    if (o.text === null) return before ? ensureBreak(before.text) : '';
    if (o.text === '') return '';
    return ensureBreak(resolveKeptRows(o.text, before?.text));
  };
  const kept = new Set<string>();
  // One slot per old section; `o`: the owned section it is (a second one with the same key goes).
  const slots: { o?: number; text: string }[] = [];
  for (const s of doc.sections) {
    const i = owned.findIndex((o) => owns(o, s));
    if (i < 0) slots.push({ text: ensureBreak(s.text) });
    else if (!slots.some((x) => x.o === i)) {
      if (owned[i].text === null) kept.add(owned[i].key);
      slots.push({ o: i, text: rendered(owned[i], s) });
    }
  }
  owned.forEach((o, i) => {
    if (slots.some((x) => x.o === i)) return;
    let at = -1;
    for (let k = slots.length - 1; k >= 0 && at < 0; k--) if ((slots[k].o ?? i) < i) at = k + 1;
    if (at < 0) at = slots.findIndex((x) => x.o !== undefined);
    slots.splice(at < 0 ? slots.length : at, 0, { o: i, text: rendered(o, undefined) });
  });
  const body = slots.map((x) => x.text).join('');
  const head = typeof preamble === 'function' ? preamble([...kept]) : (preamble ?? doc.preamble);
  return {
    md: `${ensureBreak(head)}${body}`.trimEnd() + '\n',
    kept: [...kept],
  };
}

const ensureBreak = (t: string) => (t === '' || t.endsWith('\n\n') ? t : `${t.trimEnd()}\n\n`);

const KEEP = '\u0000keep-row\u0000';

/**
 * A table row this run did not measure: the merge puts the old section's row whose first cell is
 * `firstCell` (or starts with it and a space: "Chromium webgpu (WebGPU — forced)") in its place,
 * when it has as many cells as the table's header; otherwise a row saying it was not measured.
 */
export function keepRow(firstCell: string): string {
  return `${KEEP}${firstCell}`;
}

const cells = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');

function resolveKeptRows(text: string, before: string | undefined): string {
  if (!text.includes(KEEP)) return text;
  const oldRows = (before ?? '').split('\n').filter((l) => l.startsWith('|'));
  const lines = text.split('\n');
  const isRow = (l: string | undefined) =>
    l !== undefined && (l.startsWith('|') || l.startsWith(KEEP));
  let header = '';
  return lines
    .map((line, k) => {
      if (line.startsWith('|') && !isRow(lines[k - 1])) header = line;
      if (!line.startsWith(KEEP)) return line;
      const first = line.slice(KEEP.length);
      const width = cells(header).length;
      const old = oldRows.find((r) => {
        const c = cells(r)[0].trim();
        return c === first || c.startsWith(`${first} `);
      });
      if (old && cells(old).length === width) return old;
      return `| ${first} | not measured in this run |${' |'.repeat(Math.max(0, width - 2))}`;
    })
    .join('\n');
}
