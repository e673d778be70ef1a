import { describe, expect, it } from 'vitest';
import { sessionFromFile, sessionToFile, FILE_FORMAT } from './sessionFile';
import { session } from './testSession';

const bits = (a: Float32Array) => [...new Uint32Array(a.buffer, a.byteOffset, a.length)];

describe('session file', () => {
  it('round-trips a session bit for bit', () => {
    const s = session(12);
    s.checkpoint.tensors.din[0].values[3] = Math.fround(-1.2345678e-20);
    const back = sessionFromFile(sessionToFile(s));
    if (!back.ok) throw new Error(back.problem);
    expect(bits(back.session.checkpoint.tensors.din[0].values)).toEqual(
      bits(s.checkpoint.tensors.din[0].values),
    );
    expect(back.session.checkpoint.training).toEqual(s.checkpoint.training);
    expect(back.session.history).toEqual(s.history);
  });

  it('says what is wrong with a bad file', () => {
    const good = sessionToFile(session(3));
    const withNaN = session(3);
    withNaN.checkpoint.tensors.base[0].values[0] = NaN;
    const html = session(3);
    html.checkpoint.tensors.base[1].name = '<img src=x onerror=alert(1)>';
    const cases: [string, string, RegExp][] = [
      ['empty', '', /not a session file/],
      ['truncated', good.slice(0, good.length / 2), /not JSON, or cut short/],
      ['another JSON', '{"hello":1}', /not a session file of this page/],
      ['newer', JSON.stringify({ format: FILE_FORMAT, version: 99, session: {} }), /newer version/],
      ['NaN weights', sessionToFile(withNaN), /NaN or infinite/],
      ['markup in a name', sessionToFile(html), /no weight name has/],
      ['bad base64', good.replace(/"__f32":"[^"]*"/, '"__f32":"@@@"'), /./],
    ];
    for (const [what, text, problem] of cases) {
      const r = sessionFromFile(text);
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.problem, what).toMatch(problem);
    }
  });
});
