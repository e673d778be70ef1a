/**
 * The page as its link opened it: read once at load, before the first render, so the first
 * paint already shows the linked state. Browser only (reads window.location).
 */
import { GOODS } from '../common/goods';
import { DEFAULT_PAGE } from './defaults';
import { parseUrlState, type ParseResult } from './urlState';

export const INITIAL: ParseResult = parseUrlState(
  window.location.search,
  DEFAULT_PAGE,
  GOODS.length,
);
