/**
 * Rules of outbound campaigns (issue 13) that relate fields: a campaign's groups are agent
 * groups of the scenario, each named once; a per-interval `reach` or `dialsPerHour` lists one
 * value per interval; `ratio` belongs to a predictive dialer and `preview` to a preview one
 * (elsewhere they would be silently ignored).
 */
import type { PathSegment, Problem } from '../problem.js';
import { given, idsOf, isRecord, listOf, type Raw } from '../raw.js';
import { didYouMean } from '../suggestion.js';

export function campaignProblems(data: Raw, intervalCount: number | undefined): Problem[] {
  const groups = idsOf(data.agents);
  return listOf(data.campaigns).flatMap((campaign, i) => {
    if (!isRecord(campaign)) return [];
    const at = (...rest: PathSegment[]): PathSegment[] => ['campaigns', i, ...rest];
    const problems: Problem[] = [];
    const seen = new Set<string>();
    listOf(campaign.groups).forEach((name, k) => {
      if (typeof name !== 'string') return;
      if (!groups.includes(name)) {
        const hint = didYouMean(name, groups);
        problems.push({ path: at('groups', k), message: `must name an agent group of this scenario (its groups: ${groups.join(', ')})${hint === undefined ? '' : ` ${hint}`}`, got: { value: name } });
      } else if (seen.has(name)) {
        problems.push({ path: at('groups', k), message: 'is listed twice', got: { value: name } });
      }
      seen.add(name);
    });
    for (const [key, noun] of [['reach', 'reach'], ['dialsPerHour', 'dial rate']] as const) {
      const list = campaign[key];
      if (Array.isArray(list) && intervalCount !== undefined && list.length !== intervalCount) {
        problems.push({ path: at(key), message: `must list one ${noun} per interval: ${intervalCount} intervals, ${list.length} listed` });
      }
    }
    const dialer = campaign.dialer;
    const mode = isRecord(dialer) && typeof dialer.mode === 'string' ? dialer.mode : undefined;
    if (isRecord(dialer) && given(dialer.ratio) && mode !== undefined && mode !== 'predictive') {
      problems.push({ path: at('dialer', 'ratio'), message: `applies to a predictive dialer only (this one is ${mode}): it holds an agent for each call`, atKey: true });
    }
    if (given(campaign.preview) && mode !== undefined && mode !== 'preview') {
      problems.push({ path: at('preview'), message: `applies to a preview dialer only (this one is ${mode})`, atKey: true });
    }
    return problems;
  });
}
