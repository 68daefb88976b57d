/**
 * A vega-lite spec rendered to an SVG string in Node: compiled to vega, run headless
 * (`renderer: 'none'`: no canvas, no DOM; text widths are vega's estimates, so the same spec
 * gives the same bytes on every machine). Vega numbers clip paths and gradients from a
 * process-wide counter, so ids are unique across the charts of one report.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
