/**
 * Colours of the text report. They are for people at a terminal only: on when stdout is a
 * TTY or FORCE_COLOR asks for them, always off with NO_COLOR (https://no-color.org) and when
 * writing to a file. Unlike picocolors' own detection, a `CI` variable alone does not turn
 * them on: piped output must stay free of ANSI codes wherever it runs.
 */
import picocolors from 'picocolors';

export type Palette = ReturnType<typeof picocolors.createColors>;

export interface ColourContext {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writing to `--out FILE` rather than the terminal. */
  readonly toFile: boolean;
}

export function wantsColour(ctx: ColourContext): boolean {
  if (ctx.toFile) return false;
  const no = ctx.env.NO_COLOR;
  if (no !== undefined && no !== '') return false;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return ctx.isTTY && ctx.env.TERM !== 'dumb';
}

export function palette(enabled: boolean): Palette {
  return picocolors.createColors(enabled);
}

/** The context of this process writing to stdout (or to a file). */
export function processColourContext(toFile: boolean): ColourContext {
  return { isTTY: process.stdout.isTTY === true, env: process.env, toFile };
}
