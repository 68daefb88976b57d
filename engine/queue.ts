/**
 * A FIFO of contacts waiting for an agent (engine/stampedRing.ts): each entry carries the
 * token the contact had when it joined; a contact that left the queue another way (abandoned,
 * took a callback, got answered by an overflow group) gets a new token, so its old entry is
 * recognised as stale when it reaches the head and skipped (lazy removal).
 */
import { StampedRing } from './stampedRing.js';

export class ContactQueue extends StampedRing {
  /** Contacts really waiting here (`length` counts stale entries too). */
  live = 0;

  constructor(capacity = 64) {
    super(capacity);
  }

  override reset(): void {
    super.reset();
    this.live = 0;
  }

  override push(contact: number, token: number): void {
    super.push(contact, token);
    this.live++;
  }
}
