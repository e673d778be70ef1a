/**
 * The reader's own interaction log, imported: the same catalogue and shoppers the toy simulator
 * produces (ids from 1, 0 = padding), so the papers' protocol, batching and the three models run
 * on it unchanged. What a real log cannot have (the interest phases, the true CTR, the Bayes
 * ceiling) is marked absent (`truth: 'none'`), never imitated.
 */
import type { Catalogue } from '../../world/types';

export const FORMATS = ['taobao', 'amazon', 'movielens', 'generic'] as const;
export type FormatId = (typeof FORMATS)[number];

/** Taobao UserBehavior's behaviour types. */
export const BEHAVIORS = ['pv', 'buy', 'cart', 'fav'] as const;
export type Behavior = (typeof BEHAVIORS)[number];

/** Zero-based column indices of the event file; the optional ones may be absent. */
export interface ColumnMapping {
  user: number;
  item: number;
  time: number;
  category?: number;
  behavior?: number;
  rating?: number;
  shop?: number;
  name?: number;
}
export type ColumnRole = keyof ColumnMapping;
/** Every role, the required ones first (for the column-mapping step). */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  'user',
  'item',
  'time',
  'category',
  'behavior',
  'rating',
  'shop',
  'name',
];
export const REQUIRED_ROLES: readonly ColumnRole[] = ['user', 'item', 'time'];

/** How to read a delimited file: found by detection, correctable by the reader. */
export interface Dialect {
  delimiter: string;
  /** The first record is a header (not data). */
  header: boolean;
}

/** What detection found in an event file's first rows. */
export interface Detection extends Dialect {
  format: FormatId;
  /** The header's names, or "column 1"… when there is none. */
  columns: string[];
  /** The suggestion; complete and checked unless `problem` says what is missing or wrong. */
  mapping: Partial<ColumnMapping>;
  /** Up to five data rows as parsed, for the column-mapping step. */
  preview: string[][];
  /** Why the suggested mapping cannot be imported as it is (the reader corrects it). */
  problem?: ImportErrorData;
}

/** The optional second file: each item's category (and name). */
export interface MetaDetection extends Dialect {
  /** 'jsonl': one JSON object per line (Amazon's metadata dumps). */
  kind: 'csv' | 'jsonl';
  columns: string[];
  mapping: { item: number; category?: number; name?: number };
  /** MovieLens genres "Adventure|Animation": the first one is the category. */
  listSeparator?: string;
}

/** The caps the reader sees and changes. */
export interface ImportCaps {
  /** Most frequent K items keep their own id; the rest become one "other" good. */
  topItems: number;
  /** Users with fewer events are dropped (at least 2: the protocol needs a next event). */
  minEvents: number;
  /** At most this many users, a seeded sample of the eligible ones. */
  maxUsers: number;
  /** Each user's most recent events kept. */
  maxHistory: number;
}

export const DEFAULT_CAPS: ImportCaps = {
  topItems: 1000,
  minEvents: 5,
  maxUsers: 2000,
  maxHistory: 50,
};

export interface ImportSettings {
  detection: Detection;
  meta?: MetaDetection;
  caps: ImportCaps;
  /** Taobao: the behaviour types that count as events (default: all four). */
  behaviors?: Behavior[];
  /** With a rating column: only ratings of at least this count (DIN's MovieLens: 4). */
  minRating?: number;
  /** Seeds which users a maxUsers cap keeps. */
  seed: number;
}

/** A readable file, read once per pass (a Blob in the page, a file on disk in Node). */
export interface ByteSource {
  name: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export interface ImportProgress {
  /** 1: counting; 2: keeping what the caps allow; 3: the metadata file. */
  pass: 1 | 2 | 3;
  /** Rows and bytes of this pass's file read so far, and that file's size. */
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ImportHooks {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface ImportedShopper {
  id: number;
  /** Good ids, oldest first. */
  purchases: number[];
  /**
   * Days since this shopper's first kept purchase, one per purchase (times[0] = 0,
   * non-decreasing): world/types.ts's Shopper.times, so time-aware models read it as they read
   * the toy world's.
   */
  times: number[];
  /** Unix seconds of the first kept purchase (times are relative to it). */
  start: number;
}

export interface ImportSummary {
  rows: number;
  bytes: number;
  /** Rows left out while reading, by reason, and the first such line (1-based, header counted). */
  skipped: { short: number; badTime: number; behavior: number; rating: number; firstLine?: number };
  duplicates: number;
  users: { inFile: number; tooFew: number; overCap: number; kept: number };
  /** inFile is exact unless `approximate` (more distinct items than the counter holds). */
  items: { inFile: number; approximate: boolean; kept: number; inOther: number };
  events: { kept: number; inOther: number; beyondHistory: number };
  categories: number;
  /** No category source: every item sits in one category "(no category)". */
  noCategory: boolean;
  /** No shop column: one shop per category, named after it. */
  noShop: boolean;
  /** Items of the kept set the metadata file did not describe. */
  missingMeta: number;
  /** Unix seconds of the first and last event read. */
  firstTime: number;
  lastTime: number;
}

export interface ImportedWorld {
  kind: 'imported';
  /** No interest phases, true CTR or Bayes ceiling exist for a real log. */
  truth: 'none';
  format: FormatId;
  fileName: string;
  metaFileName?: string;
  catalogue: Catalogue;
  /** shoppers[i].id === i + 1 */
  shoppers: ImportedShopper[];
  /** The file's user id of shopper i + 1. */
  userKeys: string[];
  /** The file's item id of good i + 1 ('' for the "other" good). */
  itemKeys: string[];
  /** The good standing for every item outside the top K, or null when none was needed. */
  otherGood: number | null;
  summary: ImportSummary;
}

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'compressed'
  | 'delimiter'
  | 'columns'
  | 'timestamp'
  | 'badRows'
  | 'quote'
  | 'singleUser'
  | 'noPairs'
  | 'capsLeaveNothing'
  | 'oneCategory'
  | 'tooLarge'
  | 'meta'
  | 'cancelled'
  /** Anything else (a read error of the browser): the message says what. */
  | 'failed';

/** What went wrong, with where (a line, a column) when there is a where. Structured-cloneable. */
export interface ImportErrorData {
  code: ImportErrorCode;
  message: string;
  line?: number;
  column?: string;
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly line?: number;
  readonly column?: string;

  constructor(data: ImportErrorData) {
    super(data.message);
    this.name = 'ImportError';
    this.code = data.code;
    this.line = data.line;
    this.column = data.column;
  }

  get data(): ImportErrorData {
    const d: ImportErrorData = { code: this.code, message: this.message };
    if (this.line !== undefined) d.line = this.line;
    if (this.column !== undefined) d.column = this.column;
    return d;
  }
}
