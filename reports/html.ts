/**
 * The self-contained HTML page every HTML report is (run, sweep, staffing, schedule,
 * back-test): inline CSS, tables (reports/tables.ts), charts (reports/charts.ts) as inline SVG.
 * No script, no external URL, no timestamp: it opens offline, in a mail client or as a CI
 * artifact, and the same result always gives the same bytes.
 */
import type { Chart } from './charts.js';
import { renderSvg } from './svg.js';
import type { Cell, ReportTable } from './tables.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The reports' stylesheet (the sweep report, reports/sweep/html.ts, shares it). */
export const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
main { max-width: 1000px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.meta { color: #59636e; margin: 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d7de; padding: 3px 8px; }
th { background: #f6f8fa; text-align: left; }
td.num { text-align: right; white-space: nowrap; }
td.pass { color: #1a7f37; font-weight: 600; }
td.fail { color: #cf222e; font-weight: 600; }
td.inconclusive { color: #9a6700; font-weight: 600; }
figure { margin: 16px 0; }
/* The chart's own title says it; the caption is for screen readers and the outline. */
figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
figure svg { max-width: 100%; height: auto; }
details { margin: 8px 0; }
summary { cursor: pointer; font-weight: 600; }
.legend { color: #59636e; font-size: 13px; }
footer { color: #59636e; font-size: 12px; margin-top: 32px; }
`;

const STATUS_TITLE = { pass: 'CI meets the target', fail: 'CI misses the target', inconclusive: 'CI straddles the target', undefined: '' } as const;

function cellHtml(c: Cell, numeric: boolean): string {
  const cls = numeric ? ['num'] : [];
  if (typeof c === 'string') return `<td${cls.length ? ` class="${cls.join(' ')}"` : ''}>${escapeHtml(c)}</td>`;
  if (c.status !== 'undefined') cls.push(c.status);
  const title = c.title ?? STATUS_TITLE[c.status];
  return `<td class="${cls.join(' ')}"${title ? ` title="${title}"` : ''}>${escapeHtml(c.text)}</td>`;
}

export function htmlTable(t: ReportTable): string {
  const head = `<tr>${t.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = t.rows.map((row) => `<tr>${row.map((c, i) => cellHtml(c, i >= t.labelColumns)).join('')}</tr>`);
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** The verdict colours' key, for reports whose tables mark service levels against the CI. */
export const VERDICT_LEGEND = '<p class="legend">Service levels in <span style="color:#1a7f37">green</span> meet the target over ' +
  'their whole 95% CI, in <span style="color:#cf222e">red</span> miss it, in <span style="color:#9a6700">amber</span> straddle it.</p>';

export interface HtmlPage {
  /** The document title after "ccsim". */
  readonly title: string;
  readonly heading: string;
  /** Plain text under the heading. */
  readonly meta: string;
  /** Extra header markup (a legend). */
  readonly headerExtra?: string;
  /** The page's sections, already HTML. */
  readonly body: string;
  /** Plain text of the footer. */
  readonly footer: string;
}

/** One self-contained page (inline CSS, no script, no external URL): every ccsim HTML report. */
export function htmlPage(p: HtmlPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ccsim — ${escapeHtml(p.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(p.heading)}</h1>
<p class="meta">${escapeHtml(p.meta)}</p>${p.headerExtra ? `\n${p.headerExtra}` : ''}
</header>
${p.body}
<footer>${escapeHtml(p.footer)}</footer>
</main>
</body>
</html>
`;
}

export async function figure(chart: Chart): Promise<string> {
  const svg = await renderSvg(chart.spec);
  return `<figure class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}">\n` +
    `<figcaption>${escapeHtml(chart.title)}</figcaption>\n${svg}\n</figure>`;
}
