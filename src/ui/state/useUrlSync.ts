/**
 * The URL follows the page state (replaceState 50 ms after the last change: editing should not
 * flood the back button), and the reader is told once what of the opening link was ignored.
 */
import { useEffect } from 'react';
import { STRINGS } from '../text/i18n';
import type { Notice } from './types';
import { DEFAULT_PAGE } from './defaults';
import { INITIAL } from './initial';
import { urlStateOf, type PageModel } from './pageReducer';
import { serializeUrlState, type PageState } from './urlState';

const URL_DELAY_MS = 50;

/**
 * `backend`: the reader's backend choice (the backend picker's; undefined: automatic). `runs`: the
 * runs panel's parameter (runsParam.ts), appended as it is.
 */
export function useUrlSync(page: PageModel, backend: PageState['backend'], runs = ''): void {
  const own = serializeUrlState(urlStateOf(page, backend), DEFAULT_PAGE);
  const search = runs ? `${own ? `${own}&` : '?'}runs=${runs}` : own;
  useEffect(() => {
    if (search === window.location.search) return;
    const t = setTimeout(
      () =>
        window.history.replaceState(
          null,
          '',
          `${window.location.pathname}${search}${window.location.hash}`,
        ),
      URL_DELAY_MS,
    );
    return () => clearTimeout(t);
  }, [search]);
}

/** The one-time warning about the parts of the link that could not be used. */
export function useUrlProblems(say: (level: Notice['level'], message: string) => void): void {
  useEffect(() => {
    if (INITIAL.problems.length > 0)
      say(
        'warning',
        STRINGS[INITIAL.state.lang].urlProblems(
          INITIAL.problems.join(INITIAL.state.lang === 'zh' ? '；' : '; '),
        ),
      );
  }, [say]);
}
