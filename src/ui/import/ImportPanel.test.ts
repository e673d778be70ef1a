/**
 * The panel rendered to HTML in each phase (react-dom/server: no browser), checked by what a
 * reader and the e2e find: the region, the labels, the alert, the progress bar, the buttons.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../data/import/detect';
import { sampleFiles } from '../../data/import/sampleFiles';
import { FORMATS } from '../../data/import/types';
import { TextProvider } from '../text/TextContext';
import { ImportView } from './ImportPanel';
import { initialImporter, newDraft, type ImporterState } from './importerState';
import { PARTS } from './SampleLinks';
import { tinyWorld } from './testWorld';
import type { Importer } from './useImporter';
import type { DatasetEntry } from './datasets';

const noop = () => undefined;
const EVIL = '<img src=x onerror="window.__xss=1">';

function render(
  state: ImporterState,
  opts: { active?: { id: string; name: string }; kept?: DatasetEntry[]; lang?: 'en' | 'zh' } = {},
): string {
  const im: Importer = {
    state,
    dispatch: noop,
    choose: noop,
    start: noop,
    cancel: noop,
    kept: opts.kept ?? [],
    note: null,
    load: async () => undefined,
    remove: noop,
  };
  return renderToString(
    createElement(TextProvider, {
      lang: opts.lang ?? 'en',
      children: createElement(ImportView, {
        im,
        active: opts.active,
        onUse: noop,
        onToyShop: noop,
      }),
    }),
  );
}

const text =
  'user_id,item_id,category_id,behavior_type,timestamp\n1,10,5,pv,1511544070\n1,11,5,buy,1511544071\n2,10,5,buy,1511544072\n';
const detection = detectFormat(new TextEncoder().encode(text), true);
const files = { events: new File([text], 'taobao.csv') };
const draft = newDraft(detection, undefined, text);

describe('ImportPanel', () => {
  it('is the region "Your own data" with both file inputs and every sample link', () => {
    const html = render(initialImporter);
    expect(html).toMatch(/<section[^>]*aria-labelledby="import-h"/);
    expect(html).toMatch(/<h2 id="import-h">Your own data<\/h2>/);
    expect(html).toMatch(/<span>Interaction log<\/span><input type="file"/);
    expect(html).toMatch(/<span>Item metadata \(optional\)<\/span><input type="file"/);
    const links = [...html.matchAll(/<a href="#">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(links).toEqual([
      'Download a sample file: Taobao user behaviour',
      'Download a sample file: Amazon reviews (ratings)',
      'Download a sample file: Amazon reviews (item metadata)',
      'Download a sample file: MovieLens ratings (ratings)',
      'Download a sample file: MovieLens ratings (item metadata)',
      'Download a sample file: Generic (user, item, category, time)',
    ]);
    expect(html).not.toContain('progress');
    expect(html).not.toContain('Back to the toy shop');
  });

  it('offers as many links per format as its sample has files', () => {
    for (const f of FORMATS) expect(sampleFiles(f).length, f).toBe(PARTS[f]?.length ?? 1);
  });

  it('the mapping step: format, delimiter, header, a select per role, the preview, behaviours, caps', () => {
    const html = render({ phase: 'mapping', run: 1, files, draft });
    expect(html).toMatch(
      /<span>Format<\/span><select>.*<option value="taobao" selected="">Taobao user behaviour/,
    );
    expect(html).toMatch(/<span>Delimiter<\/span><select>.*<option value="," selected="">Comma/);
    expect(html).toMatch(/<input type="checkbox" checked=""\/><span>First row is a header/);
    for (const label of [
      'User column',
      'Item column',
      'Time column',
      'Category column',
      'Behaviour column',
      'Rating column',
      'Shop column',
      'Name column',
    ])
      expect(html).toContain(`<span>${label}</span><select>`);
    // Optional roles have "none"; the rating, unmapped, has it selected.
    expect(html).toMatch(
      /Rating column<\/span><select><option value="" selected="">none<\/option>/,
    );
    expect(html).toMatch(
      /User column<\/span><select><option value="0" selected="">1: user_id<\/option>/,
    );
    expect(html).toContain('<caption>The first rows as read</caption>');
    expect(html).toContain('<td>1511544071</td>');
    expect(html).toMatch(/<input type="checkbox" checked=""\/><span>buy<\/span>/);
    expect(html).toMatch(/<input type="checkbox"\/><span>pv \(page view\)<\/span>/);
    for (const label of [
      'Most frequent K items',
      'Users with at least N events',
      'At most U users',
      'History length T',
    ])
      expect(html).toContain(`<span>${label}</span><input type="number"`);
    expect(html).toMatch(/<button type="button" class="primary">Import<\/button>/);
    expect(html).not.toContain('role="alert"');
  });

  it('names the detection’s problem in an alert and disables Import', () => {
    const bad = detectFormat(
      new TextEncoder().encode('user,item,timestamp\nu1,i1,yesterday\nu2,i2,1\n'),
      true,
    );
    const html = render({ phase: 'mapping', run: 1, files, draft: newDraft(bad, undefined, null) });
    expect(html).toMatch(
      /role="alert">Line 2, column &quot;timestamp&quot;: &quot;yesterday&quot; is not a timestamp/,
    );
    expect(html).toMatch(/<button type="button" class="primary" disabled="">Import<\/button>/);
  });

  it('file contents stay text: a cell with markup is escaped, never an element', () => {
    const d = { ...detection, preview: [['1', EVIL, '5', 'buy', '1511544071']] };
    const html = render({ phase: 'mapping', run: 1, files, draft: newDraft(d, undefined, null) });
    expect(html).toContain('<td>&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;</td>');
    expect(html).not.toContain('<img');
  });

  it('importing: the progress bar named "Import progress" with the pass, rows and MB, and Cancel', () => {
    const html = render({
      phase: 'importing',
      run: 2,
      files,
      draft,
      progress: { pass: 2, rows: 12_000, bytes: 3 * 1024 ** 2, totalBytes: 10 * 1024 ** 2 },
    });
    const text = 'Pass 2 of 2 (keeping): 12,000 rows, 3.0 of 10.0 MB read';
    expect(html).toContain(
      `<progress aria-label="Import progress" aria-valuetext="${text}" max="10485760" value="3145728">`,
    );
    expect(html).toContain(`<span aria-live="polite">${text}</span>`);
    expect(html).toContain('>Cancel</button>');
    expect(html).not.toContain('>Import</button>');
    expect(html).toMatch(/<input type="file" accept="[^"]*" disabled=""/);
  });

  it('done: the summary in sentences and "Train on this file"; in use: "Back to the toy shop"', () => {
    const world = tinyWorld('taobao.csv');
    const state: ImporterState = {
      phase: 'done',
      run: 2,
      files,
      draft,
      world,
      id: 'ds-1',
      fromStore: false,
    };
    const html = render(state);
    expect(html).toContain('<li>Read 12,345 rows (3.0 MB).</li>');
    expect(html).toContain('>Train on this file</button>');
    expect(html).toContain('>Change settings</button>');
    const inUse = render(state, { active: { id: 'ds-1', name: 'taobao.csv' } });
    expect(inUse).not.toContain('Train on this file');
    expect(inUse).toContain('<p role="status">The models train on taobao.csv.</p>');
    expect(inUse).toContain('>Back to the toy shop</button>');
  });

  it('an error is an alert with its message; the kept data sets are listed with Use and Remove', () => {
    const kept: DatasetEntry[] = [
      {
        id: 'a',
        name: 'a.csv',
        format: 'taobao',
        users: 300,
        items: 1000,
        savedAt: 0,
        bytes: 2 * 1024 ** 2,
      },
      { id: 'b', name: EVIL, format: 'generic', users: 3, items: 4, savedAt: 0, bytes: 10 },
    ];
    const html = render(
      { phase: 'error', run: 1, files, error: { code: 'empty', message: 'The file is empty.' } },
      { kept, active: { id: 'a', name: 'a.csv' } },
    );
    expect(html).toContain('role="alert">The file is empty.</p>');
    expect(html).toContain('Taobao user behaviour: 300 users, 1,000 items, 2.0 MB, kept');
    expect(html).toMatch(/aria-label="Use a.csv" disabled="">Use<\/button>/);
    expect(html).toMatch(/aria-label="Remove a.csv">Remove<\/button>/);
    expect(html).not.toContain('<img');
  });

  it('speaks Chinese too', () => {
    const html = render(initialImporter, { lang: 'zh' });
    expect(html).toContain('你自己的数据');
    expect(html).toContain('交互日志');
  });
});
