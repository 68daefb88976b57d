// Helpers of the report suites: scratch directories, the bundled scenarios, a run result.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunResult } from '../../analysis/run/result.js';
import { ccsim, ROOT } from '../support/cli.js';

export const scratch = (): string => mkdtempSync(join(tmpdir(), 'ccsim-reports-'));

/** Every scenario shipped in scenarios/ (the ones a user runs first); shift-template files (a top-level `templates:`) are not scenarios. */
export const bundledScenarios = (): string[] =>
  readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json' && !/^templates:/m.test(readFileSync(join(ROOT, 'scenarios', f), 'utf8')))
    .map((f) => `scenarios/${f}`)
    .sort();

/** Few replications: the suites check shapes and plumbing, not the numbers. */
export const FAST = ['--replications', '3', '--seed', '11'] as const;

export function runResult(scenario: string, ...args: string[]): RunResult {
  const r = ccsim(['run', scenario, ...FAST, ...args, '--format', 'json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RunResult;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEstimate = (v: unknown): boolean => isObject(v) && 'mean' in v && 'ci95' in v;

/**
 * [scope, id, metric] of every estimate in `container` (the summary or one interval), walked
 * here independently of analysis/scopes.ts: `overall` holds metrics, other scopes hold ids.
 */
export function estimateKeys(container: object): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [scope, value] of Object.entries(container)) {
    if (!isObject(value)) continue;
    if (Object.values(value).some(isEstimate)) {
      for (const [m, v] of Object.entries(value)) if (isEstimate(v)) out.push([scope, '', m]);
      continue;
    }
    for (const [id, rec] of Object.entries(value)) {
      if (isObject(rec)) for (const [m, v] of Object.entries(rec)) if (isEstimate(v)) out.push([scope, id, m]);
    }
  }
  return out;
}

export interface MdTable { title: string; head: string[]; rows: string[][] }

/** The GFM tables of a Markdown report, each with the heading (### or <summary>) above it; cells trimmed. */
export function mdTables(md: string): MdTable[] {
  const tables: MdTable[] = [];
  let title = '';
  let current: string[][] | null = null;
  const cells = (line: string): string[] => line.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.trim());
  for (const line of md.split('\n')) {
    const heading = /^### (.*)$/.exec(line) ?? /^<details><summary>(.*)<\/summary>$/.exec(line);
    if (heading) title = heading[1] ?? '';
    if (!line.startsWith('| ')) { current = null; continue; }
    if (current === null) {
      current = [];
      tables.push({ title, head: cells(line), rows: current });
    } else if (!/^\| -/.test(line)) current.push(cells(line));
  }
  return tables;
}
