/**
 * A scenario file as text: parsed with `yaml` (JSON is YAML, so one parser serves both),
 * keeping the syntax tree so every problem can be pointed at `line:col`. Anything that is
 * not plain data (unknown tags such as `!!js/function`, unresolved aliases, alias bombs) is
 * a problem, so no file can do more than describe data.
 */
import { CST, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, type Node, parseDocument, type YAMLError } from 'yaml';
import { SCENARIO_LIMITS as L } from './limits.js';
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
  const oversized = sizeProblem(text);
  if (oversized !== undefined) return { data: undefined, problems: [oversized], locate: () => ({ line: 1, col: 1 }) };
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

/**
 * Tokens that each make a node of the syntax tree: a quoted or block scalar, an alias, a
 * flow collection, a block sequence's item (plain scalars are announced by `CST.SCALAR`).
 */
const NODE_TOKENS: ReadonlySet<string> = new Set([
  'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'alias', 'flow-seq-start', 'flow-map-start', 'seq-item-ind',
]);

/**
 * Whether the text is small enough to parse, judged by yaml's lexer before the parser runs:
 * at most `maxDocumentNodes` nodes and no token longer than `maxTextChars`. The parser and
 * its syntax tree cost some 20–40 µs and several hundred bytes per node (a list of a million
 * numbers took 20 s and 1.3 GB), so a document is refused as soon as the count passes the
 * limit, whatever the file's length: lexing stops there.
 */
function sizeProblem(text: string): Problem | undefined {
  let nodes = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === CST.SCALAR) nodes++;
    if (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR) continue;
    const type = CST.tokenType(token);
    if (type !== null && NODE_TOKENS.has(type)) nodes++;
    if (nodes > L.maxDocumentNodes) {
      const message = `the document has more than ${L.maxDocumentNodes.toLocaleString('en-US')} values and list items; a scenario may have at most that many (long lists of volumes belong in a forecast CSV, arrivals.forecast; an empirical distribution lists at most ${L.maxEmpiricalValues.toLocaleString('en-US')} values)`;
      return { path: [], message, position: positionOf(text, offset) };
    }
    if (token.length > L.maxTextChars) {
      const message = `a text of ${token.length.toLocaleString('en-US')} characters; a scenario's texts (names, descriptions, comments) may have at most ${L.maxTextChars.toLocaleString('en-US')}`;
      return { path: [], message, position: positionOf(text, offset) };
    }
    offset += token.length;
  }
  return undefined;
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
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
