/** Requests waiting for the worker's reply with their id (ids start at 1: 0 is the checkpoint id). */
import type { Response } from '../protocol';

interface Waiter {
  resolve: (r: Response) => void;
  reject: (e: Error) => void;
}

export class PendingRequests {
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 1;

  /** A new id and the promise of its reply. */
  open(): { id: number; reply: Promise<Response> } {
    const id = this.nextId++;
    const reply = new Promise<Response>((resolve, reject) =>
      this.waiting.set(id, { resolve, reject }),
    );
    return { id, reply };
  }

  /** Settle request `id` with its reply (an error reply rejects); false if none was waiting. */
  settle(id: number, r: Response): boolean {
    const w = this.waiting.get(id);
    if (!w) return false;
    this.waiting.delete(id);
    if (r.type === 'error') w.reject(new Error(r.message));
    else w.resolve(r);
    return true;
  }

  reject(id: number, e: Error): void {
    this.waiting.get(id)?.reject(e);
    this.waiting.delete(id);
  }

  /** Reject every waiting request but those in `except`. */
  rejectAll(e: Error, except: ReadonlySet<number> = new Set()): void {
    for (const id of [...this.waiting.keys()]) if (!except.has(id)) this.reject(id, e);
  }
}
