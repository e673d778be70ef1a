/** The DIN-versus-DIEN verdict in words (English, Chinese), from the pure verdict. */
import { DEAD_ZONE_PTS, type Model, type OrientedVerdict, type Verdict } from './verdict';

export interface CompareWords {
  /** A margin in points, signed with a true minus: 12.3 → "+12.3 pts". */
  pts: (v: number) => string;
  /** The sentence for the current-interest good `a` and the old-interest good `b`. */
  say: (v: Verdict, a: string, b: string) => string;
  /** When the world ranks the "old" pick higher, said before the verdict. */
  swapped: (a: string, b: string) => string;
  /** Imported data: no world to judge by, so no verdict. */
  noTruth: (a: string, b: string) => string;
}

const NAME: Record<Model, string> = { din: 'DIN', dien: 'DIEN' };
const other = (m: Model): Model => (m === 'din' ? 'dien' : 'din');
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
const Z = DEAD_ZONE_PTS;

const en: CompareWords = {
  pts: (v) => `${signed(v)} pts`,
  swapped: (a, b) => `The world ranks ${a} above ${b}, so ${a} is the current interest here. `,
  noTruth: (a, b) =>
    `Your file has no ground truth, so there is no verdict: which of ${a} and ${b} is this shopper's current interest is for you to say. The Difference column shows how far each model separates them.`,
  say: (v, a, b) => {
    const p = en.pts;
    switch (v.kind) {
      case 'truthFlat':
        return `The world itself rates ${a} and ${b} about the same (${p(v.truth)}): pick a good of the current interest and one of an old interest.`;
      case 'neither':
        return `Neither model has learned this yet: DIN separates ${a} from ${b} by ${p(v.din)} and DIEN by ${p(v.dien)}, both within ±${Z} pts, the size random initial weights already give.`;
      case 'both':
        if (v.closer === 'same')
          return `Both rank ${a} above ${b}, DIN by ${p(v.din)} and DIEN by ${p(v.dien)}: about the same (within ${Z} pts of each other).`;
        return `${NAME[v.closer]} separates ${a} from ${b} by ${p(v[v.closer])}, ${NAME[other(v.closer)]} by ${p(v[other(v.closer)])}: ${NAME[v.closer]} follows the current interest more closely.`;
      case 'one': {
        const o = other(v.follows);
        return v.other === 'old'
          ? `${NAME[v.follows]} ranks ${a} above ${b} by ${p(v[v.follows])}, while ${NAME[o]} ranks the old interest higher (${p(v[o])}).`
          : `Only ${NAME[v.follows]} ranks ${a} above ${b} (${p(v[v.follows])}); ${NAME[o]} barely separates them (${p(v[o])}, within ±${Z} pts).`;
      }
      case 'old': {
        if (v.reversed === 'both')
          return `Both models rank the old interest ${b} above ${a} (DIN ${p(v.din)}, DIEN ${p(v.dien)}): neither follows the current interest yet.`;
        const [r, o] = [v.reversed, other(v.reversed)];
        return `${NAME[r]} ranks the old interest ${b} above ${a} (${p(v[r])}) and ${NAME[o]} barely separates them (${p(v[o])}): neither follows the current interest yet.`;
      }
    }
  },
};

const zh: CompareWords = {
  pts: (v) => `${signed(v)} 个百分点`,
  swapped: (a, b) => `世界把${a}排在${b}之前，所以这里${a}才是当前兴趣。`,
  noTruth: (a, b) =>
    `你的文件没有真实答案，因此这里不下结论：${a}和${b}哪个是这位用户的当前兴趣，由你判断。“差值”一列给出每个模型把两者拉开多远。`,
  say: (v, a, b) => {
    const p = zh.pts;
    switch (v.kind) {
      case 'truthFlat':
        return `世界本身认为${a}与${b}差不多（${p(v.truth)}）：请选一个当前兴趣的商品和一个旧兴趣的商品。`;
      case 'neither':
        return `两个模型都还没学到这一点：DIN 把${a}与${b}拉开 ${p(v.din)}，DIEN 拉开 ${p(v.dien)}，都在 ±${Z} 个百分点之内——随机初始权重本身就有这么大。`;
      case 'both':
        if (v.closer === 'same')
          return `两个模型都把${a}排在${b}之前，DIN 拉开 ${p(v.din)}，DIEN 拉开 ${p(v.dien)}：差不多（相差不到 ${Z} 个百分点）。`;
        return `${NAME[v.closer]} 把${a}与${b}拉开 ${p(v[v.closer])}，${NAME[other(v.closer)]} 拉开 ${p(v[other(v.closer)])}：${NAME[v.closer]} 更贴近当前兴趣。`;
      case 'one': {
        const o = other(v.follows);
        return v.other === 'old'
          ? `${NAME[v.follows]} 把${a}排在${b}之前，拉开 ${p(v[v.follows])}；而 ${NAME[o]} 把旧兴趣排得更高（${p(v[o])}）。`
          : `只有 ${NAME[v.follows]} 把${a}排在${b}之前（${p(v[v.follows])}）；${NAME[o]} 几乎没有区分二者（${p(v[o])}，在 ±${Z} 个百分点之内）。`;
      }
      case 'old': {
        if (v.reversed === 'both')
          return `两个模型都把旧兴趣${b}排在${a}之前（DIN ${p(v.din)}，DIEN ${p(v.dien)}）：都还没跟上当前兴趣。`;
        const [r, o] = [v.reversed, other(v.reversed)];
        return `${NAME[r]} 把旧兴趣${b}排在${a}之前（${p(v[r])}），${NAME[o]} 几乎没有区分二者（${p(v[o])}）：都还没跟上当前兴趣。`;
      }
    }
  },
};

export const COMPARE_STRINGS = { en, zh };

/** The whole verdict: the candidates named as the world orders them, then the sentence. */
export function verdictText(
  w: CompareWords,
  { verdict, swapped }: OrientedVerdict,
  currentName: string,
  oldName: string,
): string {
  const [a, b] = swapped ? [oldName, currentName] : [currentName, oldName];
  return (swapped ? w.swapped(a, b) : '') + w.say(verdict, a, b);
}
