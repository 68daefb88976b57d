/**
 * A vega-lite spec rendered to an SVG string in Node: compiled to vega, run headless
 * (`renderer: 'none'`: no canvas, no DOM; text widths are vega's estimates, so the same spec
 * gives the same bytes on every machine). Vega numbers clip paths and gradients from a
 * process-wide counter, so ids are unique across the charts of one report.
 *
 * vega and vega-lite are imported on the first chart, not with this module: together they
 * take ~0.3–0.7 s to load, which every `ccsim run` would otherwise pay for HTML it never
 * asked for (issue 16: start-up).
 */
import type { TopLevelSpec } from 'vega-lite';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
