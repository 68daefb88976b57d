/**
 * A scenario file as text: parsed with `yaml` (JSON is YAML, so one parser serves both),
 * keeping the syntax tree so every problem can be pointed at `line:col`. Anything that is
 * not plain data (unknown tags such as `!!js/function`, unresolved aliases, alias bombs) is
 * a problem, so no file can do more than describe data.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLError } from 'yaml';
import type { PathSegment, Problem } from './problem.js';

export interface ScenarioDocument {
  /** The data, or `undefined` when the text could not be read as data at all. */
  readonly data: unknown;
  /** Syntax problems, each with its position. */
  readonly problems: readonly Problem[];
  /** 1-based position of the value (or the key) at `path`, or of its nearest ancestor. */
  locate(path: readonly PathSegment[], atKey?: boolean): { line: number; col: number };
}

/** Alias expansions allowed when building data; protects against "billion laughs" files. */
const MAX_ALIAS_COUNT = 100;

export function parseScenarioDocument(text: string): ScenarioDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [
    ...doc.errors.map((e) => syntaxProblem(e, lineCounter, 'YAML syntax')),
    // Warnings are mostly unknown tags (`!!js/function`): a scenario is plain data, so they are errors too.
    ...doc.warnings.map((e) => syntaxProblem(e, lineCounter, 'YAML (scenario files hold plain data only)')),
  ];
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = `cannot be read as data: ${err instanceof Error ? err.message : String(err)}`;
    problems.push({ path: [], message, position: { line: 1, col: 1 } });
  }
  const locate = (path: readonly PathSegment[], atKey = false) => {
    const offset = offsetOf(doc.contents, path, atKey);
    return lineCounter.linePos(offset);
  };
  return { data, problems, locate };
}

function syntaxProblem(error: YAMLError, lineCounter: LineCounter, kind: string): Problem {
  // yaml's messages end with " at line L, column C:" and a code excerpt; the position is
  // printed by the loader, so keep only the sentence.
  const sentence = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
  return { path: [], message: `${kind}: ${sentence}`, position: { line: pos.line, col: pos.col } };
}

/** Start offset of the node at `path`, following maps and sequences as far as they go. */
function offsetOf(root: unknown, path: readonly PathSegment[], atKey: boolean): number {
  let node: unknown = root;
  let offset = rangeStart(root);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) return offset;
      if (last && atKey) return rangeStart(pair.key, offset);
      node = pair.value;
      offset = rangeStart(pair.value, rangeStart(pair.key, offset));
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = rangeStart(node, offset);
      if (node === undefined) return offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeStart(node: unknown, fallback = 0): number {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : fallback;
}
