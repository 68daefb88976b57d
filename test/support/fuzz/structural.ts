/**
 * Structural mutations of a parsed scenario (plain data): delete, duplicate or swap keys and
 * list items, rename keys, and replace values with wrong types, edge numbers, absurd
 * durations, hostile strings, long lists or deep nesting. Each operator changes the data in
 * place and returns a short description of what it did (the mutant's log).
 */
import type { FuzzRandom } from './random.js';
import { longList, NASTY_DURATIONS, NASTY_IDS, NASTY_KEYS, NASTY_STRINGS, nastyNumber, nested, wrongType } from './values.js';

type Container = Record<string, unknown> | unknown[];

/** One place in the data: `container[key]`, with its path for the log. */
interface Slot {
  readonly container: Container;
  readonly key: string | number;
  readonly path: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => { out.push({ container: v, key: i, path: `${path}[${i}]` }); walk(item, `${path}[${i}]`); });
    } else if (isRecord(v)) {
      for (const k of Object.keys(v)) { out.push({ container: v, key: k, path: path ? `${path}.${k}` : k }); walk(v[k], path ? `${path}.${k}` : k); }
    }
  };
  walk(root, '');
  return out;
}

const get = (s: Slot): unknown => (Array.isArray(s.container) ? s.container[s.key as number] : s.container[s.key as string]);

/** Sets an own property, even `__proto__` (an assignment would change the prototype instead). */
function put(s: Slot, value: unknown): void {
  if (Array.isArray(s.container)) s.container[s.key as number] = value;
  else Object.defineProperty(s.container, s.key as string, { value, enumerable: true, writable: true, configurable: true });
}

function pickSlot(r: FuzzRandom, all: readonly Slot[], want?: (s: Slot) => boolean): Slot | undefined {
  const fit = want ? all.filter(want) : all;
  const from = fit.length > 0 ? fit : all;
  return from.length > 0 ? r.pick(from) : undefined;
}

const isDurationText = (v: unknown): boolean => typeof v === 'string' && /^\d+(\.\d+)?[smhd]/.test(v);

type Operator = (r: FuzzRandom, all: readonly Slot[]) => string | null;

const OPERATORS: readonly (readonly [string, Operator, number])[] = [
  ['delete-key', (r, all) => {
    const s = pickSlot(r, all, (x) => !Array.isArray(x.container));
    if (!s || Array.isArray(s.container)) return null;
    delete s.container[s.key as string];
    return s.path;
  }, 3],
  ['delete-item', (r, all) => {
    const s = pickSlot(r, all, (x) => Array.isArray(x.container));
    if (!s || !Array.isArray(s.container)) return null;
    s.container.splice(s.key as number, 1);
    return s.path;
  }, 2],
  ['duplicate-item', (r, all) => {
    const s = pickSlot(r, all, (x) => Array.isArray(x.container));
    if (!s || !Array.isArray(s.container)) return null;
    s.container.splice(s.key as number, 0, structuredClone(get(s)));
    return s.path;
  }, 2],
  ['swap-items', (r, all) => {
    const s = pickSlot(r, all, (x) => Array.isArray(x.container) && x.container.length > 1);
    if (!s || !Array.isArray(s.container) || s.container.length < 2) return null;
    const j = r.int(s.container.length);
    const a = s.container[s.key as number];
    s.container[s.key as number] = s.container[j];
    s.container[j] = a;
    return `${s.path} <-> [${j}]`;
  }, 1],
  ['swap-values', (r, all) => {
    const a = pickSlot(r, all);
    const b = pickSlot(r, all);
    if (!a || !b) return null;
    const va = structuredClone(get(a));
    put(a, structuredClone(get(b)));
    put(b, va);
    return `${a.path} <-> ${b.path}`;
  }, 2],
  ['rename-key', (r, all) => {
    const s = pickSlot(r, all, (x) => !Array.isArray(x.container));
    if (!s || Array.isArray(s.container)) return null;
    const old = String(s.key);
    const name = r.pick([...NASTY_KEYS, `${old}s`, old.toUpperCase(), old.slice(1), `${old} `]);
    const value = get(s);
    delete s.container[old];
    put({ container: s.container, key: name, path: '' }, value);
    return `${s.path} -> ${JSON.stringify(name.slice(0, 40))}`;
  }, 2],
  ['add-key', (r, all) => {
    const s = pickSlot(r, all, (x) => isRecord(get(x)));
    const target = s ? get(s) : undefined;
    if (!s || !isRecord(target)) return null;
    const name = r.pick(NASTY_KEYS);
    put({ container: target, key: name, path: '' }, wrongType(r));
    return `${s.path}.${JSON.stringify(name.slice(0, 40))}`;
  }, 1],
  ['wrong-type', (r, all) => {
    const s = pickSlot(r, all);
    if (!s) return null;
    put(s, wrongType(r));
    return s.path;
  }, 4],
  ['edge-number', (r, all) => {
    const s = pickSlot(r, all, (x) => typeof get(x) === 'number');
    if (!s) return null;
    const n = nastyNumber(r);
    put(s, n);
    return `${s.path} = ${n}`;
  }, 4],
  ['scale-number', (r, all) => {
    const s = pickSlot(r, all, (x) => typeof get(x) === 'number');
    const v = s ? get(s) : undefined;
    if (!s || typeof v !== 'number') return null;
    const k = r.pick([-9, -6, -3, -1, 1, 2, 3, 4, 6, 9]);
    put(s, v * 10 ** k);
    return `${s.path} x 1e${k}`;
  }, 3],
  ['scale-duration', (r, all) => {
    const s = pickSlot(r, all, (x) => isDurationText(get(x)));
    const v = s ? get(s) : undefined;
    if (!s || typeof v !== 'string') return null;
    const k = r.pick([-6, -3, 2, 3, 4, 6]);
    const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(v);
    const scaled = `${Number(m?.[1] ?? 1) * 10 ** k}${m?.[2] ?? 's'}`;
    put(s, scaled);
    return `${s.path} = ${scaled}`;
  }, 2],
  ['absurd-duration', (r, all) => {
    const s = pickSlot(r, all, (x) => isDurationText(get(x)));
    if (!s) return null;
    const d = r.pick(NASTY_DURATIONS);
    put(s, d);
    return `${s.path} = ${JSON.stringify(d)}`;
  }, 4],
  ['hostile-string', (r, all) => {
    const s = pickSlot(r, all, (x) => typeof get(x) === 'string');
    if (!s) return null;
    const v = r.pick(NASTY_STRINGS);
    put(s, v);
    return `${s.path} = ${JSON.stringify(v.slice(0, 40))}${v.length > 40 ? `…(${v.length})` : ''}`;
  }, 3],
  ['odd-id', (r, all) => {
    const s = pickSlot(r, all, (x) => x.key === 'id' || x.key === 'channels' || x.key === 'skills' || x.key === 'name');
    if (!s) return null;
    const id = r.pick(NASTY_IDS);
    // Rename consistently half of the time, so that references still match.
    const old = get(s);
    if (typeof old === 'string' && r.chance(0.5)) {
      for (const x of all) if (get(x) === old) put(x, id);
      return `every ${JSON.stringify(old)} -> ${JSON.stringify(id)}`;
    }
    put(s, id);
    return `${s.path} = ${JSON.stringify(id)}`;
  }, 3],
  ['long-list', (r, all) => {
    const s = pickSlot(r, all, (x) => Array.isArray(get(x)));
    const v = s ? get(s) : undefined;
    if (!s || !Array.isArray(v)) return null;
    const list = longList(r, v[0]);
    put(s, list);
    return `${s.path} = [${list.length} items]`;
  }, 2],
  ['nest', (r, all) => {
    const s = pickSlot(r, all);
    if (!s) return null;
    const depth = r.pick([2, 10, 100]);
    put(s, nested(r, get(s), depth));
    return `${s.path} nested ${depth} deep`;
  }, 1],
  ['empty', (r, all) => {
    const s = pickSlot(r, all, (x) => typeof get(x) === 'object');
    if (!s) return null;
    put(s, Array.isArray(get(s)) ? [] : {});
    return s.path;
  }, 1],
];

/** Keys a scenario may leave out: dropping one mostly keeps the file valid and changes the model. */
const OPTIONAL_KEYS = new Set(['patience', 'warmup', 'target', 'types', 'retrial', 'callback', 'deflection', 'overdispersion', 'fcr',
  'shrinkage', 'breaks', 'tiers', 'escalate', 'openHours', 'initialBacklog', 'assert', 'sweep', 'serviceLevel', 'dayStart', 'costPerHour', 'repeatDelay']);
const DISTRIBUTIONS = ['exponential', 'constant', 'uniform', 'triangular', 'lognormal', 'gamma', 'erlang', 'empirical'];

/** Plausible edits: the file mostly stays valid, so the engine, not the validator, meets the odd model. */
const GENTLE: readonly (readonly [string, Operator, number])[] = [
  ['tweak-number', (r, all) => {
    const s = pickSlot(r, all, (x) => typeof get(x) === 'number');
    const v = s ? get(s) : undefined;
    if (!s || typeof v !== 'number') return null;
    const next = r.pick([0, 1, 2, Math.round(v * 0.5), v * 2, Math.round(v * 10), v * 100, v + 1, Math.max(0, v - 1), 0.999, 0.001]);
    put(s, next);
    return `${s.path} = ${next}`;
  }, 5],
  ['tweak-duration', (r, all) => {
    const s = pickSlot(r, all, (x) => isDurationText(get(x)));
    if (!s) return null;
    const d = r.pick(['1s', '0s', '0.001s', '59s', '1m', '61m', '1h', '7h', '1d', '30d', '365d', '2h30m', '0.5s']);
    put(s, d);
    return `${s.path} = ${d}`;
  }, 4],
  ['drop-optional', (r, all) => {
    const s = pickSlot(r, all, (x) => typeof x.key === 'string' && OPTIONAL_KEYS.has(x.key));
    if (!s || Array.isArray(s.container) || typeof s.key !== 'string' || !OPTIONAL_KEYS.has(s.key)) return null;
    delete s.container[s.key];
    return s.path;
  }, 3],
  ['swap-dist', (r, all) => {
    const s = pickSlot(r, all, (x) => x.key === 'dist');
    if (!s || s.key !== 'dist') return null;
    const d = r.pick(DISTRIBUTIONS);
    put(s, d);
    return `${s.path} = ${d}`;
  }, 2],
  ['shuffle-items', (r, all) => {
    const s = pickSlot(r, all, (x) => Array.isArray(x.container) && x.container.length > 1);
    if (!s || !Array.isArray(s.container)) return null;
    const j = r.int(s.container.length);
    [s.container[s.key as number], s.container[j]] = [s.container[j], s.container[s.key as number]];
    return `${s.path} <-> [${j}]`;
  }, 2],
];

/**
 * Applies one structural operator to `data` (in place); returns its log line. `gentle`
 * draws from the plausible edits only.
 */
export function mutateStructure(r: FuzzRandom, data: unknown, gentle = false): string {
  const all = slots(data);
  const ops = gentle ? GENTLE : OPERATORS;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [name, op] = r.weighted(ops.map(([n, o, w]) => [[n, o] as const, w] as const));
    const did = op(r, all);
    if (did !== null) return `${name} ${did}`;
  }
  return 'no-op';
}
