import { describe, expect, it } from 'vitest';
import { keepRow, mergeSections, splitSections } from './sections';

const OLD = `# Benchmarks

Old note.

## Machine

old machine

## Throughput (B = 64)

| Env | ms |
|---|---:|
| Node cpu | 10 |
| Node wasm | 5 |
| Chromium webgpu2 | 7 |
| Chromium webgl (WebGL — forced) | 9 |

## Parsing the reader's own log (issue 15)

hand-written, keep me
\`\`\`
## not a heading (in a code block)
\`\`\`

## Memory

old memory

## BST's cost against T (issue 17)

| T | BST |
| --- | --- |
| 10 | 16.2 |
`;

const headings = (md: string) => splitSections(md).sections.map((s) => s.heading);

describe('splitSections', () => {
  it('splits at ## headings outside code fences and joins back to the same text', () => {
    const d = splitSections(OLD);
    expect(d.preamble).toBe('# Benchmarks\n\nOld note.\n\n');
    expect(d.sections.map((s) => s.heading)).toEqual([
      'Machine',
      'Throughput (B = 64)',
      "Parsing the reader's own log (issue 15)",
      'Memory',
      "BST's cost against T (issue 17)",
    ]);
    expect(d.preamble + d.sections.map((s) => s.text).join('')).toBe(OLD);
  });
});

describe('mergeSections', () => {
  it('replaces owned sections, keeps foreign ones verbatim and in place', () => {
    const { md, kept } = mergeSections(OLD, '# Benchmarks\n\nNew note.\n', [
      { key: 'Machine', text: '## Machine\n\nnew machine\n' },
      {
        key: 'Throughput',
        text: '## Throughput (B = 128)\n\n| Env | ms |\n|---|---:|\n| x | 1 |\n',
      },
      { key: 'Memory', text: '## Memory\n\nnew memory\n' },
    ]);
    expect(headings(md)).toEqual([
      'Machine',
      'Throughput (B = 128)',
      "Parsing the reader's own log (issue 15)",
      'Memory',
      "BST's cost against T (issue 17)",
    ]);
    expect(md).toContain('New note.');
    expect(md).not.toContain('Old note.');
    expect(md).toContain('new machine');
    expect(md).not.toContain('old machine');
    expect(md).not.toContain('| Node cpu | 10 |');
    expect(md).toContain(
      "## Parsing the reader's own log (issue 15)\n\nhand-written, keep me\n```\n## not a heading (in a code block)\n```\n\n## Memory",
    );
    expect(md.endsWith('| 10 | 16.2 |\n')).toBe(true);
    expect(kept).toEqual([]);
  });

  it('keeps an owned section this run has nothing for (null), removes one it empties', () => {
    const { md, kept } = mergeSections(OLD, null, [
      { key: 'Machine', text: '' },
      { key: 'Throughput', text: null },
      { key: 'Memory', text: '## Memory\n\nnew memory\n' },
    ]);
    expect(headings(md)).toEqual([
      'Throughput (B = 64)',
      "Parsing the reader's own log (issue 15)",
      'Memory',
      "BST's cost against T (issue 17)",
    ]);
    expect(md.startsWith('# Benchmarks\n\nOld note.\n\n## Throughput')).toBe(true);
    expect(md).toContain('| Node wasm | 5 |');
    expect(kept).toEqual(['Throughput']);
  });

  it('puts a new owned section after the owned one before it, ahead of foreign ones', () => {
    const { md } = mergeSections(OLD, null, [
      { key: 'Machine', text: null },
      { key: 'Budgets', text: '## Budgets\n\nnew\n' },
      { key: 'Throughput', text: null },
      { key: 'Memory', text: null },
      { key: 'Errors in this run', text: '## Errors in this run\n\n- one\n' },
    ]);
    expect(headings(md)).toEqual([
      'Machine',
      'Budgets',
      'Throughput (B = 64)',
      "Parsing the reader's own log (issue 15)",
      'Memory',
      'Errors in this run',
      "BST's cost against T (issue 17)",
    ]);
  });

  it('writes every owned section into an empty file, in order', () => {
    const { md } = mergeSections('', '# T\n', [
      { key: 'A', text: '## A\n\na\n' },
      { key: 'B', text: null },
      { key: 'C', text: '## C\n\nc\n' },
    ]);
    expect(md).toBe('# T\n\n## A\n\na\n\n## C\n\nc\n');
  });

  it('tells the preamble which owned sections it kept', () => {
    const { md } = mergeSections(OLD, (kept) => `# B\n\nkept: ${kept.join(', ')}\n`, [
      { key: 'Machine', text: null },
      { key: 'Throughput', text: '## Throughput\n' },
      { key: 'Memory', text: null },
      { key: 'Sweeps', text: null },
    ]);
    expect(md.startsWith('# B\n\nkept: Machine, Memory\n\n## Machine')).toBe(true);
  });

  it('keeps single table rows from the old section when their width matches', () => {
    const text = [
      '## Throughput (B = 64)',
      '',
      '| Env | ms |',
      '|---|---:|',
      keepRow('Node cpu'),
      '| Node wasm | 4 |',
      keepRow('Node cp'),
      keepRow('Chromium webgpu'),
      keepRow('Chromium webgl'),
      '',
      '| Env | ms | BST |',
      '|---|---:|---:|',
      keepRow('Node cpu'),
      '',
    ].join('\n');
    const { md } = mergeSections(OLD, null, [{ key: 'Throughput', text }]);
    expect(md).toContain(
      '| Env | ms |\n|---|---:|\n| Node cpu | 10 |\n| Node wasm | 4 |\n| Node cp | not measured in this run |\n| Chromium webgpu | not measured in this run |\n| Chromium webgl (WebGL — forced) | 9 |\n',
    );
    // The second table is wider than the old rows: a kept row would not fit its columns.
    expect(md).toContain('|---|---:|---:|\n| Node cpu | not measured in this run | |\n');
    expect(md).not.toContain('\u0000');
  });
});
