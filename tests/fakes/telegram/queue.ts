/**
 * Pending updates and real long polling: getUpdates with a timeout is held until an update is queued or
 * the timeout passes; `offset` confirms (drops) everything before it. A second poller ends the first with
 * 409 as Telegram does, and polling while a webhook is set is refused.
 */
import { ApiError } from "./errors.ts";

export interface QueuedUpdate {
  update_id: number;
  [key: string]: unknown;
}

interface Waiter {
  offset: number;
  limit: number;
  resolve(updates: QueuedUpdate[]): void;
  reject(err: ApiError): void;
  timer: NodeJS.Timeout;
}

export class UpdateQueue {
  private pending: QueuedUpdate[] = [];
  private waiter: Waiter | undefined;
  private nextId = 100_000;

  /** Assigns the next update_id unless one is given (a given id may repeat: a redelivery). */
  push(update: Omit<QueuedUpdate, "update_id"> & { update_id?: number }): QueuedUpdate {
    const queued = { ...update, update_id: update.update_id ?? this.nextId++ } as QueuedUpdate;
    this.pending.push(queued);
    // Wake the poller on the next turn, so updates queued together arrive in one batch as with Telegram.
    setImmediate(() => this.wake());
    return queued;
  }

  newId(): number {
    return this.nextId++;
  }

  clear(): void {
    this.pending = [];
  }

  get size(): number {
    return this.pending.length;
  }

  /** Resolves with updates at or after `offset`, waiting up to `timeoutS` seconds for the first one. */
  poll(
    offset: number,
    limit: number,
    timeoutS: number,
    onClose: (cb: () => void) => void,
  ): Promise<QueuedUpdate[]> {
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    const ready = this.take(offset, limit);
    if (ready.length > 0 || timeoutS <= 0) return Promise.resolve(ready);
    const previous = this.waiter;
    if (previous) {
      this.release(previous, undefined);
      previous.reject(
        new ApiError(
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        offset,
        limit,
        resolve,
        reject,
        timer: setTimeout(() => this.release(waiter, []), timeoutS * 1000),
      };
      this.waiter = waiter;
      // The client gave up (telegraf aborts its poll on stop): stop holding; the answer goes nowhere.
      onClose(() => this.release(waiter, []));
    });
  }

  /** Ends any held poll with an empty answer (used when the fake shuts down). */
  releaseAll(): void {
    if (this.waiter) this.release(this.waiter, []);
  }

  private take(offset: number, limit: number): QueuedUpdate[] {
    return this.pending.filter((u) => u.update_id >= offset).slice(0, Math.max(1, Math.min(limit, 100)));
  }

  private wake(): void {
    const w = this.waiter;
    if (!w) return;
    const ready = this.take(w.offset, w.limit);
    if (ready.length > 0) this.release(w, ready);
  }

  private release(w: Waiter, updates: QueuedUpdate[] | undefined): void {
    clearTimeout(w.timer);
    if (this.waiter === w) this.waiter = undefined;
    if (updates) w.resolve(updates);
  }

  isHolding(): boolean {
    return this.waiter !== undefined;
  }
}
