import { describe, expect, it } from 'vitest';
import { fileWithin, sessionFromFile, sessionToFile, FILE_FORMAT } from './sessionFile';
import { snapshotBytes } from '../runs/budget';
import { session, sessionWithRuns, snapshot } from './testSession';

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

  it('holds the kept runs and the rewind snapshots, bit for bit', () => {
    const s = sessionWithRuns(40);
    s.runs!.kept[1].rewind[0].tensors.base[0].values[5] = Math.fround(3.3e-39); // subnormal
    const back = sessionFromFile(sessionToFile(s));
    if (!back.ok) throw new Error(back.problem);
    expect(back.session.rewind?.map((w) => w.step)).toEqual([0, 40]);
    expect(bits(back.session.rewind![1].tensors.dien[0].values)).toEqual(
      bits(s.rewind![1].tensors.dien[0].values),
    );
    expect(back.session.runs?.current).toBe(3);
    expect(back.session.runs?.next).toBe(4);
    const [a, b] = [s.runs!.kept[1], back.session.runs!.kept[1]];
    expect(bits(b.rewind[0].tensors.base[0].values)).toEqual(
      bits(a.rewind[0].tensors.base[0].values),
    );
    expect(bits(b.weights!.tensors.din[0].values)).toEqual(bits(a.weights!.tensors.din[0].values));
    expect(b.weights!.training).toEqual(a.weights!.training);
    expect({ ...b, weights: undefined, rewind: undefined }).toEqual({
      ...a,
      weights: undefined,
      rewind: undefined,
    });
  });

  it('refuses a bad kept run or a bad rewind snapshot, saying which', () => {
    const badRun = sessionWithRuns(40);
    badRun.runs!.kept[0].weights!.tensors.din[0].values[0] = NaN;
    const shapes = sessionWithRuns(40);
    shapes.runs!.kept[1].config = {
      ...shapes.runs!.kept[1].config,
      model: { ...shapes.config.model, embDim: 3 },
    };
    const badRewind = sessionWithRuns(40);
    badRewind.rewind = [snapshot(0), snapshot(99)];
    const nanRewind = sessionWithRuns(40);
    nanRewind.rewind![0].tensors.base[1].values[0] = -Infinity;
    const cases: [string, string, RegExp][] = [
      ['NaN in a kept run', sessionToFile(badRun), /^runs\.kept\.0\.weights\..*NaN or infinite/],
      [
        'a kept run of other shapes',
        sessionToFile(shapes),
        /^runs\.kept\.1: weights whose embedding table/,
      ],
      [
        'a snapshot past the checkpoint',
        sessionToFile(badRewind),
        /rewind snapshot past the checkpoint/,
      ],
      [
        'Infinity in a snapshot',
        sessionToFile(nanRewind),
        /^rewind\.0\.tensors\.base\.1\.values: a weight is NaN/,
      ],
    ];
    for (const [what, text, problem] of cases) {
      const r = sessionFromFile(text);
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.problem, what).toMatch(problem);
    }
  });

  it('over its size limit the file gives up kept runs’ snapshots, then weights, oldest first', () => {
    const s = sessionWithRuns(40);
    const full = sessionToFile(s).length;
    expect(fileWithin(s, full)).toEqual({ text: sessionToFile(s), dropped: [] });
    // One snapshot's floats take 4/3 of their bytes in base64: 100 characters over costs Run 1
    // its older snapshot (thinning keeps the newest), and no more.
    const snap = snapshotBytes(s.runs!.kept[0].rewind[0]);
    expect(snap).toBe(3 * 4 * (s.checkpoint.tensors.base[0].values.length + 1));
    const one = fileWithin(s, full - 100)!;
    expect(one.dropped).toEqual([{ id: 1, snapshots: 1, weights: false }]);
    const back = sessionFromFile(one.text);
    if (!back.ok) throw new Error(back.problem);
    expect(back.session.runs!.kept.map((r) => r.rewind.map((w) => w.step))).toEqual([
      [20],
      [0, 30],
    ]);
    // Its floats' base64 at least, plus the names and shapes around them.
    expect(one.text.length).toBeLessThanOrEqual(full - (4 / 3) * snap);
    // Far less room: both runs lose their snapshots and Run 1 its weights (listed, not resumable).
    // Each run holds its weights with Adam's moments (2 × 1 716 bytes) and two snapshots (2 ×
    // 1 716): 40% of the runs' part of the file holds Run 2's weights with the words around
    // both runs (30% of it, measured below), not both runs' weights.
    const runsOnly = sessionToFile({ ...s, runs: { ...s.runs!, kept: [] } }).length;
    const [r1, r2] = s.runs!.kept;
    const oneLeft = sessionToFile({
      ...s,
      runs: {
        ...s.runs!,
        kept: [
          { ...r1, weights: undefined, weightsDropped: true, rewind: [] },
          { ...r2, rewind: [] },
        ],
      },
    });
    expect((oneLeft.length - runsOnly) / (full - runsOnly)).toBeCloseTo(0.3, 1);
    const tight = fileWithin(s, runsOnly + 0.4 * (full - runsOnly))!;
    expect(tight.text).toBe(oneLeft);
    const tb = sessionFromFile(tight.text);
    if (!tb.ok) throw new Error(tb.problem);
    expect(
      tb.session.runs!.kept.map((r) => [r.rewind.length, !!r.weights, r.weightsDropped]),
    ).toEqual([
      [0, false, true],
      [0, true, false],
    ]);
    // Not even the current run fits: no file.
    expect(fileWithin(s, runsOnly - 1)).toBeNull();
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
