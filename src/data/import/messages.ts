/**
 * The parse worker's messages (src/data/import/parseWorker.ts), by name. The page posts requests;
 * the worker answers each with progress messages and then one result or one error, all carrying
 * the request's id. Everything here is structured-cloneable (Files travel by reference).
 */
import type {
  Detection,
  ImportedWorld,
  ImportErrorData,
  ImportProgress,
  ImportSettings,
  MetaDetection,
} from './types';

/** Read the files' first bytes and suggest a format and column mapping. */
export interface DetectRequest {
  type: 'detect';
  id: number;
  events: Blob;
  eventsName: string;
  meta?: Blob;
  metaName?: string;
}

/** Read the whole log with the (possibly corrected) settings. */
export interface ImportRequest {
  type: 'import';
  id: number;
  events: Blob;
  eventsName: string;
  meta?: Blob;
  metaName?: string;
  settings: ImportSettings;
}

/** Stop the import with this id (it answers with an error of code 'cancelled'). */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type ParseRequest = DetectRequest | ImportRequest | CancelRequest;

export interface DetectedMessage {
  type: 'detected';
  id: number;
  detection: Detection;
  meta?: MetaDetection;
}

export interface ProgressMessage {
  type: 'progress';
  id: number;
  progress: ImportProgress;
}

export interface ResultMessage {
  type: 'result';
  id: number;
  world: ImportedWorld;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  error: ImportErrorData;
}

export type ParseReply = DetectedMessage | ProgressMessage | ResultMessage | ErrorMessage;
