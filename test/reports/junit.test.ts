// The JUnit XML of `ccsim check --junit`: valid against the usual shape (test/fixtures/junit.xsd,
// checked with xmllint), one testcase per assertion, and a failure that says what was measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../reports/junit.js';
import { ccsim, ROOT } from '../support/cli.js';
import { FAST, scratch } from './support.js';

const XMLLINT = '/usr/bin/xmllint';

function validate(file: string): { status: number | null; output: string } {
  if (!existsSync(XMLLINT)) {
    throw new Error(`xmllint not found at ${XMLLINT}: install Debian's libxml2-utils (listed in .ci/apt-packages, which .ci/run installs)`);
  }
  const r = spawnSync(XMLLINT, ['--noout', '--schema', join(ROOT, 'test/fixtures/junit.xsd'), file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('JUnit output of ccsim check', () => {
  const dir = scratch();
  const file = join(dir, 'junit.xml');
  const r = ccsim(['check', 'scenarios/sales-service.yaml', ...FAST, '--junit', file,
    '--assert', 'overall.offered > 0', '--assert', 'channels.sales.serviceLevel > 1.5', '--assert', 'groups.universal.occupancy < 2']);

  it('validates against the testsuites/testsuite/testcase/failure schema', () => {
    expect(r.status, r.stderr).toBe(1);
    const v = validate(file);
    expect(v.status, v.output).toBe(0);
  });

  it('has one testcase per assertion and counts the failure', () => {
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toMatch(/<testsuites name="ccsim check" tests="3" failures="1" errors="0" skipped="0">/);
    expect(xml).toMatch(/<testcase name="overall.offered &gt; 0" classname="ccsim.check.Sales and service">/);
  });

  it('names metric, bound, measured mean and CI in the failure message', () => {
    const xml = readFileSync(file, 'utf8');
    const message = /<failure message="([^"]*)"/.exec(xml)?.[1] ?? '';
    expect(message).toMatch(/^channels\.sales\.serviceLevel &gt; 1\.5 failed: measured mean [\d.]+, 95% CI \[[-\d.]+, [\d.]+\]$/);
  });

  it('writes the same bytes for the same seed (no timestamps)', () => {
    const again = join(dir, 'again.xml');
    ccsim(['check', 'scenarios/sales-service.yaml', ...FAST, '--junit', again,
      '--assert', 'overall.offered > 0', '--assert', 'channels.sales.serviceLevel > 1.5', '--assert', 'groups.universal.occupancy < 2']);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b & "c" 'd'>\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\uFFFD');
  });
});
