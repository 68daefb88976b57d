/**
 * Argument checks of the public Erlang functions. They guard library callers against values
 * that would make a formula silently meaningless (a negative rate, an SL goal of 1.5); the CLI
 * validates its flags first, so its messages name the flag instead.
 */
import { InputError } from '../errors.js';

export function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new InputError(`${name}: must be a finite number ≥ 0 (got ${value})`);
}

export function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new InputError(`${name}: must be a finite number > 0 (got ${value})`);
}

export function requireFraction(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new InputError(`${name}: must be between 0 and 1 (got ${value})`);
}
