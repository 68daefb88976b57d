/**
 * What `ccsim calibrate` found, as JSON (`--json`), CSV (one row per channel and interval) and
 * as text: per channel the handle time,
 * the fitted patience with its 95% interval, the abandonment–waiting check, each interval's
 * own inversion, and the warnings. Rendering only: the figures come from
 * analysis/calibration/ through scenarios/calibratedScenario.ts's input.
 */
import { formatClock, formatDuration } from '../../scenarios/duration.js';
import { abandons, handleSpecOf, patienceSpecOf, type CalibratedChannel, type CalibratedScenarioInput } from '../../scenarios/calibratedScenario.js';
import { csvText, numberCell, type Cell } from '../tidyCsv.js';

/** Infinity has no JSON: an unbounded end of an interval is written null. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function calibrationJson(input: CalibratedScenarioInput): Record<string, unknown> {
  const { report } = input;
  return {
    file: report.file,
    writtenOn: input.writtenOn,
    intervalSec: report.intervalSec,
    intervalCount: report.intervalCount,
    dayStart: formatClock(report.dayStartSec),
    startDate: report.startDate ?? null,
    slWithinSec: report.slWithinSec ?? null,
    handleCv: input.handleCv,
    channels: input.channels.map((c) => {
      const { patience: p, waitingCheck: w } = c.calibration;
      return {
        channel: c.name,
        id: c.id,
        kind: c.kind,
        handleMeanSec: c.calibration.handleMeanSec ?? null,
        patience:
          p === undefined
            ? null
            : { model: 'erlangA', meanSec: p.meanSec, ci95: { lower: p.ci.lower, upper: finite(p.ci.upper) }, status: p.status, intervals: p.intervals, dispersion: p.dispersion, observedAbandonShare: p.observedShare, fittedAbandonShare: p.fittedShare },
        waitingCheck: w === undefined ? null : { model: 'abandonsPerWait', meanSec: finite(w.meanSec), ci95: { lower: w.ci.lower, upper: finite(w.ci.upper) }, intervals: w.intervals, approximate: w.approximate },
        intervals: c.calibration.intervals.map((i) => ({ ...i, patienceSec: i.patienceSec ?? null, abandoned: i.abandoned ?? null, agents: i.agents ?? null, loadErlangs: i.loadErlangs ?? null })),
        calls: c.calls === undefined ? null : callsJson(c),
        handle: handleSpecOf(c, input.handleCv),
        patienceWritten: patienceSpecOf(c),
        warnings: c.calibration.warnings,
      };
    }),
    warnings: input.reportWarnings,
  };
}

/** What a channel's call records gave (`--calls`): the handle families by AIC and the censored patience fit. */
function callsJson(c: CalibratedChannel): Record<string, unknown> | null {
  const fit = c.calls;
  if (fit === undefined) return null;
  const h = fit.handle;
  const p = fit.patience;
  return {
    calls: fit.calls,
    answered: fit.answered,
    abandoned: fit.abandoned,
    handle: h.fitted
      ? { n: h.n, best: h.best.family, candidates: h.candidates.map((k) => ({ family: k.family, meanSec: k.meanSec, meanSe: k.meanSe, cv: k.cv, aic: k.aic, deltaAic: k.deltaAic, ksDistance: k.ksDistance, ksPValue: k.ksPValue })) }
      : { n: h.n, best: null, reason: h.reason },
    patience: {
      exponential: { meanSec: p.exponential.meanSec, ci: { lower: p.exponential.lowerSec, upper: p.exponential.upperSec }, confidence: p.confidence },
      kaplanMeierMedianSec: p.kaplanMeier.median === null ? null : p.kaplanMeier.median.valueSec,
      restrictedMeanSec: p.kaplanMeier.restrictedMeanSec,
    },
  };
}

const sec = (x: number): string => (Number.isFinite(x) ? `${+x.toFixed(1)} s` : '∞');
const pct = (x: number): string => `${+(100 * x).toFixed(2)}%`;

export function renderCalibrationText(input: CalibratedScenarioInput): string {
  const { report } = input;
  const lines = [`calibrated ${report.file}: ${report.intervalCount} intervals of ${formatDuration(report.intervalSec)} from ${report.labelOf(0)}, ${report.channels.length} channel${report.channels.length === 1 ? '' : 's'}`];
  for (const c of input.channels) {
    const cal = c.calibration;
    const h = c.calls?.handle;
    const handle = h?.fitted === true ? `${h.best.family} cv ${+h.best.cv.toFixed(3)} from ${h.n} calls (mean ${sec(h.best.meanSec)})` : `lognormal cv ${input.handleCv}`;
    lines.push(`${c.name} → channel ${c.id} (${c.kind}): AHT ${cal.handleMeanSec === undefined ? '–' : sec(cal.handleMeanSec)}, ${handle}`);
    const cp = c.calls?.patience;
    if (cp !== undefined && cp.exponential.meanSec !== null) {
      lines.push(`  patience from ${cp.calls} calls (answered censored; written): mean ${sec(cp.exponential.meanSec)}, ${Math.round(cp.confidence * 100)}% ${sec(cp.exponential.lowerSec)} – ${cp.exponential.upperSec === null ? '∞' : sec(cp.exponential.upperSec)}`);
    }
    const p = cal.patience;
    if (!abandons(c.kind)) lines.push('  patience: not fitted (this kind does not abandon)');
    else if (p === undefined) lines.push('  patience: not fitted');
    else {
      lines.push(`  patience (Erlang A, ${p.intervals} intervals): mean ${sec(p.meanSec)}, 95% ${sec(p.ci.lower)} – ${sec(p.ci.upper)}${p.status === 'fit' ? '' : ` [${p.status}]`}`);
      lines.push(`  abandon share: ${pct(p.observedShare)} reported, ${pct(p.fittedShare)} fitted; dispersion ${+p.dispersion.toFixed(2)}`);
    }
    const w = cal.waitingCheck;
    if (w !== undefined) lines.push(`  check, abandons ÷ total wait: mean ${sec(w.meanSec)}, 95% ${sec(w.ci.lower)} – ${sec(w.ci.upper)}${w.approximate ? ' (abandoners taken to wait as long as ASA)' : ''}`);
    for (const warning of cal.warnings) lines.push(`  warning: ${warning}`);
  }
  for (const warning of input.reportWarnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

export const CALIBRATION_CSV_COLUMNS = ['channel', 'id', 'kind', 'interval_start', 'offered', 'abandoned', 'abandon_share', 'staffed', 'load_erlangs', 'status', 'interval_patience_sec', 'fitted_patience_sec', 'fitted_ci_low', 'fitted_ci_high'] as const;

/**
 * One row per channel and interval: the report's figures the fit used, the interval's own
 * Erlang A patience (status `fit`; otherwise why not), and the channel's pooled patience
 * repeated on each row (tidy: a spreadsheet filters by channel without a join).
 */
export function renderCalibrationCsv(input: CalibratedScenarioInput): string {
  const rows: Cell[][] = [[...CALIBRATION_CSV_COLUMNS]];
  for (const c of input.channels) {
    const p = c.calibration.patience;
    for (const i of c.calibration.intervals) {
      const share = i.abandoned !== undefined && i.offered > 0 ? i.abandoned / i.offered : undefined;
      rows.push([c.name, c.id, c.kind, i.label, i.offered, numberCell(i.abandoned), numberCell(share), numberCell(i.agents), numberCell(i.loadErlangs), i.status, numberCell(i.patienceSec), numberCell(p?.meanSec), numberCell(p?.ci.lower), numberCell(p?.ci.upper)]);
    }
  }
  return csvText(rows);
}
