/**
 * The page's language as React context: every view reads its strings with useStrings() and the
 * story with useNarrative(), so `t` is not passed down through every component. The provider
 * also keeps the document's lang and title in step.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { STRINGS, type Lang, type Strings } from './i18n';
import { NARRATIVE, type Narrative } from './narrative';

interface Text {
  lang: Lang;
  t: Strings;
  story: Narrative;
}

const TextContext = createContext<Text>({ lang: 'en', t: STRINGS.en, story: NARRATIVE.en });

export function TextProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: STRINGS[lang], story: NARRATIVE[lang] }), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = STRINGS[lang].title;
  }, [lang]);
  return <TextContext value={value}>{children}</TextContext>;
}

/** Every visible string in the page's language. */
export function useStrings(): Strings {
  return useContext(TextContext).t;
}

/** The lesson's sections in the page's language. */
export function useNarrative(): Narrative {
  return useContext(TextContext).story;
}

/** The page's language (for text made from data, e.g. the engine's notices). */
export function useLang(): Lang {
  return useContext(TextContext).lang;
}

/**
 * A room's own strings (e.g. `src/ui/architecture/strings.ts`) in the page's language: a room
 * that adds a view keeps its wording beside it instead of growing i18n.ts.
 */
export function useText<T>(table: Record<Lang, T>): T {
  return table[useContext(TextContext).lang];
}
