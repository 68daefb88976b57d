// The JUnit XML of `ccsim check --junit`: valid against the usual shape (test/fixtures/junit.xsd,
// checked with xmllint-wasm, libxml2's xmllint compiled to WebAssembly and installed by `npm ci`),
// one testcase per assertion, and a failure that says what was measured.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { escapeXml } from '../../reports/run/junit.js';
import { ccsim, ROOT } from '../support/cli.js';
import { FAST, scratch } from './support.js';

const XSD = { fileName: 'junit.xsd', contents: readFileSync(join(ROOT, 'test/fixtures/junit.xsd'), 'utf8') };

/** Validates a document against the XSD; `errors` holds xmllint's messages, one a line. */
async function validate(xml: string): Promise<{ valid: boolean; errors: string }> {
  const r = await validateXML({ xml: { fileName: 'junit.xml', contents: xml }, schema: XSD });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage).join('\n') };
}

describe('JUnit output of ccsim check', () => {
  const dir = scratch();
  const file = join(dir, 'junit.xml');
  const r = ccsim(['check', 'scenarios/sales-service.yaml', ...FAST, '--junit', file,
    '--assert', 'overall.offered > 0', '--assert', 'channels.sales.serviceLevel > 1', '--assert', 'groups.universal.occupancy <= 1']);

  it('validates against the testsuites/testsuite/testcase/failure schema', async () => {
    expect(r.status, r.stderr).toBe(1);
    const v = await validate(readFileSync(file, 'utf8'));
    expect(v.errors).toBe('');
    expect(v.valid).toBe(true);
  });

  it('rejects a truncated document, a missing required attribute and a mistyped one (the check is real)', async () => {
    const xml = readFileSync(file, 'utf8');
    const truncated = await validate(xml.replace('</testsuites>', ''));
    expect(truncated.valid).toBe(false);
    expect(truncated.errors).toMatch(/parser error/);
    const noCount = await validate(xml.replace(/(<testsuites [^>]*?) tests="\d+"/, '$1'));
    expect(noCount.valid).toBe(false);
    expect(noCount.errors).toMatch(/Schemas validity error : Element 'testsuites': The attribute 'tests' is required/);
    const stray = await validate(xml.replace('<testcase ', '<testcase time="soon" '));
    expect(stray.valid).toBe(false);
    expect(stray.errors).toMatch(/Schemas validity error : Element 'testcase', attribute 'time'/);
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
    expect(message).toMatch(/^channels\.sales\.serviceLevel &gt; 1 failed: measured mean [\d.]+, 95% CI \[[-\d.]+, [\d.]+\]$/);
  });

  it('writes the same bytes for the same seed (no timestamps)', () => {
    const again = join(dir, 'again.xml');
    ccsim(['check', 'scenarios/sales-service.yaml', ...FAST, '--junit', again,
      '--assert', 'overall.offered > 0', '--assert', 'channels.sales.serviceLevel > 1', '--assert', 'groups.universal.occupancy <= 1']);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b & "c" 'd'>\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\uFFFD');
  });
});
