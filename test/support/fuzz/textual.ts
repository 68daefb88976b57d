/**
 * Textual mutations of a scenario file: truncation, lines deleted, duplicated (duplicate
 * keys), swapped or re-indented, stray YAML tokens, scalars rewritten as YAML-specific
 * forms (tags, `.nan`, hex, timestamps), anchors and aliases (shared values, unknown
 * anchors, merge keys, an alias bomb), deep flow nesting, and encoding oddities (BOM, CRLF,
 * tabs, control characters, a second document).
 */
import type { FuzzRandom } from './random.js';
import { NASTY_DURATIONS } from './values.js';

/** `key: value` lines (block or flow in the value), with the value's start offset in the line. */
const KEY_LINE = /^(\s*(?:- )?(?:"[^"]*"|[\w.[\]-]+)\s*:)( +)(.*)$/;

const STRAY_TOKENS: readonly string[] = [
  '{', '}', '[', ']', ':', '- ', '&a ', '*a', '! ', '!!binary ', '%YAML 1.1\n', '@', '`', '"', "'", '#', '\t', '\u0000', '\ufeff',
  '\r', '---\n', '...\n', '? ', '|', '>', '<<: ', ',', '\\', '\u0085', '\u2028', '\x1b[31m', '&', '*',
];

/** Scalars as YAML can write them, several of them not plain data. */
const YAML_SCALARS: readonly string[] = [
  '.nan', '.NaN', '.inf', '-.inf', '0x1F', '0o17', '0b101', '1_000', '1e300', '-0', '~', 'null', 'yes', 'on', 'No',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '!!timestamp 2001-12-14', '!!js/function "function(){ return 1 }"',
  '!!js/undefined ""', '!!binary aGVsbG8=', '!!set {a, b}', '!!omap [a: 1, b: 2]', '!!pairs [a: 1]', '!custom x', '!!str 5',
  '!!int "12"', '!!float "1e999"', '*nosuch', '"\\u0000"', '"\\ud800"', '"\\x00"', '|\n  block\n  text', '>-\n  folded',
  '{a: 1, a: 2}', '[1, 2', '{', '"unterminated', "'a''b'", '? complex\n: key', '!!map {}', '!!seq []',
];

function lines(text: string): string[] {
  return text.split('\n');
}

/** Index of a random `key: value` line with a value on the line, or -1. */
function keyLine(r: FuzzRandom, ls: readonly string[], withValue = true): number {
  const fit = ls.map((l, i) => [l, i] as const).filter(([l]) => {
    const m = KEY_LINE.exec(l);
    return m !== null && (!withValue || (m[3] ?? '').trim() !== '');
  });
  return fit.length > 0 ? r.pick(fit)[1] : -1;
}

function replaceValue(ls: string[], i: number, value: (old: string) => string): void {
  const m = KEY_LINE.exec(ls[i] ?? '');
  if (!m) return;
  ls[i] = `${m[1]}${m[2]}${value(m[3] ?? '')}`;
}

/** The billion-laughs file: ten levels of ten aliases each (1e10 leaves once expanded). */
function aliasBomb(levels: number): string {
  const out = ['lol0: &lol0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) out.push(`lol${i}: &lol${i} [${Array.from({ length: 10 }, () => `*lol${i - 1}`).join(', ')}]`);
  return out.join('\n');
}

type Operator = (r: FuzzRandom, text: string) => [string, string] | null;

const OPERATORS: readonly (readonly [string, Operator, number])[] = [
  ['truncate', (r, t) => { const at = r.int(t.length + 1); return [t.slice(0, at), `at ${at}/${t.length}`]; }, 3],
  ['delete-line', (r, t) => { const ls = lines(t); const i = r.int(ls.length); ls.splice(i, 1); return [ls.join('\n'), `line ${i + 1}`]; }, 3],
  ['duplicate-line', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls, false);
    if (i < 0) return null;
    ls.splice(i, 0, ls[i] ?? '');
    return [ls.join('\n'), `line ${i + 1}`];
  }, 3],
  ['swap-lines', (r, t) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    const j = r.int(ls.length);
    [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
    return [ls.join('\n'), `lines ${i + 1} <-> ${j + 1}`];
  }, 2],
  ['reindent', (r, t) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    const line = ls[i] ?? '';
    ls[i] = r.chance(0.5) ? `${r.pick([' ', '  ', '    ', '\t'])}${line}` : line.replace(/^ {1,2}/, '');
    return [ls.join('\n'), `line ${i + 1}`];
  }, 2],
  ['stray-token', (r, t) => {
    const at = r.int(t.length + 1);
    const tok = r.pick(STRAY_TOKENS);
    return [`${t.slice(0, at)}${tok}${t.slice(at)}`, `${JSON.stringify(tok)} at ${at}`];
  }, 3],
  ['yaml-scalar', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls);
    if (i < 0) return null;
    const v = r.pick(YAML_SCALARS);
    replaceValue(ls, i, () => v);
    return [ls.join('\n'), `line ${i + 1} = ${JSON.stringify(v)}`];
  }, 4],
  ['duration-text', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls);
    if (i < 0) return null;
    const v = JSON.stringify(r.pick(NASTY_DURATIONS));
    replaceValue(ls, i, () => v);
    return [ls.join('\n'), `line ${i + 1} = ${v}`];
  }, 3],
  ['anchor-alias', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls, false);
    const j = keyLine(r, ls);
    if (i < 0 || j < 0 || i === j) return null;
    // The anchor first, mostly: an alias before its anchor is only a syntax error.
    const [a, b] = i < j || r.chance(0.1) ? [i, j] : [j, i];
    replaceValue(ls, a, (old) => `&shared ${old}`);
    replaceValue(ls, b, () => '*shared');
    return [ls.join('\n'), `&shared at line ${a + 1}, *shared at line ${b + 1}`];
  }, 3],
  ['merge-key', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls);
    if (i < 0) return null;
    const indent = /^\s*/.exec(ls[i] ?? '')?.[0] ?? '';
    ls.splice(i + 1, 0, `${indent.replace('- ', '  ')}<<: ${r.pick(['*nosuch', '{ id: merged, count: 3 }', '[{ a: 1 }, { b: 2 }]', '1'])}`);
    return [ls.join('\n'), `after line ${i + 1}`];
  }, 1],
  ['alias-bomb', (r, t) => {
    const levels = r.pick([3, 6, 9, 10]);
    if (r.chance(0.5)) return [`${aliasBomb(levels)}\n${t}`, `${levels} levels, top-level keys`];
    const ls = lines(t);
    const i = keyLine(r, ls);
    if (i < 0) return null;
    replaceValue(ls, i, () => `*lol${levels - 1}`);
    return [`${aliasBomb(levels)}\n${ls.join('\n')}`, `${levels} levels, used at line ${i + 1}`];
  }, 2],
  ['self-alias', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls);
    if (i < 0) return null;
    replaceValue(ls, i, () => r.pick(['&me [*me]', '&me { a: *me }', '*me', '&me &me 1']));
    return [ls.join('\n'), `line ${i + 1}`];
  }, 1],
  ['deep-flow', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls);
    if (i < 0) return null;
    const depth = r.pick([100, 1_000, 10_000, 100_000]);
    const map = r.chance(0.5);
    replaceValue(ls, i, (old) => (map ? `${'{a: '.repeat(depth)}${old}${'}'.repeat(depth)}` : `${'['.repeat(depth)}${old}${']'.repeat(depth)}`));
    return [ls.join('\n'), `line ${i + 1}, ${depth} ${map ? 'maps' : 'lists'}`];
  }, 2],
  ['deep-block', (r, t) => {
    const depth = r.pick([100, 1_000, 5_000]);
    const block = Array.from({ length: depth }, (_, d) => `${' '.repeat(d)}k${d}:`).join('\n');
    return [`${t}\ndeep:\n${block.replace(/^/gm, ' ')} 1`, `${depth} levels`];
  }, 1],
  ['long-text', (r, t) => {
    const ls = lines(t);
    const i = keyLine(r, ls);
    if (i < 0) return null;
    const n = r.pick([10_000, 1_000_000, 5_000_000]);
    replaceValue(ls, i, () => `"${r.pick(['x', '🙂', 'é', '\\u0000'])}`.padEnd(n, 'y').concat('"'));
    return [ls.join('\n'), `line ${i + 1}, ${n} chars`];
  }, 1],
  ['encoding', (r, t) => {
    const encodings: Readonly<Record<string, () => string>> = {
      bom: () => `\ufeff${t}`, crlf: () => t.replace(/\n/g, '\r\n'), tabs: () => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
      cr: () => t.replace(/\n/g, '\r'), nul: () => t.replace(/\n/, '\n\u0000'), 'second-document': () => `${t}\n---\n${t}`, empty: () => '',
      'only-comment': () => '# nothing here\n', utf16ish: () => t.split('').join('\u0000'),
    };
    const [kind, encode] = r.pick(Object.entries(encodings));
    return [encode(), kind];
  }, 2],
  ['unicode', (r, t) => {
    const at = r.int(t.length + 1);
    const ch = r.pick(['\u200b', '\u202e', '\u00a0', '\u3000', 'е' /* Cyrillic */, '\uff15', '🙂', 'e\u0301', '\ud800', '\uffff', '\u{10ffff}']);
    return [`${t.slice(0, at)}${ch}${t.slice(at)}`, `${JSON.stringify(ch)} at ${at}`];
  }, 2],
];

/** Applies one textual operator; returns the new text and its log line. */
export function mutateText(r: FuzzRandom, text: string): [string, string] {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [name, op] = r.weighted(OPERATORS.map(([n, o, w]) => [[n, o] as const, w] as const));
    const did = op(r, text);
    if (did !== null) return [did[0], `${name} ${did[1]}`];
  }
  return [text, 'no-op'];
}
